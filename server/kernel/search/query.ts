import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely'
import type { Database } from '../../database.ts'
import { dialectOf } from './dialect.ts'
import { isPrefixToken, segmentQuery } from './segment.ts'

type D = ExpressionBuilder<Database & { d: Database['search_documents'] }, 'd'>

export interface SearchRequest {
  /** The words typed; segmented with jieba, every token required. */
  text: string
  /** Normalised identifiers to match exactly (a patent application number with and without check digit, a USCC, …). */
  identifiers?: readonly string[]
  /** Who may see what, as SQL over the `d` (search_documents) alias: the caller's scope. */
  visible: (eb: D) => Expression<SqlBool>
  kinds?: readonly string[]
  districtId?: string
  /** Inclusive YYYY-MM-DD bounds on the document date. */
  from?: string
  to?: string
  /** Class filters, each a prefix of a code: { scheme: 'ipc', prefix: 'H01L' }. */
  classes?: readonly { scheme: string; prefix: string }[]
  page: number
  pageSize: number
}

export interface SearchHit {
  seq: number
  source: string
  sourceId: string
  kind: string
  title: string
  body: string
  names: string
  districtId: string | null
  sortDate: string
  score: number
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  /** The query tokens, for highlighting in the original text. */
  terms: string[]
}

