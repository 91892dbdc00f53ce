import type { Database, Tx } from '../../database.ts'
import { indexDocument } from '../../kernel/search/index.ts'

/**
 * Keeps the unified search index in step with an article, in the caller's transaction: the
 * portal's articles are one source of GET /api/search (see server/modules/search).
 */
export async function indexArticle(trx: Tx, row: Database['articles'], now: Date): Promise<void> {
  await indexDocument(
    trx,
    {
      source: 'article',
      sourceId: row.id,
      kind: 'article',
      title: row.title,
      body: [row.summary, row.body.replace(/<[^>]*>/g, ' ')].filter(Boolean).join('\n'),
      names: [],
      districtId: row.district_id,
      entityId: null,
      published: row.published === 1,
      sortDate: (row.published_at ?? row.created_at).slice(0, 10),
    },
    now,
  )
}

/** Re-indexes every article (after a change of dictionary or segmentation rules); returns the count. */
export async function reindexArticles(trx: Tx, now: Date): Promise<number> {
  const rows = await trx.selectFrom('articles').selectAll().orderBy('id').execute()
  for (const row of rows) await indexArticle(trx, row, now)
  return rows.length
}
