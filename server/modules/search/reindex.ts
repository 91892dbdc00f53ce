import type { Db } from '../../database.ts'
import { optimizeIndex } from '../../kernel/search/index.ts'
import { reindexCases } from '../cases/index.ts'
import { reindexClassroom } from '../classroom/index.ts'
import { reindexArticles } from '../content/index.ts'
import { reindexAssets } from '../registry/index.ts'

/**
 * Rebuilds every source's index rows in one transaction: needed after a change of the jieba
 * dictionary or of the segmentation rules, since queries are segmented with the current ones.
 */
export async function reindexAll(db: Db, now: Date): Promise<Record<string, number>> {
  const counts = await db.transaction().execute(async (trx) => ({
    asset: await reindexAssets(trx, now),
    article: await reindexArticles(trx, now),
    classroom: await reindexClassroom(trx, now),
    case: await reindexCases(trx, now),
  }))
  await optimizeIndex(db)
  return counts
}
