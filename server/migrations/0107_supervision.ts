import type { Kysely } from 'kysely'

/** The in-app inbox (notify module) and supervision notices (督办) on missed case deadlines. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('supervision_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One notice per missed deadline: the overdue job may run again, the notice is not repeated.
    .addColumn('clock_id', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text')
    .addColumn('supervising_org_id', 'text')
    .addColumn('supervising_role', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responded_by', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .execute()
  await db.schema
    .createIndex('supervision_notices_org')
    .on('supervision_notices')
    .columns(['supervising_org_id', 'status'])
    .execute()
  await db.schema
    .createIndex('supervision_notices_district')
    .on('supervision_notices')
    .columns(['district_id', 'status'])
    .execute()
  // The personal queue: running clocks of the cases a user is assigned to.
  await db.schema
    .createIndex('case_assignments_user_case')
    .on('case_assignments')
    .columns(['user_id', 'case_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_assignments_user_case').execute()
  await db.schema.dropTable('supervision_notices').execute()
  await db.schema.dropTable('notifications').execute()
}
