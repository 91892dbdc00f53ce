import type { Kysely } from 'kysely'
import { STATE_COUNCIL_SCHEDULES } from '../../contracts/calendar/index.ts'

/**
 * The holiday schedules behind the working-day calendar. The State Council schedules shipped with
 * ZhiBao are reference data, needed in production too, so they load here rather than with demo data.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('holiday_schedules')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text')
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute()
  const now = new Date().toISOString()
  await db
    .insertInto('holiday_schedules')
    .values(
      STATE_COUNCIL_SCHEDULES.map((s) => ({
        year: s.year,
        schedule: JSON.stringify(s),
        source: 'seed',
        loaded_by: null,
        loaded_at: now,
      })),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('holiday_schedules').execute()
}
