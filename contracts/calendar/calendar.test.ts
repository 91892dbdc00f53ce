// Every expected date below was counted by hand on the 2025 and 2026 calendars (rules.md §10);
// the comment beside each shows the count. Weekdays: 2025-01-01 is a Wednesday, 2026-01-01 a Thursday.
import { describe, expect, it } from 'vitest'
import { WorkingDayCalendar } from './calendar.ts'
import { weekday } from './dates.ts'
import { SCHEDULE_2025, STATE_COUNCIL_SCHEDULES } from './schedules.ts'

const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES)
const roll = { rollForwardFromHoliday: true }
const noRoll = { rollForwardFromHoliday: false }

describe('dates', () => {
  it('knows the weekdays the hand counts rely on', () => {
    expect(weekday('2025-01-01')).toBe(3) // Wednesday
    expect(weekday('2026-01-01')).toBe(4) // Thursday
    expect(weekday('2026-02-14')).toBe(6) // make-up Saturday
    expect(weekday('2026-12-28')).toBe(1) // Monday
  })
})

describe('WorkingDayCalendar days', () => {
  it('classifies weekdays, weekends, holidays and make-up workdays', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true) // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true) // Saturday, make-up workday
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false) // Monday in 春节
    expect(calendar.isWorkingDay('2026-02-21')).toBe(false) // Saturday in 春节
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false) // ordinary Saturday
    expect(calendar.isMakeUpWorkday('2025-09-28')).toBe(true)
  })

  it('isStatutoryHoliday is true only inside a holiday period', () => {
    expect(calendar.isStatutoryHoliday('2026-02-21')).toBe(true) // Saturday inside 春节
    expect(calendar.isStatutoryHoliday('2026-03-07')).toBe(false) // ordinary Saturday: rest day, not a holiday
    expect(calendar.isStatutoryHoliday('2026-02-14')).toBe(false)
    expect(calendar.holidayOn('2025-10-05')?.nameEn).toBe('National Day and Mid-Autumn Festival')
  })

  it('finds the next working day', () => {
    expect(calendar.nextWorkingDayFrom('2025-10-01')).toBe('2025-10-09') // 10-01…10-08 off
    expect(calendar.nextWorkingDayFrom('2026-02-24')).toBe('2026-02-24')
  })
})

