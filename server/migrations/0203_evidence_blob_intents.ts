import type { Kysely } from 'kysely'

/**
 * Blobs written for deposits whose transaction has not committed (yet): one row per digest, written
 * before the bytes are stored and deleted by the deposit's transaction. A row that outlives the
 * grace period marks a blob of a failed or crashed deposit; the `evidence.orphan-blob` job removes it
 * unless something refers to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_blob_intents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('staged_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_blob_intents').execute()
}
