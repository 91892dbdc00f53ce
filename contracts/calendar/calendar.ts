// The working-day calendar: pure date arithmetic over State Council holiday schedules.
//
// Counting conventions (rules.md §0):
// - The start day is not counted (《民事诉讼法》(2023) 第85条; 《民法典》第201条; 《专利法实施细则》(2023)
//   第4条): every operation counts from the day after `from`, unless `startDayCounts` is set.
// - Working days (0.6) = Monday–Friday, minus State Council holiday periods, plus 调休 make-up
//   Saturdays/Sundays.
// - Roll forward (0.3, 0.4): "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期".
//   Our reading: a 法定休假日 is any day that is actually a rest day — a State Council holiday *or* an
//   ordinary Saturday/Sunday — and a make-up Saturday/Sunday is *not* one. Sources for that reading:
//   * a Supreme People's Court reply of 2014-12-12 on computing 审理期限 (title not captured; quoted by
//     third-party law sites) lists "星期六、星期日、'五一'、'十一'、元旦、春节等" as the holidays after
//     which the last day moves, and says holidays inside the period are not deducted;
//   * 《民法通则》(1986) 第154条 said "星期日或者其他法定休假日", and its SPC opinion (试行) 第198条 said
//     that when rest days are swapped (有变通), the day after the *actual* rest day counts — hence a
//     make-up workday is a working day and a deadline landing on it does not move;
//   * Saturdays became rest days under 《国务院关于职工工作时间的规定》(1995).
//   All three were read in secondary sources (law-site reposts and a 民法典 commentary), not the
//   official texts: confidence B/C in the terms of rules.md §0.
//   "The first day after the 法定休假日" and "the next working day" (专利法实施细则 第4条) then coincide.
//   A period in a patent procedure may still differ on details (专利审查指南); callers choose per rule.
// - Years with no loaded schedule: Saturdays and Sundays are rest days, every weekday is assumed a
//   working day, and results carry a `beyondSchedule` warning.
import {
  correspondingDay,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
  weekdayOfDayNumber,
  yearOf,
} from './dates.ts'
import {
  type DeadlineInput,
  DeadlineInputSchema,
  type DeadlineResult,
  type DeadlineWarning,
  MAX_DEADLINE_LENGTH,
  type SkippedDay,
  type SkipReason,
  type Step,
} from './deadline.ts'
import { type Holiday, type Schedule, ScheduleSchema } from './schedules.ts'

export interface CountOptions {
  /** Count `from` itself as the first day (default false: counting starts the day after). */
  startDayCounts?: boolean
}

export interface RollOptions extends CountOptions {
  /** Move a last day that falls on a 法定休假日 (holiday or rest-day weekend) to the next working day. */
  rollForwardFromHoliday: boolean
}

interface DayType {
  working: boolean
  /** Set on rest days: 'holiday' inside a holiday period (weekend days included), else 'weekend'. */
  reason?: SkipReason
  holiday?: Holiday
  makeUp: boolean
}

/**
 * Working-day arithmetic over a list of State Council schedules (one per year).
 * @example
 * const calendar = new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES)
 * calendar.addWorkingDays('2026-09-25', 15) // '2026-10-22'
 */
export class WorkingDayCalendar {
  /** The loaded schedule years, ascending. */
  readonly years: readonly number[]
  readonly #years: ReadonlySet<number>
  readonly #holidays = new Map<number, Holiday>()
  readonly #makeUp = new Set<number>()

  /** Validates every schedule with `ScheduleSchema`; throws on an invalid one or a repeated year. */
  constructor(schedules: readonly Schedule[]) {
    const years = new Set<number>()
    for (const raw of schedules) {
      const schedule = ScheduleSchema.parse(raw)
      if (years.has(schedule.year)) throw new RangeError(`Two schedules for ${schedule.year}`)
      years.add(schedule.year)
      for (const holiday of schedule.holidays) {
        for (let d = toDayNumber(holiday.from); d <= toDayNumber(holiday.to); d++)
          this.#holidays.set(d, holiday)
      }
      for (const date of schedule.makeUpWorkdays) this.#makeUp.add(toDayNumber(date))
    }
    this.#years = years
    this.years = [...years].sort((a, b) => a - b)
  }