function matchCondition(
  db: Kysely<Database>,
  eb: D,
  terms: string[],
  identifiers: readonly string[],
  joined: boolean,
) {
  const parts: Expression<SqlBool>[] = []
  if (terms.length > 0) {
    if (joined) {
      parts.push(sql<SqlBool>`f.search_fts match ${ftsQuery(terms)}`)
    } else if (dialectOf(db) === 'sqlite') {
      parts.push(
        sql<SqlBool>`d.seq in (select rowid from search_fts where search_fts match ${ftsQuery(terms)})`,
      )
    } else {
      const query = terms.map((t) => (isPrefixToken(t) ? `'${t}':*` : `'${t}'`)).join(' & ')
      parts.push(sql<SqlBool>`d.tsv @@ cast(${query} as tsquery)`)
    }
  }
  if (identifiers.length > 0) {
    parts.push(
      eb(
        'd.seq',
        'in',
        eb
          .selectFrom('search_identifiers')
          .select('search_identifiers.seq')
          .where('value', 'in', [...identifiers]),
      ),
    )
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 1`
  return parts.length === 1 ? parts[0]! : eb.or(parts)
}

/**
 * The ranking, defined so that SQLite and PostgreSQL agree exactly (decision in docs/decisions.md):
 * 100 for an exact identifier match, plus for each query token 2 if it is a token of the title and
 * 1 if it starts a token of the holder names; ties by date, newest first, then by index order.
 * It is plain string arithmetic on the stored segmented text, the same on both databases, unlike
 * bm25() and ts_rank(), which score differently.
 */
function scoreExpression(db: Kysely<Database>, eb: D, terms: string[], identifiers: readonly string[]) {
  const position = sql.raw(dialectOf(db) === 'sqlite' ? 'instr' : 'strpos')
  const parts: RawBuilder<number>[] = [sql<number>`0`]
  for (const term of terms) {
    const needle = isPrefixToken(term) ? ` ${term}` : ` ${term} `
    if (!isPrefixToken(term)) {
      parts.push(
        sql<number>`case when ${position}(' ' || d.seg_title || ' ', cast(${needle} as text)) > 0 then 2 else 0 end`,
      )
    }
    parts.push(
      sql<number>`case when ${position}(' ' || d.seg_names, cast(${` ${term}`} as text)) > 0 then 1 else 0 end`,
    )
  }
  if (identifiers.length > 0) {
    const hit = eb(
      'd.seq',
      'in',
      eb
        .selectFrom('search_identifiers')
        .select('search_identifiers.seq')
        .where('value', 'in', [...identifiers]),
    )
    parts.push(sql<number>`case when ${hit} then 100 else 0 end`)
  }
  return sql<number>`(${sql.join(parts, sql` + `)})`
}

function ftsQuery(terms: string[]): string {
  return terms.map((t) => (isPrefixToken(t) ? `"${t}"*` : `"${t}"`)).join(' ')
}

function filtered(db: Kysely<Database>, request: SearchRequest, terms: string[]) {
  const identifiers = request.identifiers ?? []
  // Words only, on SQLite: join the FTS5 matches to the rows instead of testing membership in a
  // materialised IN list (a third less work on common terms); with identifiers the match is an OR.
  const joined = dialectOf(db) === 'sqlite' && terms.length > 0 && identifiers.length === 0
  // On SQLite, ranking, filters and scope read the narrow search_rank copy (migration 0502), same
  // column names; PostgreSQL matches on search_documents' own tsvector.
  const table = (
    dialectOf(db) === 'sqlite' ? 'search_rank as d' : 'search_documents as d'
  ) as 'search_documents as d'
  let q = (
    joined
      ? db
          .selectFrom(table)
          .innerJoin(sql`search_fts`.as('f') as never, (join: any) => join.on(sql`f.rowid = d.seq`))
      : db.selectFrom(table)
  )
    .where((eb) => matchCondition(db, eb as D, terms, identifiers, joined))
    .where((eb) => request.visible(eb))
  if (request.kinds && request.kinds.length > 0) q = q.where('d.kind', 'in', [...request.kinds])
  if (request.districtId) q = q.where('d.district_id', '=', request.districtId)
  if (request.from) q = q.where('d.sort_date', '>=', request.from)
  if (request.to) q = q.where('d.sort_date', '<=', request.to)
  for (const c of request.classes ?? []) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('search_classes as c')
          .select('c.seq')
          .whereRef('c.seq', '=', 'd.seq')
          .where('c.scheme', '=', c.scheme)
          .where('c.code', 'like', `${c.prefix.replace(/[%_\\]/g, '')}%`),
      ),
    )
  }
  return q
}

/** One page of ranked hits and the total, trimmed by `visible` in the query itself. */
export async function search(db: Kysely<Database>, request: SearchRequest): Promise<SearchResult> {
  const terms = segmentQuery(request.text)
  const identifiers = request.identifiers ?? []
  const base = filtered(db, request, terms)
  // Rank on the narrow columns first and fetch the wide text only for the page's rows: carrying
  // title and abstract through the sort of every match costs more than the ranking itself.
  const ranked = base
    .select((eb) => ['d.seq', 'd.sort_date', scoreExpression(db, eb, terms, identifiers).as('score')])
    .orderBy('score', 'desc')
    .orderBy('d.sort_date', 'desc')
    .orderBy('d.seq', 'desc')
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
  const [rows, count] = await Promise.all([
    db
      .selectFrom(ranked.as('r'))
      .innerJoin('search_documents as x', 'x.seq', 'r.seq')
      .select([
        'x.seq',
        'x.source',
        'x.source_id',
        'x.kind',
        'x.title',
        'x.body',
        'x.names',
        'x.district_id',
        'x.sort_date',
        'r.score',
      ])
      .orderBy('r.score', 'desc')
      .orderBy('r.sort_date', 'desc')
      .orderBy('r.seq', 'desc')
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    terms,
    total: Number(count.n),
    hits: rows.map((r) => ({
      seq: Number(r.seq),
      source: r.source,
      sourceId: r.source_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      names: r.names,
      districtId: r.district_id,
      sortDate: r.sort_date,
      score: Number(r.score),
    })),
  }
}

export interface FacetCount {
  value: string
  count: number
}

export interface SearchFacets {
  kind: FacetCount[]
  district: FacetCount[]
  year: FacetCount[]
  ipc: FacetCount[]
  nice: FacetCount[]
}

/**
 * Counts of the matching, visible records by type, district, year, IPC subclass and Nice class.
 * Sorted by count, then value, so both databases list them alike.
 */
export async function searchFacets(db: Kysely<Database>, request: SearchRequest): Promise<SearchFacets> {
  const terms = segmentQuery(request.text)
  const base = filtered(db, request, terms)
  const sorted = (rows: { value: string | null; n: number | string }[]) =>
    rows
      .filter((r) => r.value !== null && r.value !== '')
      .map((r) => ({ value: r.value!, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  const byColumn = (column: RawBuilder<string | null>) =>
    base
      .select([column.as('value'), sql<number>`count(*)`.as('n')])
      .groupBy(column)
      .execute()
  const byClass = (scheme: string, length: number | null) => {
    const value = length === null ? sql<string>`c.code` : sql<string>`substr(c.code, 1, ${sql.lit(length)})`
    return base
      .innerJoin('search_classes as c', 'c.seq', 'd.seq')
      .where('c.scheme', '=', scheme)
      .select([value.as('value'), sql<number>`count(distinct d.seq)`.as('n')])
      .groupBy(value)
      .execute()
  }
  const [kind, district, year, ipc, nice] = await Promise.all([
    byColumn(sql<string>`d.kind`),
    byColumn(sql<string | null>`d.district_id`),
    byColumn(sql<string>`substr(d.sort_date, 1, 4)`),
    byClass('ipc', 4),
    byClass('nice', null),
  ])
  return {
    kind: sorted(kind),
    district: sorted(district),
    year: sorted(year),
    ipc: sorted(ipc),
    nice: sorted(nice),
  }
}
