// State Council holiday schedules (国务院办公厅 部分节假日安排的通知) as data.
//
// A schedule is published each November for the following year, so the calendar never hard-codes it:
// these two years are the seed data (rules.md §10), and an administrator uploads later years as JSON,
// validated by `ScheduleSchema`.
import { z } from 'zod'
import { addDays, isIsoDate, isWeekend, toDayNumber, yearOf } from './dates.ts'

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'Expected a calendar date YYYY-MM-DD' })

/** One holiday period of a schedule: off from `from` to `to`, inclusive (weekend days inside included). */
export const HolidaySchema = z.object({
  name: z.string().min(1), // zh-CN, as in the notice: '春节'
  nameEn: z.string().min(1), // 'Spring Festival'
  from: IsoDateSchema,
  to: IsoDateSchema,
})

export const ScheduleSourceSchema = z.object({
  title: z.string().min(1),
  /** Document number, e.g. 国办发明电〔2024〕12号; null when not known. */
  number: z.string().min(1).nullable(),
  /** Date of the notice. */
  date: IsoDateSchema,
})

/**
 * Reasons attached (as `params.reason`) to the custom issues of `ScheduleSchema`, so that the UI can
 * translate them.
 */
export type ScheduleIssueReason =
  | 'outsideYear'
  | 'fromAfterTo'
  | 'overlappingHolidays'
  | 'makeUpNotWeekend'
  | 'makeUpIsHoliday'
  | 'duplicateMakeUpWorkday'

/**
 * A year's holiday schedule. Checks, besides shapes: every date lies inside `year`; `from <= to`;
 * holiday periods do not overlap; make-up workdays (调休上班) are Saturdays or Sundays, listed once,
 * and never inside a holiday period.
 * @example ScheduleSchema.parse(JSON.parse(uploadedText)) // throws a ZodError listing every problem
 */
export const ScheduleSchema = z
  .object({
    year: z.number().int().min(1949).max(9999),
    source: ScheduleSourceSchema,
    holidays: z.array(HolidaySchema),
    makeUpWorkdays: z.array(IsoDateSchema),
  })
  .superRefine((schedule, ctx) => {
    // Zod runs this refinement even when a date failed its own check: skip until the dates are valid.
    const dates = [...schedule.holidays.flatMap((h) => [h.from, h.to]), ...schedule.makeUpWorkdays]
    if (!dates.every(isIsoDate)) return
    const issue = (reason: ScheduleIssueReason, message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', message, path, params: { reason } })
    const inYear = (date: string) => yearOf(date) === schedule.year

    const holidayDays = new Set<number>()
    schedule.holidays.forEach((h, i) => {
      if (!inYear(h.from))
        issue('outsideYear', `${h.from} is not in ${schedule.year}`, ['holidays', i, 'from'])
      if (!inYear(h.to)) issue('outsideYear', `${h.to} is not in ${schedule.year}`, ['holidays', i, 'to'])
      if (h.from > h.to) {
        issue('fromAfterTo', `${h.name}: from ${h.from} is after to ${h.to}`, ['holidays', i])
        return
      }
      let overlaps = false
      for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) {
        if (holidayDays.has(d)) overlaps = true
        holidayDays.add(d)
      }
      if (overlaps) issue('overlappingHolidays', `${h.name} overlaps another holiday`, ['holidays', i])
    })

    const seen = new Set<string>()
    schedule.makeUpWorkdays.forEach((date, i) => {
      const path = ['makeUpWorkdays', i]
      if (!inYear(date)) issue('outsideYear', `${date} is not in ${schedule.year}`, path)
      if (!isWeekend(date)) issue('makeUpNotWeekend', `${date} is not a Saturday or Sunday`, path)
      if (holidayDays.has(toDayNumber(date))) {
        issue('makeUpIsHoliday', `${date} is both a holiday and a make-up workday`, path)
      }
      if (seen.has(date)) issue('duplicateMakeUpWorkday', `${date} is listed twice`, path)
      seen.add(date)
    })
  })

export type Holiday = z.infer<typeof HolidaySchema>
export type ScheduleSource = z.infer<typeof ScheduleSourceSchema>
export type Schedule = z.infer<typeof ScheduleSchema>

/**
 * 2025 schedule — 国办发明电〔2024〕12号 (2024-11-12). rules.md §10, confidence B.
 * The first year under the November 2024 revision of 《全国年节及纪念日放假办法》 (13 public holidays).
 */
export const SCHEDULE_2025: Schedule = {
  year: 2025,
  source: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    number: '国办发明电〔2024〕12号',
    date: '2024-11-12',
  },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', nameEn: 'Spring Festival', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', nameEn: 'Qingming Festival', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', nameEn: 'Labour Day', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2025-05-31', to: '2025-06-02' },
    {
      name: '国庆节、中秋节',
      nameEn: 'National Day and Mid-Autumn Festival',
      from: '2025-10-01',
      to: '2025-10-08',
    },
  ],
  makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
}

/**
 * 2026 schedule — notice dated 2025-11-04; its document number was not captured (rules.md §10,
 * confidence B). 春节 is 9 days with two make-up Saturdays; 中秋 and 国庆 are separate.
 */
export const SCHEDULE_2026: Schedule = {
  year: 2026,
  source: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    number: null,
    date: '2025-11-04',
  },
  holidays: [
    { name: '元旦', nameEn: "New Year's Day", from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', nameEn: 'Spring Festival', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', nameEn: 'Qingming Festival', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', nameEn: 'Labour Day', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', nameEn: 'Dragon Boat Festival', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', nameEn: 'Mid-Autumn Festival', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', nameEn: 'National Day', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
}

/** The schedules shipped as seed data, oldest first. */
export const STATE_COUNCIL_SCHEDULES: readonly Schedule[] = [SCHEDULE_2025, SCHEDULE_2026]

/**
 * Every date of a schedule's holiday periods, in order, with its holiday.
 * @example holidayDates(SCHEDULE_2025)[0] // { date: '2025-01-01', holiday: { name: '元旦', … } }
 */
export function holidayDates(schedule: Schedule): { date: string; holiday: Holiday }[] {
  const out: { date: string; holiday: Holiday }[] = []
  for (const holiday of schedule.holidays) {
    for (let d = holiday.from; d <= holiday.to; d = addDays(d, 1)) out.push({ date: d, holiday })
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
