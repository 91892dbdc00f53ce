import type { Db, Tx } from '../../database.ts'
import { enqueueJob, type JobHandler } from '../../kernel/jobs.ts'
import type { AppDeps } from '../../kernel/module.ts'
import type { BlobStore } from '../../kernel/storage/blob-store.ts'

export const ORPHAN_JOB = 'evidence.orphan-blob'
/** How long a blob may wait for its deposit's transaction before it counts as an orphan. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000

/**
 * Records, before a deposit's bytes are stored, that these digests are about to be written, with the
 * job that removes them if no deposit claims them within the grace period. Its own transaction:
 * the record must survive the deposit's failure.
 */
export async function recordBlobIntents(db: Db, digests: string[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const sha256 of digests) {
      // The upsert takes the digest's row lock, so it waits for a cleanup of the same digest.
      await trx
        .insertInto('evidence_blob_intents')
        .values({ sha256, staged_at: now.toISOString() })
        .onConflict((oc) => oc.column('sha256').doUpdateSet({ staged_at: now.toISOString() }))
        .execute()
      await enqueueJob(trx, now, {
        kind: ORPHAN_JOB,
        payload: { sha256 },
        runAt: new Date(now.getTime() + ORPHAN_GRACE_MS),
        dedupeKey: `${ORPHAN_JOB}:${sha256}:${now.toISOString()}`,
      })
    }
  })
}

/** The deposit's transaction claims its blobs: they are no longer candidates for cleanup. */
export async function clearBlobIntents(trx: Tx, digests: string[]): Promise<void> {
  if (digests.length > 0)
    await trx.deleteFrom('evidence_blob_intents').where('sha256', 'in', digests).execute()
}

/** True if any record refers to the blob (the local store is shared with case and content files). */
async function referenced(trx: Tx, sha256: string): Promise<boolean> {
  const refs = await Promise.all([
    trx
      .selectFrom('evidence_files')
      .select('sha256')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom('case_documents')
      .select('sha256')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom('article_attachments')
      .select('sha256')
      .where('sha256', '=', sha256)
      .limit(1)
      .executeTakeFirst(),
  ])
  return refs.some((r) => r !== undefined)
}

/**
 * Removes the blob of a failed or crashed deposit: when its intent is older than the grace period
 * and nothing refers to the digest. Returns whether the blob was removed.
 */
export async function collectOrphan(
  trx: Tx,
  store: BlobStore,
  sha256: string,
  now: Date,
  dialect: AppDeps['dialect'],
): Promise<boolean> {
  let q = trx.selectFrom('evidence_blob_intents').selectAll().where('sha256', '=', sha256)
  if (dialect === 'postgres') q = q.forUpdate()
  const intent = await q.executeTakeFirst()
  if (!intent || Date.parse(intent.staged_at) > now.getTime() - ORPHAN_GRACE_MS) return false
  await trx.deleteFrom('evidence_blob_intents').where('sha256', '=', sha256).execute()
  if (await referenced(trx, sha256)) return false
  await store.remove(sha256)
  return true
}

export function orphanJob(deps: AppDeps, store: () => BlobStore): JobHandler<{ sha256: string }> {
  return {
    kind: ORPHAN_JOB,
    async run({ trx, now }, payload) {
      await collectOrphan(trx, store(), payload.sha256, now, deps.dialect)
    },
  }
}
