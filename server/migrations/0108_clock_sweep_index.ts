import { type Kysely, sql } from 'kysely'

/**
 * The sweep over running deadlines takes due clocks not yet marked overdue: a partial index holds only
 * those, so a batch does not step over the clocks earlier batches already marked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('clocks_due_unmarked')
    .on('clocks')
    .column('due_date')
    .where(sql.ref('status'), '=', 'running')
    .where(sql.ref('overdue_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('clocks_due_unmarked').execute()
}