  /**
   * The last day of the last loaded year; null with no schedule.
   * @example new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES).coveredUntil // '2026-12-31'
   */
  get coveredUntil(): IsoDate | null {
    const last = this.years.at(-1)
    return last === undefined ? null : `${last}-12-31`
  }

  /**
   * True when no schedule is loaded for the date's year (holidays unknown). Usually a date after
   * `coveredUntil`; also a year before the first loaded one or a gap between loaded years.
   * @example calendar.isBeyondSchedule('2027-01-01') // true with 2025–2026 loaded
   */
  isBeyondSchedule(date: IsoDate): boolean {
    toDayNumber(date) // validates
    return !this.#years.has(yearOf(date))
  }

  /**
   * True when any date from `from` to `to` (inclusive, either order) is beyond the schedule.
   * @example calendar.touchesBeyondSchedule('2026-12-28', '2027-01-04') // true
   */
  touchesBeyondSchedule(from: IsoDate, to: IsoDate): boolean {
    const [a, b] = [toDayNumber(from), toDayNumber(to)].sort((x, y) => x - y) as [number, number]
    const first = yearOf(fromDayNumber(a))
    const last = yearOf(fromDayNumber(b))
    for (let y = first; y <= last; y++) if (!this.#years.has(y)) return true
    return false
  }

  /**
   * True on a working day: Monday–Friday outside holiday periods, or a make-up Saturday/Sunday.
   * @example calendar.isWorkingDay('2026-02-14') // true (make-up Saturday before 春节)
   */
  isWorkingDay(date: IsoDate): boolean {
    return this.#dayType(toDayNumber(date)).working
  }

  /**
   * True inside a State Council holiday period (weekend days within the period included). This is the
   * narrow sense; the roll-forward rule's 法定休假日 is wider: every day where `isWorkingDay` is false.
   * @example calendar.isStatutoryHoliday('2026-02-21') // true (a Saturday inside 春节)
   */
  isStatutoryHoliday(date: IsoDate): boolean {
    return this.#holidays.has(toDayNumber(date))
  }

  /**
   * The holiday period a date falls in, if any.
   * @example calendar.holidayOn('2025-10-05')?.name // '国庆节、中秋节'
   */
  holidayOn(date: IsoDate): Holiday | undefined {
    return this.#holidays.get(toDayNumber(date))
  }

  /**
   * True on a make-up workday (调休上班).
   * @example calendar.isMakeUpWorkday('2025-09-28') // true
   */
  isMakeUpWorkday(date: IsoDate): boolean {
    return this.#makeUp.has(toDayNumber(date))
  }

  /**
   * `date` itself when it is a working day, else the next working day.
   * @example calendar.nextWorkingDayFrom('2025-10-01') // '2025-10-09'
   */
  nextWorkingDayFrom(date: IsoDate): IsoDate {
    let d = toDayNumber(date)
    while (!this.#dayType(d).working) d++
    return fromDayNumber(d)
  }

  /**
   * The `n`-th working day after `from` (from itself when `n` is 0).
   * @example calendar.addWorkingDays('2026-02-12', 7) // '2026-02-28': 2-13, 2-14 (make-up), 2-24…2-28
   */
  addWorkingDays(from: IsoDate, n: number, options: CountOptions = {}): IsoDate {
    checkLength(n)
    return fromDayNumber(this.#walkWorkingDays(toDayNumber(from), n, options.startDayCounts ?? false))
  }

  /**
   * `n` calendar days after `from`; holidays inside the period are not deducted. With
   * `rollForwardFromHoliday`, a last day on a rest day moves to the next working day.
   * @example calendar.addCalendarDays('2025-09-16', 15, { rollForwardFromHoliday: true }) // '2025-10-09'
   */
  addCalendarDays(from: IsoDate, n: number, options: RollOptions): IsoDate {
    checkLength(n)
    const raw = lastCalendarDay(toDayNumber(from), n, options.startDayCounts ?? false)
    return fromDayNumber(options.rollForwardFromHoliday ? this.#rollForward(raw) : raw)
  }

  /**
   * `n` months after `from`: the corresponding day, or the month end when that month is shorter
   * (《民法典》第202条). With `startDayCounts`, the day before (某月某日至次月该日之前一天).
   * @example calendar.addMonths('2026-01-31', 1, { rollForwardFromHoliday: true }) // '2026-02-28'
   */
  addMonths(from: IsoDate, n: number, options: RollOptions): IsoDate {
    checkLength(n)
    const { dayNumber: raw } = lastMonthDay(from, n, options.startDayCounts ?? false)
    return fromDayNumber(options.rollForwardFromHoliday ? this.#rollForward(raw) : raw)
  }

  /**
   * Working days after `from` up to and including `to` (`from` itself only with `startDayCounts`).
   * Negative when `to` is before `from` (e.g. working days overdue): `count(a, b) === -count(b, a)`.
   * @example calendar.countWorkingDays('2026-09-25', '2026-10-22') // 15
   */
  countWorkingDays(from: IsoDate, to: IsoDate, options: CountOptions = {}): number {
    const a = toDayNumber(from)
    const b = toDayNumber(to)
    if (b < a) return -this.countWorkingDays(to, from, options)
    let count = 0
    for (let d = options.startDayCounts ? a : a + 1; d <= b; d++) if (this.#dayType(d).working) count++
    return count
  }

  /**
   * A deadline with its explanation: structured steps (for the UI to render in zh-CN or English), every
   * skipped day, and warnings. Input is validated with `DeadlineInputSchema` (throws a ZodError).
   * @example
   * calendar.computeDeadline({ from: '2026-09-25', length: 15, unit: 'working' }).due // '2026-10-22'
   */
  computeDeadline(input: DeadlineInput): DeadlineResult {
    const p = DeadlineInputSchema.parse(input)
    const startDayCounts = p.startDayCounts ?? false
    const roll = p.unit !== 'working' && (p.rollForwardFromHoliday ?? false)
    const fromDn = toDayNumber(p.from)
    const countFrom = startDayCounts ? fromDn : fromDn + 1
    const steps: Step[] = [
      { kind: 'start', date: p.from },
      { kind: 'countFrom', date: fromDayNumber(countFrom) },
    ]
    const skipped: SkippedDay[] = []
    const skip = (d: number, t: DayType) => {
      const day: SkippedDay = { date: fromDayNumber(d), reason: t.reason ?? 'weekend' }
      if (t.holiday) day.holidayName = t.holiday.name
      skipped.push(day)
    }
    let due: number
    // The first day whose status the result depends on: counted days for working days; for calendar
    // days and months only the last day and any roll forward (days inside are not deducted).
    let examinedFrom: number

    if (p.unit === 'working') {
      due = this.#walkWorkingDays(fromDn, p.length, startDayCounts)
      examinedFrom = Math.min(countFrom, due)
      let weekendDays = 0
      let run: Extract<Step, { kind: 'skipHoliday' }> | undefined
      for (let d = countFrom; d <= due && p.length > 0; d++) {
        const t = this.#dayType(d)
        if (!t.working) skip(d, t)
        if (t.reason === 'holiday' && t.holiday) {
          if (run && run.name === t.holiday.name && toDayNumber(run.to) === d - 1) {
            run.to = fromDayNumber(d)
            run.days++
          } else {
            run = { kind: 'skipHoliday', from: fromDayNumber(d), to: fromDayNumber(d), days: 1, ...names(t) }
            steps.push(run)
          }
          continue
        }
        run = undefined
        if (t.reason === 'weekend') weekendDays++
        else if (t.makeUp) steps.push({ kind: 'makeUpWorkday', date: fromDayNumber(d) })
      }
      if (weekendDays > 0) steps.push({ kind: 'skipWeekends', days: weekendDays })
    } else {
      const last =
        p.unit === 'calendar'
          ? { dayNumber: lastCalendarDay(fromDn, p.length, startDayCounts), monthEnd: false }
          : lastMonthDay(p.from, p.length, startDayCounts)
      const rule = p.unit === 'calendar' ? 'calendarDays' : last.monthEnd ? 'monthEnd' : 'correspondingDay'
      steps.push({ kind: 'lastDay', date: fromDayNumber(last.dayNumber), rule })
      due = roll ? this.#rollForward(last.dayNumber) : last.dayNumber
      examinedFrom = last.dayNumber
      if (due !== last.dayNumber) {
        for (let d = last.dayNumber; d < due; d++) skip(d, this.#dayType(d))
        const t = this.#dayType(last.dayNumber)
        const step: Step = {
          kind: 'rollForward',
          from: fromDayNumber(last.dayNumber),
          to: fromDayNumber(due),
          reason: t.reason ?? 'weekend',
        }
        if (t.holiday) step.holidayName = t.holiday.name
        steps.push(step)
      }
    }

    steps.push({ kind: 'due', date: fromDayNumber(due) })
    const warnings: DeadlineWarning[] = []
    if (this.touchesBeyondSchedule(fromDayNumber(examinedFrom), fromDayNumber(due))) {
      warnings.push('beyondSchedule')
    }
    return {
      due: fromDayNumber(due),
      from: p.from,
      length: p.length,
      unit: p.unit,
      rollForwardFromHoliday: roll,
      startDayCounts,
      steps,
      skipped,
      warnings,
      coveredUntil: this.coveredUntil,
    }
  }

  #dayType(d: number): DayType {
    if (this.#makeUp.has(d)) return { working: true, makeUp: true }
    const holiday = this.#holidays.get(d)
    if (holiday) return { working: false, reason: 'holiday', holiday, makeUp: false }
    const w = weekdayOfDayNumber(d)
    if (w === 0 || w === 6) return { working: false, reason: 'weekend', makeUp: false }
    return { working: true, makeUp: false }
  }

  #walkWorkingDays(fromDn: number, n: number, startDayCounts: boolean): number {
    if (n === 0) return fromDn
    let count = 0
    for (let d = startDayCounts ? fromDn : fromDn + 1; ; d++) {
      if (this.#dayType(d).working && ++count === n) return d
    }
  }

  #rollForward(d: number): number {
    let day = d
    while (!this.#dayType(day).working) day++
    return day
  }
}

function names(t: DayType): { name: string; nameEn: string } {
  return { name: t.holiday?.name ?? '', nameEn: t.holiday?.nameEn ?? '' }
}

function checkLength(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_DEADLINE_LENGTH) {
    throw new RangeError(`Period length must be an integer from 0 to ${MAX_DEADLINE_LENGTH}: ${n}`)
  }
}

/** Last day of an `n`-calendar-day period: from + n, or from + n − 1 when the start day counts. */
function lastCalendarDay(fromDn: number, n: number, startDayCounts: boolean): number {
  if (n === 0) return fromDn
  return fromDn + n - (startDayCounts ? 1 : 0)
}

function lastMonthDay(
  from: IsoDate,
  n: number,
  startDayCounts: boolean,
): { dayNumber: number; monthEnd: boolean } {
  const c = correspondingDay(from, n)
  const dayNumber = toDayNumber(c.date)
  return n > 0 && startDayCounts
    ? { dayNumber: dayNumber - 1, monthEnd: false }
    : { dayNumber, monthEnd: c.monthEnd }
}
