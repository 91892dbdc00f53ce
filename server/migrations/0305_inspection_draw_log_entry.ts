import type { Kysely } from 'kysely'

/** A draw's input commitment is appended to the evidence log; the draw keeps the statement's id and leaf hash. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_draws').addColumn('log_entry_id', 'text').execute()
  await db.schema.alterTable('inspection_draws').addColumn('log_leaf_hash', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_draws').dropColumn('log_leaf_hash').execute()
  await db.schema.alterTable('inspection_draws').dropColumn('log_entry_id').execute()
}
