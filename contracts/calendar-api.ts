// API shapes of the calendar module: holiday schedules (admin), the public deadline calculator and
// the day-status listing behind a calendar view. The arithmetic itself lives in contracts/calendar.
import { z } from 'zod'
import { IsoDateSchema, ScheduleSchema } from './calendar/index.ts'

export const scheduleYearParams = z.object({ year: z.coerce.number().int().min(1949).max(9999) })

export const holidayScheduleSchema = z.object({
  year: z.number().int(),
  schedule: ScheduleSchema,
  source: z.string(),
  loadedBy: z.string().nullable(),
  loadedAt: z.string(),
})
export type HolidaySchedule = z.infer<typeof holidayScheduleSchema>

export const holidayScheduleList = z.object({
  items: z.array(holidayScheduleSchema),
  coveredUntil: z.string().nullable(),
})

/** `GET /api/calendar/deadline`: days count from the day after `from` (民事诉讼法 第85条). */
export const deadlineQuery = z.object({
  from: IsoDateSchema,
  days: z.coerce.number().int().min(0).max(10_000),
  unit: z.enum(['working', 'calendar', 'month']).default('working'),
  /** Calendar days and months: move a last day on a rest day to the next working day (default true). */
  rollForward: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
})

const stepSchema = z.looseObject({ kind: z.string() })
export const deadlineResponse = z.object({
  due: z.string(),
  from: z.string(),
  length: z.number().int(),
  unit: z.enum(['working', 'calendar', 'month']),
  rollForwardFromHoliday: z.boolean(),
  startDayCounts: z.boolean(),
  steps: z.array(stepSchema),
  skipped: z.array(
    z.object({
      date: z.string(),
      reason: z.enum(['weekend', 'holiday']),
      holidayName: z.string().optional(),
    }),
  ),
  warnings: z.array(z.enum(['beyondSchedule'])),
  coveredUntil: z.string().nullable(),
})
export type DeadlineResponse = z.infer<typeof deadlineResponse>

/** Longest range `GET /api/calendar/days` lists at once (a year and a bit, for a year view). */
export const MAX_DAYS_RANGE = 400

export const daysQuery = z.object({ from: IsoDateSchema, to: IsoDateSchema })

export const dayStatusSchema = z.object({
  date: z.string(),
  working: z.boolean(),
  /** Why a day is not a working day: an ordinary weekend or a State Council holiday period. */
  reason: z.enum(['weekend', 'holiday']).nullable(),
  holidayName: z.string().nullable(),
  holidayNameEn: z.string().nullable(),
  makeUpWorkday: z.boolean(),
  /** No schedule is loaded for this year: holidays unknown, weekdays assumed working. */
  beyondSchedule: z.boolean(),
})
export const daysResponse = z.object({
  days: z.array(dayStatusSchema),
  coveredUntil: z.string().nullable(),
})
export type DayStatus = z.infer<typeof dayStatusSchema>
