import { type Schedule, ScheduleSchema, WorkingDayCalendar } from '../../../contracts/calendar/index.ts'
import type { Db, Tx } from '../../database.ts'
import { preparedStatement } from '../../kernel/db/prepared.ts'

type Executor = Db | Tx

export interface ScheduleRow {
  year: number
  schedule: Schedule
  source: string
  loadedBy: string | null
  loadedAt: string
}

export async function listSchedules(db: Executor): Promise<ScheduleRow[]> {
  const rows = await db.selectFrom('holiday_schedules').selectAll().orderBy('year').execute()
  return rows.map((r) => ({
    year: r.year,
    schedule: ScheduleSchema.parse(JSON.parse(r.schedule)),
    source: r.source,
    loadedBy: r.loaded_by,
    loadedAt: r.loaded_at,
  }))
}

export async function findSchedule(db: Executor, year: number): Promise<ScheduleRow | undefined> {
  return (await listSchedules(db)).find((s) => s.year === year)
}

/** Inserts or replaces a year's schedule. */
export async function saveSchedule(
  trx: Tx,
  row: { schedule: Schedule; source: string; loadedBy: string | null; loadedAt: string },
): Promise<void> {
  const values = {
    schedule: JSON.stringify(row.schedule),
    source: row.source,
    loaded_by: row.loadedBy,
    loaded_at: row.loadedAt,
  }
  await trx
    .insertInto('holiday_schedules')
    .values({ year: row.schedule.year, ...values })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute()
  cache = null
}

// One calendar per distinct table content. The signature query is tiny and runs on the caller's
// executor (inside a write transaction too: SQLite has one connection), and it notices a schedule
// loaded by another server instance, which an in-process invalidation alone would miss.
let cache: { signature: string; calendar: WorkingDayCalendar } | null = null

// Every clock start runs it (every intake): compiled once, the cost of building it was ten times the
// query's own.
const tableSignature = preparedStatement((db) =>
  db
    .selectFrom('holiday_schedules')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('loaded_at').as('at'),
      eb.fn.sum<number>('year').as('years'),
      eb.fn.sum<number>(eb.fn('length', ['schedule'])).as('size'),
    ]),
)

/**
 * The working-day calendar built from `holiday_schedules`, rebuilt only when the table changed.
 * @example const calendar = await workingDayCalendar(context.trx); calendar.addWorkingDays(d, 7)
 */
export async function workingDayCalendar(db: Executor): Promise<WorkingDayCalendar> {
  const s = (await tableSignature(db, {})).rows[0]!
  const signature = `${s.n}|${s.at}|${s.years}|${s.size}`
  if (cache?.signature === signature) return cache.calendar
  const calendar = new WorkingDayCalendar((await listSchedules(db)).map((r) => r.schedule))
  cache = { signature, calendar }
  return calendar
}
