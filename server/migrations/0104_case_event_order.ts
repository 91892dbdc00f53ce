import type { Kysely } from 'kysely'

/**
 * A case's timeline in a stable order: ids of events written in the same millisecond do not sort
 * by time, so every event gets the next sequence number of its case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_events')
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.dropIndex('case_events_case').execute()
  await db.schema
    .createIndex('case_events_case_seq')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_events_case_seq').execute()
  await db.schema.alterTable('case_events').dropColumn('seq').execute()
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute()
}
