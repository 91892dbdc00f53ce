// ISO calendar dates (`YYYY-MM-DD`) as UTC day numbers.
//
// Chinese legal dates have no time zone: a deadline is a calendar date, not an instant. All arithmetic
// therefore runs on integer day numbers (days since 1970-01-01), never on local-time `Date` objects.

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

/**
 * True when `value` is a real calendar date written as `YYYY-MM-DD`.
 * @example isIsoDate('2026-02-29') // false: 2026 is not a leap year
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * The UTC day number of an ISO date (days since 1970-01-01). Throws a RangeError on a malformed date.
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`)
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day) // setUTCFullYear, unlike Date.UTC, keeps years 0–99 literal
  return Math.round(d.getTime() / MS_PER_DAY)
}

/**
 * The ISO date of a UTC day number.
 * @example fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10)
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday.
 * @example weekday('2026-02-14') // 6 (a Saturday)
 */
export function weekday(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date))
}

/**
 * Day of the week of a day number (1970-01-01 was a Thursday).
 * @example weekdayOfDayNumber(0) // 4
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/**
 * True on Saturdays and Sundays.
 * @example isWeekend('2026-02-28') // true
 */
export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date)
  return w === 0 || w === 6
}

/**
 * The date `n` calendar days after `date` (negative `n` goes back).
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n)
}

/**
 * Number of days in a month (month 1–12).
 * @example daysInMonth(2028, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * The corresponding day `n` months later, or the end of that month when it has no such day
 * (《民法典》第202条; 《专利法实施细则》第4条). `monthEnd` tells whether the day was clamped.
 * @example correspondingDay('2026-01-31', 1) // { date: '2026-02-28', monthEnd: true }
 */
export function correspondingDay(date: IsoDate, n: number): { date: IsoDate; monthEnd: boolean } {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${String(date)}`)
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const monthIndex = year * 12 + (month - 1) + n
  const y = Math.floor(monthIndex / 12)
  const m = monthIndex - y * 12 + 1
  const last = daysInMonth(y, m)
  const d = Math.min(day, last)
  return { date: `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`, monthEnd: day > last }
}

/**
 * The year of an ISO date.
 * @example yearOf('2026-02-14') // 2026
 */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
