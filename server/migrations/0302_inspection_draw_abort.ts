import type { Kysely } from 'kysely'

/** A committed draw can be abandoned publicly, with its reason (no silent re-draws). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_draws').addColumn('abort_reason', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_draws').dropColumn('abort_reason').execute()
}
