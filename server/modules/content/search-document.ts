import type { GuideFields } from '../../../contracts/content.ts'
import type { Database, Tx } from '../../database.ts'
import { indexDocument } from '../../kernel/search/index.ts'
import { plainText } from './sanitize.ts'

/**
 * Keeps the unified search index in step with a content item, in the caller's transaction: source
 * 'article', the content kind (news, policy, guide, faq, notice) as the facet type, published only
 * while the item is. A policy's authority is a searchable name; a guide's steps and materials are
 * part of its text.
 */
export async function indexArticle(trx: Tx, row: Database['articles'], now: Date): Promise<void> {
  const guide = row.guide ? (JSON.parse(row.guide) as GuideFields) : null
  await indexDocument(
    trx,
    {
      source: 'article',
      sourceId: row.id,
      kind: row.kind,
      title: row.title,
      body: [
        row.summary,
        row.document_number,
        plainText(row.body),
        ...(guide ? [...guide.steps.map((s) => `${s.title} ${s.description}`), ...guide.materials] : []),
      ]
        .filter(Boolean)
        .join('\n'),
      names: row.authority ? [row.authority] : [],
      districtId: row.district_id,
      entityId: null,
      published: row.published === 1,
      sortDate: (row.kind === 'policy' && row.issue_date
        ? row.issue_date
        : (row.published_at ?? row.created_at)
      ).slice(0, 10),
    },
    now,
  )
}

/** Re-indexes every content item (after a change of dictionary or segmentation rules); returns the count. */
export async function reindexArticles(trx: Tx, now: Date): Promise<number> {
  const rows = await trx.selectFrom('articles').selectAll().orderBy('id').execute()
  for (const row of rows) await indexArticle(trx, row, now)
  return rows.length
}
