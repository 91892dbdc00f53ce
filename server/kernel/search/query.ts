import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely'
import { FACET_SAMPLE } from '../../../contracts/search.ts'
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
  /** The number of matching, visible records, counted up to TOTAL_CAP. */
  total: number
  /** True when more than TOTAL_CAP records match: `total` is then TOTAL_CAP, shown as "10,000+". */
  totalIsLowerBound: boolean
  /** The query tokens, for highlighting in the original text. */
  terms: string[]
}

/**
 * Totals are counted up to this many records: counting every match of a term found in most
 * documents costs more than ranking the page, and nobody pages through more (docs/decisions.md).
 */
export const TOTAL_CAP = 10_000

/**
 * How the SQLite words-only query reaches FTS5: joined to its matches, probing one row at a time,
 * or not at all (`probe: null`, when the caller's own condition implies the match).
 */
type FtsAccess = { join: string } | { probe: string | null }

function matchCondition(
  db: Kysely<Database>,
  eb: D,
  terms: string[],
  identifiers: readonly string[],
  fts: FtsAccess | undefined,
) {
  const parts: Expression<SqlBool>[] = []
  if (terms.length > 0) {
    if (fts && 'join' in fts) {
      parts.push(sql<SqlBool>`f.search_fts match ${fts.join}`)
    } else if (fts) {
      if (fts.probe === null) return sql<SqlBool>`1 = 1`
      parts.push(
        sql<SqlBool>`exists (select 1 from search_fts f where f.rowid = d.seq and f.search_fts match ${fts.probe})`,
      )
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

/**
 * Words only, on SQLite: `filtered` joins the FTS5 matches to the rows instead of testing membership
 * in a materialised IN list (a third less work on common terms); with identifiers the match is an OR.
 */
function wordsOnSqlite(db: Kysely<Database>, request: SearchRequest, terms: string[]): boolean {
  return dialectOf(db) === 'sqlite' && terms.length > 0 && (request.identifiers ?? []).length === 0
}

/**
 * The matching rows the caller may see, with the request's filters. `fts` (SQLite, words only)
 * replaces the FTS5 expression: joined to its matches by default, or probed row by row.
 */
function filtered(db: Kysely<Database>, request: SearchRequest, terms: string[], fts?: FtsAccess) {
  const identifiers = request.identifiers ?? []
  const access = wordsOnSqlite(db, request, terms) ? (fts ?? { join: ftsQuery(terms) }) : undefined
  const joined = access !== undefined && 'join' in access
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
    .where((eb) => matchCondition(db, eb as D, terms, identifiers, access))
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

type Ranked = { seq: number; score: number }

/** The page by the full ranking: the score of every matching, visible row, sorted. */
async function rankAll(db: Kysely<Database>, request: SearchRequest, terms: string[]): Promise<Ranked[]> {
  const identifiers = request.identifiers ?? []
  const rows = await filtered(db, request, terms)
    .select((eb) => ['d.seq', scoreExpression(db, eb, terms, identifiers).as('score')])
    .orderBy('score', 'desc')
    .orderBy('d.sort_date', 'desc')
    .orderBy('d.seq', 'desc')
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute()
  return rows.map((r) => ({ seq: Number(r.seq), score: Number(r.score) }))
}

export interface SearchLimits {
  /** Count the total up to this many records (default TOTAL_CAP). */
  totalCap: number
  /**
   * SQLite, one word: a score level with more FTS5 matches than this is read newest first through
   * search_rank_date instead of being sorted whole. By default it depends on the page and the
   * index size (rankByLevels); tests set it.
   */
  levelSortLimit?: number
}

/** Rows of one score level (`score`) or, when a tier is sorted whole, of several (`score` undefined). */
interface Tier {
  match: string
  score?: number
  /** Every row scoring `score` matches the word, so walking the level needs no FTS5 probe. */
  implied?: boolean
  /** The levels the tier splits into when it is too large to sort. */
  levels?: Tier[]
}

/**
 * SQLite, one word, first pages: the same page as rankAll without scoring every match. A single
 * word scores 3 (a title token and the start of a holder name token), 2 (title), 1 (name) or 0,
 * and FTS5 column filters select each level exactly, so the page is the levels in turn, each
 * newest first. The title tier (3 and 2) is sorted whole by score when small, which avoids the
 * holder-name prefix query (costly for words in most names or abstracts). A level with few
 * matches is sorted; a large one is walked newest first through search_rank_date, which stops
 * after the rows the page needs. Sorting reads the level's rows, walking about
 * want × indexed rows / level size of them, so a level is walked when larger than
 * √(want × indexed rows), or √(5 × …) when every walked row probes FTS5 (levels 1 and 0). Every row's
 * score is still computed by scoreExpression, so both paths and PostgreSQL agree
 * (server/kernel/search/search.test.ts checks it).
 */
async function rankByLevels(
  db: Kysely<Database>,
  request: SearchRequest,
  term: string,
  levelSortLimit: number | undefined,
): Promise<Ranked[]> {
  const want = request.page * request.pageSize
  let indexed: number | undefined
  const sortLimit = async (probes: boolean) => {
    if (levelSortLimit !== undefined) return levelSortLimit
    indexed ??= Number(
      (await sql<{ n: number | null }>`select max(seq) as n from search_rank`.execute(db)).rows[0]?.n ?? 0,
    )
    return Math.ceil(Math.sqrt(want * indexed * (probes ? 5 : 1)))
  }
  const word = isPrefixToken(term) ? `"${term}"*` : `"${term}"`
  const title = `{seg_title}: "${term}"`
  const name = `{seg_names}: "${term}"*`
  const tiers: Tier[] = isPrefixToken(term)
    ? [
        { score: 1, match: name, implied: true },
        { score: 0, match: `${word} NOT ${name}` },
      ]
    : [
        {
          match: title,
          levels: [
            { score: 3, match: `${title} AND ${name}`, implied: true },
            { score: 2, match: `${title} NOT ${name}`, implied: true },
          ],
        },
        // A name token starting with the word is no match by itself: the word must be a token.
        { score: 1, match: `(${word} AND ${name}) NOT ${title}` },
        { score: 0, match: `${word} NOT (${title} OR ${name})` },
      ]
  const narrowed = Boolean(request.kinds?.length || request.districtId || request.classes?.length)
  const found: Ranked[] = []
  const take = async (tier: Tier): Promise<void> => {
    const limit = await sortLimit(!tier.implied)
    const { n } = await db
      .selectFrom(
        sql<{
          one: number
        }>`(select 1 as one from search_fts where search_fts match ${tier.match} limit ${limit + 1})`.as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(n) === 0) return
    const large = Number(n) > limit
    if (large && tier.levels) {
      for (const level of tier.levels) if (found.length < want) await take(level)
      return
    }
    // Kind, district and class filters can leave a large level sparse in date order, and probing a
    // prefix row by row expands it every time: sort the level then.
    const walk = large && !narrowed && tier.score !== undefined && (tier.implied || !isPrefixToken(term))
    const access = walk ? { probe: tier.implied ? null : word } : { join: tier.match }
    let q = filtered(db, request, [term], access).select((eb) => [
      'd.seq',
      scoreExpression(db, eb, [term], []).as('score'),
    ])
    // One level: its exact score, newest first (the walk's index order); a tier: by score first.
    q =
      tier.score === undefined
        ? q.orderBy('score', 'desc')
        : q.where((eb) => eb(scoreExpression(db, eb, [term], []), '=', tier.score!))
    const rows = await q
      .orderBy('d.sort_date', 'desc')
      .orderBy('d.seq', 'desc')
      .limit(want - found.length)
      .execute()
    for (const r of rows) found.push({ seq: Number(r.seq), score: Number(r.score) })
  }
  for (const tier of tiers) if (found.length < want) await take(tier)
  return found.slice((request.page - 1) * request.pageSize, want)
}

/** One page of ranked hits and the total, trimmed by `visible` in the query itself. */
export async function search(
  db: Kysely<Database>,
  request: SearchRequest,
  limits: Partial<SearchLimits> = {},
): Promise<SearchResult> {
  const { totalCap = TOTAL_CAP, levelSortLimit } = limits
  const terms = segmentQuery(request.text)
  const identifiers = request.identifiers ?? []
  const byLevels =
    dialectOf(db) === 'sqlite' &&
    terms.length === 1 &&
    identifiers.length === 0 &&
    request.page * request.pageSize <= 1000
  const ranked = byLevels
    ? await rankByLevels(db, request, terms[0]!, levelSortLimit)
    : await rankAll(db, request, terms)
  const { n } = await db
    .selectFrom(
      filtered(db, request, terms)
        .select(sql<number>`1`.as('one'))
        .limit(totalCap + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  // Rank on the narrow columns first and fetch the wide text only for the page's rows: carrying
  // title and abstract through the sort of every match costs more than the ranking itself.
  const rows =
    ranked.length === 0
      ? []
      : await db
          .selectFrom('search_documents as x')
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
          ])
          .where(
            'x.seq',
            'in',
            ranked.map((r) => r.seq),
          )
          .execute()
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]))
  return {
    terms,
    total: Math.min(Number(n), totalCap),
    totalIsLowerBound: Number(n) > totalCap,
    hits: ranked.map(({ seq, score }) => {
      const r = bySeq.get(seq)!
      return {
        seq,
        source: r.source,
        sourceId: r.source_id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        names: r.names,
        districtId: r.district_id,
        sortDate: r.sort_date,
        score,
      }
    }),
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
  /** True when more than FACET_SAMPLE records match: the counts are over the most recently indexed. */
  sampled: boolean
}

/**
 * Counts of the matching, visible records by type, district, year, IPC subclass and Nice class,
 * from one read of up to FACET_SAMPLE matches and of their classes. Sorted by count, then value,
 * so both databases list them alike.
 */
export async function searchFacets(
  db: Kysely<Database>,
  request: SearchRequest,
  { sample = FACET_SAMPLE }: { sample?: number } = {},
): Promise<SearchFacets> {
  const terms = segmentQuery(request.text)
  const rows = await filtered(db, request, terms)
    .select(['d.seq', 'd.kind', 'd.district_id', sql<string>`substr(d.sort_date, 1, 4)`.as('year')])
    // Joined FTS5 matches come in rowid (= seq) order: ordering on f.rowid reads only the sample,
    // ordering on d.seq would sort every match first.
    .orderBy(wordsOnSqlite(db, request, terms) ? sql`f.rowid` : sql`d.seq`, 'desc')
    .limit(sample + 1)
    .execute()
  const sampled = rows.length > sample
  const counted = rows.slice(0, sample)
  const classes: { seq: number; scheme: string; code: string }[] = []
  const seqs = counted.map((r) => Number(r.seq))
  for (let i = 0; i < seqs.length; i += 500) {
    classes.push(
      ...(await db
        .selectFrom('search_classes')
        .select(['seq', 'scheme', 'code'])
        .where('seq', 'in', seqs.slice(i, i + 500))
        .execute()),
    )
  }
  const tally = (values: Iterable<string | null>) => {
    const counts = new Map<string, number>()
    for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1)
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
  }
  // A record counts once per value: two IPC groups of one subclass are one G06F.
  const classTally = (scheme: string, length: number | null) => {
    const perRecord = new Map<string, string>()
    for (const c of classes) {
      if (c.scheme !== scheme) continue
      const value = length === null ? c.code : c.code.slice(0, length)
      perRecord.set(`${c.seq} ${value}`, value)
    }
    return tally(perRecord.values())
  }
  return {
    kind: tally(counted.map((r) => r.kind)),
    district: tally(counted.map((r) => r.district_id)),
    year: tally(counted.map((r) => r.year)),
    ipc: classTally('ipc', 4),
    nice: classTally('nice', null),
    sampled,
  }
}
