import { type Insertable, type Kysely, sql } from 'kysely'
import type { Database } from '../../database.ts'
import { insertRows } from '../db/prepared.ts'
import { dialectOf } from './dialect.ts'
import { pinyinTokens, segmentForIndex } from './segment.ts'

/**
 * The one search index: every searchable record (a registry asset, an article, later a case) is a
 * row of search_documents, written by its module in the same transaction as the record itself.
 */
export interface SearchDocument {
  /** Which module the record belongs to ('asset', 'article', …). */
  source: string
  sourceId: string
  /** The facet type: an asset kind, or 'article'. */
  kind: string
  title: string
  body: string
  /** Holder or author names: searchable by their characters and by pinyin. */
  names: readonly string[]
  districtId: string | null
  entityId: string | null
  published: boolean
  /** YYYY-MM-DD: the date filters and ranking use (filing date, publication date). */
  sortDate: string
  /** Exact-match identifiers, already normalised (upper case, canonical forms). */
  identifiers?: readonly string[]
  /** Classification codes for filters and facets, e.g. { scheme: 'ipc', code: 'H01L 21/02' }. */
  classes?: readonly { scheme: string; code: string }[]
}

type Row = Insertable<Database['search_documents']>

export function documentRow(doc: SearchDocument, now: Date): Row {
  const names = doc.names.join('；')
  const nameTokens = doc.names.flatMap((n) => [...segmentForIndex(n), ...pinyinTokens(n)])
  return {
    source: doc.source,
    source_id: doc.sourceId,
    kind: doc.kind,
    title: doc.title,
    body: doc.body,
    names,
    seg_title: segmentForIndex(doc.title).join(' '),
    seg_body: segmentForIndex(doc.body).join(' '),
    seg_names: [...new Set(nameTokens)].join(' '),
    district_id: doc.districtId,
    entity_id: doc.entityId,
    published: doc.published ? 1 : 0,
    sort_date: doc.sortDate,
    updated_at: now.toISOString(),
  }
}

/** Adds or replaces a record in the index; call it inside the transaction that changes the record. */
export async function indexDocument(db: Kysely<Database>, doc: SearchDocument, now: Date): Promise<void> {
  const row = documentRow(doc, now)
  const existing = await db
    .selectFrom('search_documents')
    .select('seq')
    .where('source', '=', doc.source)
    .where('source_id', '=', doc.sourceId)
    .executeTakeFirst()
  let seq: number
  if (existing) {
    seq = Number(existing.seq)
    await db.updateTable('search_documents').set(row).where('seq', '=', seq).execute()
    await db.deleteFrom('search_identifiers').where('seq', '=', seq).execute()
    await db.deleteFrom('search_classes').where('seq', '=', seq).execute()
  } else {
    const inserted = await db
      .insertInto('search_documents')
      .values(row)
      .returning('seq')
      .executeTakeFirstOrThrow()
    seq = Number(inserted.seq)
  }
  await insertSidecars(db, [{ seq, doc }])
}

/**
 * Indexes many new records at once (imports, the benchmark); the records must not be indexed yet.
 * Rows go in batches of one statement each.
 */
export async function indexNewDocuments(
  db: Kysely<Database>,
  docs: readonly SearchDocument[],
  now: Date,
  batch = 200,
): Promise<void> {
  for (let i = 0; i < docs.length; i += batch) {
    const part = docs.slice(i, i + batch)
    const inserted = await insertRows(
      db,
      'search_documents',
      part.map((d) => documentRow(d, now)),
      { returning: ['seq', 'source_id'] },
    )
    // RETURNING order is not promised by either database, so match rows back by id.
    const bySourceId = new Map(part.map((d) => [d.sourceId, d]))
    await insertSidecars(
      db,
      inserted.map((r) => ({ seq: Number(r.seq), doc: bySourceId.get(r.source_id)! })),
    )
  }
}

async function insertSidecars(db: Kysely<Database>, rows: { seq: number; doc: SearchDocument }[]) {
  const identifiers = rows.flatMap(({ seq, doc }) =>
    [...new Set(doc.identifiers ?? [])].map((value) => ({ value, seq })),
  )
  const classes = rows.flatMap(({ seq, doc }) => {
    const seen = new Set<string>()
    return (doc.classes ?? [])
      .filter((c) => !seen.has(`${c.scheme}\u0000${c.code}`) && seen.add(`${c.scheme}\u0000${c.code}`))
      .map((c) => ({ seq, scheme: c.scheme, code: c.code }))
  })
  for (let i = 0; i < identifiers.length; i += 500) {
    await insertRows(db, 'search_identifiers', identifiers.slice(i, i + 500))
  }
  for (let i = 0; i < classes.length; i += 500) {
    await insertRows(db, 'search_classes', classes.slice(i, i + 500))
  }
}

/** Removes a record from the index (the record was deleted). */
export async function removeDocument(db: Kysely<Database>, source: string, sourceId: string): Promise<void> {
  const existing = await db
    .selectFrom('search_documents')
    .select('seq')
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .executeTakeFirst()
  if (!existing) return
  await db.deleteFrom('search_identifiers').where('seq', '=', existing.seq).execute()
  await db.deleteFrom('search_classes').where('seq', '=', existing.seq).execute()
  await db.deleteFrom('search_documents').where('seq', '=', existing.seq).execute()
}

/** Merges FTS5's segments after a bulk load (SQLite only; PostgreSQL's GIN needs no such step). */
export async function optimizeIndex(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) === 'sqlite')
    await sql`INSERT INTO search_fts(search_fts) VALUES ('optimize')`.execute(db)
}

export { dialectOf } from './dialect.ts'
export { type Highlighted, highlightAll, snippet } from './highlight.ts'
export { type SearchHit, type SearchRequest, type SearchResult, search, searchFacets } from './query.ts'
export { isPrefixToken, pinyinTokens, segmentForIndex, segmentQuery } from './segment.ts'
