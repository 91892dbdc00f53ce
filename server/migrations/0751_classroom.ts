import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classroom_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('lecturer', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('classroom_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('classroom_courses.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('online_url', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Seats held by registered (not waitlisted, not cancelled) registrations; the conditional
    // UPDATE on this column is what keeps concurrent registrations from overbooking.
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration_deadline', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('classroom_sessions_starts')
    .on('classroom_sessions')
    .columns(['starts_at'])
    .execute()
  await db.schema
    .createIndex('classroom_sessions_course')
    .on('classroom_sessions')
    .columns(['course_id'])
    .execute()

  await db.schema
    .createTable('classroom_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('classroom_sessions.id'))
    .addColumn('user_id', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attended_at', 'text')
    .addColumn('certificate_number', 'text', (c) => c.unique())
    .addColumn('access_code_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One registration per phone number and session; a cancelled one is reopened, not duplicated.
  await db.schema
    .createIndex('classroom_registrations_session_phone')
    .on('classroom_registrations')
    .columns(['session_id', 'phone'])
    .unique()
    .execute()
  await db.schema
    .createIndex('classroom_registrations_user')
    .on('classroom_registrations')
    .columns(['user_id'])
    .execute()

  await db.schema
    .createTable('talent_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organization', 'text', (c) => c.notNull())
    .addColumn('ipc_sections', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('consent_scope', 'text')
    .addColumn('consent_at', 'text')
    .addColumn('consent_note', 'text')
    .addColumn('consent_withdrawn_at', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('talent_profiles_published')
    .on('talent_profiles')
    .columns(['published', 'kind'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('talent_profiles').execute()
  await db.schema.dropTable('classroom_registrations').execute()
  await db.schema.dropTable('classroom_sessions').execute()
  await db.schema.dropTable('classroom_courses').execute()
}