describe('addWorkingDays', () => {
  it('7 working days from just before the 2026 Spring Festival', () => {
    // from Thu 2026-02-12: 2-13 Fri (1), 2-14 Sat make-up (2), 2-15…2-23 off,
    // 2-24 (3), 2-25 (4), 2-26 (5), 2-27 (6), 2-28 Sat make-up (7)
    expect(calendar.addWorkingDays('2026-02-12', 7)).toBe('2026-02-28')
  })

  it('15 working days from 2026-09-25 (known answer 2026-10-22)', () => {
    // 9-26 Sat, 9-27 Sun off (中秋); 9-28 (1), 9-29 (2), 9-30 (3); 10-01…10-07 off (国庆);
    // 10-08 (4), 10-09 (5), 10-10 Sat make-up (6); 10-11 Sun off; 10-12…10-16 (7–11);
    // 10-17/18 weekend; 10-19 (12), 10-20 (13), 10-21 (14), 10-22 (15)
    expect(calendar.addWorkingDays('2026-09-25', 15)).toBe('2026-10-22')
  })

  it('5 working days across the 2025 National Day', () => {
    // from Fri 2025-09-26: 9-27 Sat off, 9-28 Sun make-up (1), 9-29 (2), 9-30 (3),
    // 10-01…10-08 off, 10-09 (4), 10-10 (5)
    expect(calendar.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10')
    // from Mon 2025-09-29: 9-30 (1), 10-01…10-08 off, 10-09 (2), 10-10 (3), 10-11 Sat make-up (4),
    // 10-12 Sun off, 10-13 Mon (5)
    expect(calendar.addWorkingDays('2025-09-29', 5)).toBe('2025-10-13')
  })

  it('45 working days across 2025 Labour Day and Dragon Boat Festival', () => {
    // from Fri 2025-04-25: 4-26 Sat off, 4-27 Sun make-up (1), 4-28…4-30 (2–4), 5-01…5-05 off,
    // 5-06…5-09 (5–8), 5-12…5-16 (9–13), 5-19…5-23 (14–18), 5-26…5-30 (19–23), 5-31…6-02 off,
    // 6-03…6-06 (24–27), 6-09…6-13 (28–32), 6-16…6-20 (33–37), 6-23…6-27 (38–42),
    // 6-30 (43), 7-01 (44), 7-02 (45)
    expect(calendar.addWorkingDays('2025-04-25', 45)).toBe('2025-07-02')
  })

  it('counts the start day when asked', () => {
    // 2-13 (1), 2-14 make-up (2)
    expect(calendar.addWorkingDays('2026-02-13', 2, { startDayCounts: true })).toBe('2026-02-14')
    // 2-15 is in 春节, so the first counted day is 2-24
    expect(calendar.addWorkingDays('2026-02-15', 1, { startDayCounts: true })).toBe('2026-02-24')
  })

  it('returns from for 0 days and rejects negative or fractional lengths', () => {
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15')
    expect(() => calendar.addWorkingDays('2026-02-15', -1)).toThrow(RangeError)
    expect(() => calendar.addWorkingDays('2026-02-15', 1.5)).toThrow(RangeError)
    expect(() => calendar.addWorkingDays('2026-2-15', 1)).toThrow(RangeError)
  })
})

describe('addCalendarDays', () => {
  it('15 calendar days ending on a holiday roll forward to the next working day', () => {
    // 2025-09-16 + 15 = 10-01 (国庆); 10-01…10-08 off → 10-09 Thu
    expect(calendar.addCalendarDays('2025-09-16', 15, roll)).toBe('2025-10-09')
    expect(calendar.addCalendarDays('2025-09-16', 15, noRoll)).toBe('2025-10-01')
    // 2026-04-16 + 15 = 5-01 (劳动节 5-01…5-05) → 5-06 Wed
    expect(calendar.addCalendarDays('2026-04-16', 15, roll)).toBe('2026-05-06')
    // 2026-02-01 + 15 = 2-16 (春节 2-15…2-23) → 2-24 Tue
    expect(calendar.addCalendarDays('2026-02-01', 15, roll)).toBe('2026-02-24')
  })

  it('rolls forward from an ordinary weekend, not from a make-up workday', () => {
    // 2025-03-01 + 15 = 3-16 Sun → 3-17 Mon
    expect(calendar.addCalendarDays('2025-03-01', 15, roll)).toBe('2025-03-17')
    // 2026-02-13 + 15 = 2-28, a make-up Saturday: a working day, no roll
    expect(calendar.addCalendarDays('2026-02-13', 15, roll)).toBe('2026-02-28')
  })

  it('does not deduct holidays inside the period', () => {
    // 2026-02-10 + 15 = 2-25 (the whole 春节 lies inside, still counted)
    expect(calendar.addCalendarDays('2026-02-10', 15, roll)).toBe('2026-02-25')
  })

  it('counts the start day when asked', () => {
    // 3-01 is day 1, so day 15 is 3-15 Sat → 3-17 Mon
    expect(calendar.addCalendarDays('2025-03-01', 15, { ...noRoll, startDayCounts: true })).toBe('2025-03-15')
    expect(calendar.addCalendarDays('2025-03-01', 15, { ...roll, startDayCounts: true })).toBe('2025-03-17')
  })
})

describe('addMonths', () => {
  it('ends on the corresponding day, or the month end', () => {
    expect(calendar.addMonths('2026-01-31', 1, roll)).toBe('2026-02-28') // month end; a make-up Saturday
    expect(calendar.addMonths('2025-01-31', 1, roll)).toBe('2025-02-28') // Friday
    expect(calendar.addMonths('2025-03-31', 1, roll)).toBe('2025-04-30') // Wednesday
    expect(calendar.addMonths('2025-12-31', 2, roll)).toBe('2026-02-28')
    expect(calendar.addMonths('2025-11-30', 3, roll)).toBe('2026-02-28')
    expect(calendar.addMonths('2025-12-15', 12, roll)).toBe('2026-12-15') // Tuesday
  })

  it('rolls a last day on a holiday forward', () => {
    // 2025-09-01 + 1 month = 10-01 (国庆) → 10-09
    expect(calendar.addMonths('2025-09-01', 1, roll)).toBe('2025-10-09')
    expect(calendar.addMonths('2025-09-01', 1, noRoll)).toBe('2025-10-01')
    // 2025-01-05 + 1 month = 2-05 Wed, a working day just after 春节
    expect(calendar.addMonths('2025-01-05', 1, roll)).toBe('2025-02-05')
  })

  it('with the start day counted, ends the day before the corresponding day', () => {
    expect(calendar.addMonths('2025-03-01', 1, { ...noRoll, startDayCounts: true })).toBe('2025-03-31')
    expect(calendar.addMonths('2026-01-31', 1, { ...noRoll, startDayCounts: true })).toBe('2026-02-27')
  })
})

describe('countWorkingDays', () => {
  it('counts across a holiday, exclusive of from and inclusive of to', () => {
    expect(calendar.countWorkingDays('2026-02-12', '2026-02-28')).toBe(7) // see addWorkingDays
    expect(calendar.countWorkingDays('2026-09-25', '2026-10-22')).toBe(15)
    // 9-30 not counted; 10-01…10-08 off; 10-09 (1)
    expect(calendar.countWorkingDays('2025-09-30', '2025-10-09')).toBe(1)
    // from Fri 2025-01-24: 1-25 Sat off, 1-26 Sun make-up (1), 1-27 (2), 1-28…2-04 off (春节),
    // 2-05 (3), 2-06 (4), 2-07 (5), 2-08 Sat make-up (6), 2-09 Sun off, 2-10 (7)
    expect(calendar.countWorkingDays('2025-01-24', '2025-02-10')).toBe(7)
  })

  it('is zero on the same day and negative backwards', () => {
    expect(calendar.countWorkingDays('2026-02-12', '2026-02-12')).toBe(0)
    expect(calendar.countWorkingDays('2026-02-28', '2026-02-12')).toBe(-7)
  })

  it('counts from itself when the start day counts', () => {
    expect(calendar.countWorkingDays('2026-02-13', '2026-02-14', { startDayCounts: true })).toBe(2)
  })
})

describe('beyond the loaded schedules', () => {
  it('reports coverage', () => {
    expect(calendar.coveredUntil).toBe('2026-12-31')
    expect(calendar.years).toEqual([2025, 2026])
    expect(new WorkingDayCalendar([]).coveredUntil).toBeNull()
    expect(calendar.isBeyondSchedule('2026-12-31')).toBe(false)
    expect(calendar.isBeyondSchedule('2027-01-01')).toBe(true)
    expect(calendar.isBeyondSchedule('2024-12-31')).toBe(true)
    expect(calendar.touchesBeyondSchedule('2026-12-28', '2027-01-04')).toBe(true)
    expect(calendar.touchesBeyondSchedule('2025-01-01', '2026-12-31')).toBe(false)
  })

  it('still skips weekends but knows no holidays in 2027', () => {
    // from Mon 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri (4: holiday unknown),
    // 1-02/1-03 weekend, 1-04 Mon (5)
    expect(calendar.addWorkingDays('2026-12-28', 5)).toBe('2027-01-04')
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true)
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false)
  })

  it('loads an uploaded year', () => {
    const withOnly2025 = new WorkingDayCalendar([SCHEDULE_2025])
    expect(withOnly2025.coveredUntil).toBe('2025-12-31')
    expect(withOnly2025.isWorkingDay('2026-02-16')).toBe(true) // 2026 unknown: a plain Monday
  })

  it('rejects a repeated year or an invalid schedule', () => {
    expect(() => new WorkingDayCalendar([SCHEDULE_2025, SCHEDULE_2025])).toThrow(/2025/)
    expect(() => new WorkingDayCalendar([{ ...SCHEDULE_2025, makeUpWorkdays: ['2025-01-27'] }])).toThrow()
  })
})
