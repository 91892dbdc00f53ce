import type { Kysely } from 'kysely'

/**
 * Matters (事项) grouping cases about one dispute or infringer; the keys that suggest duplicates;
 * who submitted each case (entity, user, or a tracking code for the anonymous public); parties,
 * assignments of staff and recusal requests.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('matters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text')
    .addColumn('owner_entity_id', 'text')
    .addColumn('owner_user_id', 'text')
    .addColumn('respondent_uscc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('matters_owner_entity').on('matters').column('owner_entity_id').execute()
  await db.schema.createIndex('matters_respondent').on('matters').column('respondent_uscc').execute()

  await db.schema
    .createTable('case_keys')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_keys_pk', ['case_id', 'kind', 'value'])
    .execute()
  await db.schema.createIndex('case_keys_value').on('case_keys').columns(['kind', 'value']).execute()

  await db.schema
    .createTable('case_submissions')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('user_id', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('tracking_code', 'text', (c) => c.unique())
    .addColumn('secret_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('case_submissions_entity').on('case_submissions').column('entity_id').execute()
  await db.schema.createIndex('case_submissions_user').on('case_submissions').column('user_id').execute()

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('represents_id', 'text')
    .addColumn('power_of_attorney', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('case_parties_case').on('case_parties').column('case_id').execute()

  await db.schema
    .createTable('case_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute()
  await db.schema.createIndex('case_assignments_case').on('case_assignments').column('case_id').execute()
  await db.schema
    .createIndex('case_assignments_user')
    .on('case_assignments')
    .columns(['user_id', 'ended_at'])
    .execute()

  await db.schema
    .createTable('case_recusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute()
  await db.schema
    .createIndex('case_recusals_case')
    .on('case_recusals')
    .columns(['case_id', 'user_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'case_recusals',
    'case_assignments',
    'case_parties',
    'case_submissions',
    'case_keys',
    'matters',
  ])
    await db.schema.dropTable(table).execute()
}
