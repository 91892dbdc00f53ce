// Explained deadlines: the steps and skipped days the deadline calculator and case page render.
// Dates counted by hand as in calendar.test.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WorkingDayCalendar } from './calendar.ts'
import { fromDayNumber, toDayNumber } from './dates.ts'
import { STATE_COUNCIL_SCHEDULES } from './schedules.ts'

const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES)

describe('computeDeadline, working days', () => {
  it('explains 7 working days across the 2026 Spring Festival', () => {
    const r = calendar.computeDeadline({ from: '2026-02-12', length: 7, unit: 'working' })
    expect(r.due).toBe('2026-02-28')
    expect(r.steps).toEqual([
      { kind: 'start', date: '2026-02-12' },
      { kind: 'countFrom', date: '2026-02-13' },
      { kind: 'makeUpWorkday', date: '2026-02-14' },
      {
        kind: 'skipHoliday',
        from: '2026-02-15',
        to: '2026-02-23',
        days: 9,
        name: '春节',
        nameEn: 'Spring Festival',
      },
      { kind: 'makeUpWorkday', date: '2026-02-28' },
      { kind: 'due', date: '2026-02-28' },
    ])
    expect(r.skipped).toHaveLength(9) // 2-15…2-23, all inside 春节
    expect(r.skipped[6]).toEqual({ date: '2026-02-21', reason: 'holiday', holidayName: '春节' })
    expect(r.warnings).toEqual([])
    expect(r.coveredUntil).toBe('2026-12-31')
  })

  it('explains 15 working days from 2026-09-25, grouping each holiday and totalling weekends', () => {
    const r = calendar.computeDeadline({ from: '2026-09-25', length: 15, unit: 'working' })
    expect(r.due).toBe('2026-10-22')
    expect(r.steps).toEqual([
      { kind: 'start', date: '2026-09-25' },
      { kind: 'countFrom', date: '2026-09-26' },
      // 9-26 Sat and 9-27 Sun lie inside 中秋 (9-25…9-27)
      {
        kind: 'skipHoliday',
        from: '2026-09-26',
        to: '2026-09-27',
        days: 2,
        name: '中秋节',
        nameEn: 'Mid-Autumn Festival',
      },
      {
        kind: 'skipHoliday',
        from: '2026-10-01',
        to: '2026-10-07',
        days: 7,
        name: '国庆节',
        nameEn: 'National Day',
      },
      { kind: 'makeUpWorkday', date: '2026-10-10' },
      { kind: 'skipWeekends', days: 3 }, // 10-11, 10-17, 10-18
      { kind: 'due', date: '2026-10-22' },
    ])
    // 9-26…10-22 is 27 days: 15 counted + 12 skipped (2 中秋 + 7 国庆 + 3 weekend)
    expect(r.skipped).toHaveLength(12)
    expect(r.skipped.filter((d) => d.reason === 'weekend').map((d) => d.date)).toEqual([
      '2026-10-11',
      '2026-10-17',
      '2026-10-18',
    ])
  })

  it('explains 5 working days across the 2025 National Day', () => {
    const r = calendar.computeDeadline({ from: '2025-09-26', length: 5, unit: 'working' })
    expect(r.steps).toEqual([
      { kind: 'start', date: '2025-09-26' },
      { kind: 'countFrom', date: '2025-09-27' },
      { kind: 'makeUpWorkday', date: '2025-09-28' },
      {
        kind: 'skipHoliday',
        from: '2025-10-01',
        to: '2025-10-08',
        days: 8,
        name: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
      },
      { kind: 'skipWeekends', days: 1 }, // 9-27
      { kind: 'due', date: '2025-10-10' },
    ])
  })

  it('counts from the start day when asked', () => {
    const r = calendar.computeDeadline({
      from: '2026-02-13',
      length: 2,
      unit: 'working',
      startDayCounts: true,
    })
    expect(r.due).toBe('2026-02-14')
    expect(r.steps[1]).toEqual({ kind: 'countFrom', date: '2026-02-13' })
    expect(r.startDayCounts).toBe(true)
  })
})

