// The shapes of an explained deadline computation: input (validated by Zod, as the public deadline
// calculator receives it), result, and the structured steps the UI renders in zh-CN or English.
import { z } from 'zod'
import { IsoDateSchema } from './schedules.ts'

export const DEADLINE_UNITS = ['working', 'calendar', 'month'] as const
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number]

/** Longest period accepted (in units): guards the day-by-day walk against absurd input. */
export const MAX_DEADLINE_LENGTH = 10_000

/**
 * Input of `WorkingDayCalendar.computeDeadline`. `rollForwardFromHoliday` is required for calendar-day
 * and month periods (the rule table must say whether a last day on a 法定休假日 moves) and ignored for
 * working days (their last day is always a working day). `startDayCounts` defaults to false.
 */
export const DeadlineInputSchema = z
  .object({
    from: IsoDateSchema,
    length: z.number().int().min(0).max(MAX_DEADLINE_LENGTH),
    unit: z.enum(DEADLINE_UNITS),
    rollForwardFromHoliday: z.boolean().optional(),
    startDayCounts: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.unit !== 'working' && input.rollForwardFromHoliday === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rollForwardFromHoliday'],
        message: 'Required for calendar-day and month periods',
      })
    }
  })
export type DeadlineInput = z.input<typeof DeadlineInputSchema>

/** Why a day was not counted (working days) or was passed over (roll forward). */
export type SkipReason = 'weekend' | 'holiday'

export interface SkippedDay {
  date: string
  reason: SkipReason
  holidayName?: string
}

/**
 * One step of an explanation. Dates are ISO; names are as in the schedule (`name` zh-CN, `nameEn`).
 * Order: start, countFrom, then chronological skipHoliday/makeUpWorkday (working days) or lastDay
 * (calendar days, months), then skipWeekends (a single count), rollForward, due.
 */
export type Step =
  /** The event that starts the period (receipt, acceptance, service…). */
  | { kind: 'start'; date: string }
  /** The first day counted: the day after `start`, or `start` itself when the start day counts. */
  | { kind: 'countFrom'; date: string }
  /** A run of consecutive holiday days not counted (working days only). */
  | { kind: 'skipHoliday'; from: string; to: string; days: number; name: string; nameEn: string }
  /** A Saturday or Sunday counted as a working day (调休上班). */
  | { kind: 'makeUpWorkday'; date: string }
  /** Ordinary Saturdays and Sundays not counted, in total (working days only). */
  | { kind: 'skipWeekends'; days: number }
  /** The last day before any roll forward (calendar days and months). */
  | { kind: 'lastDay'; date: string; rule: 'calendarDays' | 'correspondingDay' | 'monthEnd' }
  /** The last day fell on a 法定休假日 and moves to the next working day. */
  | { kind: 'rollForward'; from: string; to: string; reason: SkipReason; holidayName?: string }
  | { kind: 'due'; date: string }

export type DeadlineWarning = 'beyondSchedule'

export interface DeadlineResult {
  due: string
  from: string
  length: number
  unit: DeadlineUnit
  rollForwardFromHoliday: boolean
  startDayCounts: boolean
  steps: Step[]
  /** Every day not counted (working days) or passed over by a roll forward, in order. */
  skipped: SkippedDay[]
  /**
   * 'beyondSchedule': a day the result depends on (a counted day; for calendar days and months the last
   * day and any roll forward) lies in a year with no loaded schedule, whose holidays are unknown.
   */
  warnings: DeadlineWarning[]
  /** Last day of the last loaded schedule year, or null when none is loaded. */
  coveredUntil: string | null
}
