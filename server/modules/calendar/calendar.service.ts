import type { z } from 'zod'
import {
  addDays,
  type Schedule,
  toDayNumber,
  type WorkingDayCalendar,
} from '../../../contracts/calendar/index.ts'
import {
  type DayStatus,
  type DeadlineResponse,
  type daysQuery,
  type deadlineQuery,
  type HolidaySchedule,
  MAX_DAYS_RANGE,
} from '../../../contracts/calendar-api.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { findSchedule, listSchedules, saveSchedule, workingDayCalendar } from './calendar.repository.ts'
import { calendarErrors } from './errors.ts'

/** Job kind of the domain event "a holiday schedule was loaded"; payload `{ year }`. */
export const SCHEDULE_LOADED_EVENT = 'calendar.scheduleLoaded'

export async function listHolidaySchedules(context: ReadContext) {
  const items: HolidaySchedule[] = await listSchedules(context.db)
  return { items, coveredUntil: items.length ? `${items.at(-1)!.year}-12-31` : null }
}

/** An administrator loads (or corrects) a year's State Council schedule; the calendar follows. */
export async function loadHolidaySchedule(
  context: WriteContext,
  year: number,
  schedule: Schedule,
): Promise<HolidaySchedule> {
  if (schedule.year !== year) throw new AppError(calendarErrors.schedule_year_mismatch)
  const before = await findSchedule(context.trx, year)
  await saveSchedule(context.trx, {
    schedule,
    source: 'admin',
    loadedBy: context.actor.userId,
    loadedAt: context.now.toISOString(),
  })
  const after = (await findSchedule(context.trx, year))!
  // Outbox: modules holding deadlines computed without this year's holidays recompute them.
  await context.enqueue({ kind: SCHEDULE_LOADED_EVENT, payload: { year } })
  await context.audit({
    action: 'calendar.schedule.load',
    targetType: 'holidaySchedule',
    targetId: String(year),
    before: before?.schedule,
    after: after.schedule,
  })
  return after
}

/** The public deadline calculator: the due date with the steps of its computation. */
export async function computePublicDeadline(
  context: ReadContext,
  query: z.output<typeof deadlineQuery>,
): Promise<DeadlineResponse> {
  const calendar = await workingDayCalendar(context.db)
  return calendar.computeDeadline({
    from: query.from,
    length: query.days,
    unit: query.unit,
    ...(query.unit === 'working' ? {} : { rollForwardFromHoliday: query.rollForward }),
  })
}

export async function listDays(context: ReadContext, query: z.output<typeof daysQuery>) {
  const span = toDayNumber(query.to) - toDayNumber(query.from)
  if (span < 0 || span >= MAX_DAYS_RANGE) throw new AppError(calendarErrors.date_range_invalid)
  const calendar = await workingDayCalendar(context.db)
  const days: DayStatus[] = []
  for (let d = query.from; d <= query.to; d = addDays(d, 1)) days.push(dayStatus(calendar, d))
  return { days, coveredUntil: calendar.coveredUntil }
}

function dayStatus(calendar: WorkingDayCalendar, date: string): DayStatus {
  const working = calendar.isWorkingDay(date)
  const holiday = calendar.holidayOn(date)
  return {
    date,
    working,
    reason: working ? null : holiday ? 'holiday' : 'weekend',
    holidayName: holiday?.name ?? null,
    holidayNameEn: holiday?.nameEn ?? null,
    makeUpWorkday: calendar.isMakeUpWorkday(date),
    beyondSchedule: calendar.isBeyondSchedule(date),
  }
}