describe('computeDeadline, calendar days and months', () => {
  it('explains a 15-day period whose last day is a holiday', () => {
    const r = calendar.computeDeadline({
      from: '2025-09-16',
      length: 15,
      unit: 'calendar',
      rollForwardFromHoliday: true,
    })
    expect(r.steps).toEqual([
      { kind: 'start', date: '2025-09-16' },
      { kind: 'countFrom', date: '2025-09-17' },
      { kind: 'lastDay', date: '2025-10-01', rule: 'calendarDays' },
      {
        kind: 'rollForward',
        from: '2025-10-01',
        to: '2025-10-09',
        reason: 'holiday',
        holidayName: '国庆节、中秋节',
      },
      { kind: 'due', date: '2025-10-09' },
    ])
    expect(r.skipped.map((d) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ])
  })

  it('explains a roll forward from an ordinary Sunday', () => {
    // 2025-03-01 + 15 = 3-16 Sun → 3-17 Mon
    const r = calendar.computeDeadline({
      from: '2025-03-01',
      length: 15,
      unit: 'calendar',
      rollForwardFromHoliday: true,
    })
    expect(r.steps.at(-2)).toEqual({
      kind: 'rollForward',
      from: '2025-03-16',
      to: '2025-03-17',
      reason: 'weekend',
    })
    expect(r.skipped).toEqual([{ date: '2025-03-16', reason: 'weekend' }])
  })

  it('does not roll when told not to', () => {
    const r = calendar.computeDeadline({
      from: '2025-09-16',
      length: 15,
      unit: 'calendar',
      rollForwardFromHoliday: false,
    })
    expect(r.due).toBe('2025-10-01')
    expect(r.steps.map((s) => s.kind)).toEqual(['start', 'countFrom', 'lastDay', 'due'])
    expect(r.skipped).toEqual([])
  })

  it('marks a month end', () => {
    const r = calendar.computeDeadline({
      from: '2026-01-31',
      length: 1,
      unit: 'month',
      rollForwardFromHoliday: true,
    })
    expect(r.due).toBe('2026-02-28') // a make-up Saturday: no roll
    expect(r.steps).toContainEqual({ kind: 'lastDay', date: '2026-02-28', rule: 'monthEnd' })
    const plain = calendar.computeDeadline({
      from: '2025-09-01',
      length: 1,
      unit: 'month',
      rollForwardFromHoliday: true,
    })
    expect(plain.steps[2]).toEqual({ kind: 'lastDay', date: '2025-10-01', rule: 'correspondingDay' })
    expect(plain.due).toBe('2025-10-09')
  })

  it('requires the roll-forward choice for calendar days and months, and validates input', () => {
    expect(() => calendar.computeDeadline({ from: '2025-09-16', length: 15, unit: 'calendar' })).toThrow()
    expect(() => calendar.computeDeadline({ from: '2025-09-16', length: -1, unit: 'working' })).toThrow()
    expect(() => calendar.computeDeadline({ from: '2025-02-29', length: 1, unit: 'working' })).toThrow()
  })
})

describe('computeDeadline beyond the schedule', () => {
  it('warns when a computation reaches 2027', () => {
    // from Mon 2026-12-28: 12-29, 12-30, 12-31, 2027-01-01 (holidays unknown), 1-04 → 5
    const r = calendar.computeDeadline({ from: '2026-12-28', length: 5, unit: 'working' })
    expect(r.due).toBe('2027-01-04')
    expect(r.warnings).toEqual(['beyondSchedule'])
    const month = calendar.computeDeadline({
      from: '2026-12-15',
      length: 1,
      unit: 'month',
      rollForwardFromHoliday: true,
    })
    expect(month.warnings).toEqual(['beyondSchedule'])
  })

  it('does not warn inside the schedule', () => {
    // 2026-12-01 Tue + 5 working days = 12-08 Tue (12-05/06 weekend)
    const r = calendar.computeDeadline({ from: '2026-12-01', length: 5, unit: 'working' })
    expect(r.due).toBe('2026-12-08')
    expect(r.warnings).toEqual([])
  })
})

describe('properties over 2025–2026', () => {
  const first = toDayNumber('2025-01-01')
  const last = toDayNumber('2026-12-31')
  const date = fc.integer({ min: first, max: last }).map(fromDayNumber)

  it('countWorkingDays(from, addWorkingDays(from, n)) === n', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 250 }), (from, n) => {
        expect(calendar.countWorkingDays(from, calendar.addWorkingDays(from, n))).toBe(n)
      }),
    )
  })

  it('the same holds when the start day counts (n ≥ 1), and the due date is a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 250 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n, { startDayCounts: true })
        expect(calendar.countWorkingDays(from, due, { startDayCounts: true })).toBe(n)
        expect(calendar.isWorkingDay(due)).toBe(true)
      }),
    )
  })

  it('an explained working-day deadline accounts for every day between from and due', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 120 }), (from, n) => {
        const r = calendar.computeDeadline({ from, length: n, unit: 'working' })
        expect(r.due).toBe(calendar.addWorkingDays(from, n))
        expect(n + r.skipped.length).toBe(toDayNumber(r.due) - toDayNumber(from))
      }),
    )
  })

  it('a rolled calendar-day deadline is the first working day on or after the plain last day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (from, n) => {
        const plain = calendar.addCalendarDays(from, n, { rollForwardFromHoliday: false })
        const rolled = calendar.addCalendarDays(from, n, { rollForwardFromHoliday: true })
        expect(rolled).toBe(calendar.nextWorkingDayFrom(plain))
        expect(calendar.countWorkingDays(plain, rolled)).toBe(calendar.isWorkingDay(plain) ? 0 : 1)
      }),
    )
  })
})

describe('computeDeadline warnings look only at the days the result depends on', () => {
  it('a calendar-day period that starts in 2024 but ends inside 2025 does not warn', () => {
    // 2024-12-20 + 15 = 2025-01-04 Sat → 1-06 Mon (holidays inside the period are not deducted)
    const r = calendar.computeDeadline({
      from: '2024-12-20',
      length: 15,
      unit: 'calendar',
      rollForwardFromHoliday: true,
    })
    expect(r.due).toBe('2025-01-06')
    expect(r.warnings).toEqual([])
  })

  it('a working-day period that counts 2024 days warns', () => {
    // from Fri 2024-12-27: 12-30 Mon, 12-31 Tue (2024 holidays unknown), 2025-01-01 off (元旦), 1-02 Thu → 3
    const r = calendar.computeDeadline({ from: '2024-12-27', length: 3, unit: 'working' })
    expect(r.due).toBe('2025-01-02')
    expect(r.warnings).toEqual(['beyondSchedule'])
  })
})
