import { describe, expect, it } from 'vitest'
import { weekday } from './dates.ts'
import { holidayDates, SCHEDULE_2025, SCHEDULE_2026, type Schedule, ScheduleSchema } from './schedules.ts'

// rules.md §10, copied as written there: the lists the schedules must expand to.
const WEEKDAY_NON_WORKING = {
  2025: '01-01; 01-28, 01-29, 01-30, 01-31; 02-03, 02-04; 04-04; 05-01, 05-02, 05-05; 06-02; 10-01, 10-02, 10-03, 10-06, 10-07, 10-08',
  2026: '01-01, 01-02; 02-16, 02-17, 02-18, 02-19, 02-20, 02-23; 04-06; 05-01, 05-04, 05-05; 06-19; 09-25; 10-01, 10-02, 10-05, 10-06, 10-07',
}
const WEEKEND_WORKING = {
  2025: '01-26, 02-08, 04-27, 09-28, 10-11',
  2026: '01-04, 02-14, 02-28, 05-09, 09-20, 10-10',
}
const list = (year: number, text: string) => text.split(/[;,]\s*/).map((md) => `${year}-${md.trim()}`)
const isWeekendDay = (date: string) => weekday(date) === 0 || weekday(date) === 6

describe.each([
  [2025, SCHEDULE_2025, 28],
  [2026, SCHEDULE_2026, 33],
] as const)('the %i schedule', (year, schedule, totalDays) => {
  it('passes its own validation', () => {
    expect(ScheduleSchema.safeParse(schedule).success).toBe(true)
  })

  it('expands to the weekday non-working dates of rules.md §10', () => {
    const weekdaysOff = holidayDates(schedule)
      .map((d) => d.date)
      .filter((d) => !isWeekendDay(d))
    expect(weekdaysOff).toEqual(list(year, WEEKDAY_NON_WORKING[year]))
  })

  it('lists the weekend working dates of rules.md §10, all Saturdays or Sundays', () => {
    expect(schedule.makeUpWorkdays).toEqual(list(year, WEEKEND_WORKING[year]))
    expect(schedule.makeUpWorkdays.every(isWeekendDay)).toBe(true)
  })

  it('has the day counts of the notice', () => {
    // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动 5 + 端午 3 + 国庆中秋 8 = 28
    // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动 5 + 端午 3 + 中秋 3 + 国庆 7 = 33
    expect(holidayDates(schedule)).toHaveLength(totalDays)
  })
})

describe('ScheduleSchema on an uploaded schedule', () => {
  // A made-up 2027 schedule (not the real one): 2027-01-01 is a Friday, so
  // 2027-02-06 is a Saturday, 2027-02-07 a Sunday and 2027-02-10 a Wednesday.
  const valid: Schedule = {
    year: 2027,
    source: { title: 'test schedule', number: null, date: '2026-11-01' },
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', nameEn: 'Spring Festival', from: '2027-02-08', to: '2027-02-14' },
    ],
    makeUpWorkdays: ['2027-02-07'],
  }
  const reasons = (input: unknown) => {
    const r = ScheduleSchema.safeParse(input)
    if (r.success) return []
    return r.error.issues.map((i) => [
      i.path.join('.'),
      (i as { params?: { reason?: string } }).params?.reason,
    ])
  }

  it('accepts a well-formed schedule from JSON', () => {
    expect(ScheduleSchema.parse(JSON.parse(JSON.stringify(valid)))).toEqual(valid)
  })

  it('rejects dates outside the year', () => {
    const bad = {
      ...valid,
      holidays: [{ ...valid.holidays[0]!, from: '2026-12-31' }],
      makeUpWorkdays: ['2028-01-08'],
    }
    expect(reasons(bad)).toEqual([
      ['holidays.0.from', 'outsideYear'],
      ['makeUpWorkdays.0', 'outsideYear'],
    ])
  })

  it('rejects a period whose from is after its to', () => {
    const bad = { ...valid, holidays: [{ ...valid.holidays[1]!, from: '2027-02-14', to: '2027-02-08' }] }
    expect(reasons(bad)).toEqual([['holidays.0', 'fromAfterTo']])
  })

  it('rejects a make-up workday on a weekday, inside a holiday, or listed twice', () => {
    // 2027-02-10 is a Wednesday; 2027-02-13 is a Saturday inside the made-up 春节 2-08…2-14.
    const bad = { ...valid, makeUpWorkdays: ['2027-02-10', '2027-02-13', '2027-02-07', '2027-02-07'] }
    expect(reasons(bad)).toEqual([
      ['makeUpWorkdays.0', 'makeUpNotWeekend'],
      ['makeUpWorkdays.0', 'makeUpIsHoliday'],
      ['makeUpWorkdays.1', 'makeUpIsHoliday'],
      ['makeUpWorkdays.3', 'duplicateMakeUpWorkday'],
    ])
  })

  it('rejects overlapping holidays, impossible dates and missing fields', () => {
    const overlap = {
      ...valid,
      holidays: [...valid.holidays, { name: 'x', nameEn: 'x', from: '2027-02-14', to: '2027-02-15' }],
    }
    expect(reasons(overlap)).toEqual([['holidays.2', 'overlappingHolidays']])
    const impossible = { ...valid, makeUpWorkdays: ['2027-02-29'] }
    expect(ScheduleSchema.safeParse(impossible).success).toBe(false)
    expect(ScheduleSchema.safeParse({ year: 2027, holidays: [] }).success).toBe(false)
  })
})
