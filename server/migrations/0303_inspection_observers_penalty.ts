import type { Kysely } from 'kysely'

/**
 * Observers of a task's commit–reveal are user accounts designated on the task; each submits their
 * own commitment before the draw is committed and reveals it afterwards. A target whose result found
 * a problem can be linked to the penalty case opened from it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspection_observers')
    .addColumn('task_id', 'text', (c) => c.notNull().references('inspection_tasks.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text')
    .addColumn('committed_at', 'text')
    .addColumn('designated_at', 'text', (c) => c.notNull())
    .addColumn('designated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_observers_pk', ['task_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('inspection_observers_user')
    .on('inspection_observers')
    .column('user_id')
    .execute()
  await db.schema.alterTable('inspection_targets').addColumn('penalty_case_id', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('inspection_targets').dropColumn('penalty_case_id').execute()
  await db.schema.dropTable('inspection_observers').execute()
}
