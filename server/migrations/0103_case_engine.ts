import type { Kysely } from 'kysely'

/** The workflow engine's tables: cases, their numbering, their timeline and their clocks. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('matter_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('cases_district_type_state')
    .on('cases')
    .columns(['district_id', 'type', 'state'])
    .execute()
  await db.schema.createIndex('cases_matter').on('cases').column('matter_id').execute()

  await db.schema
    .createTable('case_counters')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['type', 'year'])
    .execute()

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('transition', 'text')
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'id']).execute()

  await db.schema
    .createTable('clocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('rule_version_id', 'text', (c) => c.notNull().references('deadline_rules.id'))
    .addColumn('district_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('computation', 'text', (c) => c.notNull())
    .addColumn('suspended_on', 'text')
    .addColumn('suspensions', 'text', (c) => c.notNull())
    .addColumn('extensions', 'text', (c) => c.notNull())
    .addColumn('met_at', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('escalation', 'text')
    .execute()
  await db.schema.createIndex('clocks_case').on('clocks').columns(['case_id', 'rule_id']).execute()
  // The supervision queues: open clocks by due date, per district.
  await db.schema.createIndex('clocks_open_due').on('clocks').columns(['status', 'due_date']).execute()
  await db.schema
    .createIndex('clocks_district_due')
    .on('clocks')
    .columns(['district_id', 'status', 'due_date'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['clocks', 'case_events', 'case_counters', 'cases'])
    await db.schema.dropTable(table).execute()
}
