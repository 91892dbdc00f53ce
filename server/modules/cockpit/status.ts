import type { Status } from '../../../contracts/cockpit.ts'

/** Periods: `2024-05` (monthly) or `2024-Q2` (quarterly), each with its first and last day. */
export function periodBounds(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4))
  const q = /Q([1-4])$/.exec(period)
  const firstMonth = q ? (Number(q[1]) - 1) * 3 + 1 : Number(period.slice(5, 7))
  const lastMonth = q ? firstMonth + 2 : firstMonth
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate()
  const mm = (m: number) => String(m).padStart(2, '0')
  return { from: `${year}-${mm(firstMonth)}-01`, to: `${year}-${mm(lastMonth)}-${mm(lastDay)}` }
}

export function periodOf(date: string, frequency: string): string {
  const month = Number(date.slice(5, 7))
  return frequency === 'monthly' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`
}

export function matchesFrequency(period: string, frequency: string): boolean {
  return frequency === 'monthly' ? !period.includes('Q') : period.includes('Q')
}

/** Every period from the one containing `start` to the one containing `end`, in order. */
export function periodsBetween(start: string, end: string, frequency: string): string[] {
  const out: string[] = []
  let p = periodOf(start, frequency)
  const last = periodOf(end, frequency)
  while (p <= last && out.length < 1000) {
    out.push(p)
    const next = new Date(`${periodBounds(p).to}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    p = periodOf(next.toISOString().slice(0, 10), frequency)
  }
  return out
}

/** The last period that has ended by `today` (reports are due for ended periods only). */
export function lastEndedPeriod(today: string, frequency: string): string {
  const current = periodOf(today, frequency)
  const { from } = periodBounds(current)
  const before = new Date(`${from}T00:00:00Z`)
  before.setUTCDate(before.getUTCDate() - 1)
  return periodOf(before.toISOString().slice(0, 10), frequency)
}

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000

export interface TrajectoryTarget {
  kind: string
  direction: string
  comparator: string
  baseline: number | null
  targetValue: number | null
  rangeMin: number | null
  rangeMax: number | null
  dueDate: string
  cumulative: boolean
}

/** The amber band: up to this share of the baseline-to-target distance behind the trajectory. */
export const AMBER_TOLERANCE = 0.1

/** The value the target needs for the trajectory at its goal; a range aims at its lower bound. */
export function goalOf(t: TrajectoryTarget): number | null {
  return t.kind === 'range' ? t.rangeMin : t.targetValue
}

/** The start of the line: the declared baseline, 0 for a cumulative target, else none. */
export function baselineOf(t: TrajectoryTarget): number | null {
  return t.baseline ?? (t.cumulative ? 0 : null)
}

/** Where a linear trajectory from baseline (at plan start) to goal (at the due date) stands on `date`. */
export function expectedOn(
  t: TrajectoryTarget,
  planStart: string,
  date: string,
  baseline: number | null,
): number | null {
  const goal = goalOf(t)
  if (goal === null || baseline === null) return null
  const span = day(t.dueDate) - day(planStart)
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (day(date) - day(planStart)) / span))
  return baseline + (goal - baseline) * share
}

/**
 * Red/amber/green, as documented in docs/plan-format.md: green when the value is on or ahead of the
 * trajectory (and, at the due date, meets the target by its comparator); amber when it is behind by
 * no more than 10% of the baseline-to-target distance; red beyond that; grey when there is no value,
 * no numeric target (qualitative) or no baseline to draw the line from.
 */
export function statusOf(
  t: TrajectoryTarget,
  planStart: string,
  value: number | null,
  asOf: string,
  baseline: number | null,
): { status: Status; expected: number | null } {
  const goal = goalOf(t)
  if (value === null || goal === null || baseline === null) return { status: 'grey', expected: null }
  const expected = expectedOn(t, planStart, asOf, baseline)!
  const sign = t.direction === 'decrease' ? -1 : 1
  const behind = sign * (expected - value)
  const distance = Math.abs(goal - baseline) || Math.abs(goal) || 1
  const due = asOf >= t.dueDate
  if (due) {
    const met =
      t.kind === 'range'
        ? value >= t.rangeMin! && value <= t.rangeMax!
        : t.comparator === 'moreThan'
          ? sign * (value - goal) > 0
          : sign * (value - goal) >= 0
    if (met) return { status: 'green', expected }
    return { status: behind / distance <= AMBER_TOLERANCE ? 'amber' : 'red', expected }
  }
  if (behind <= 0) return { status: 'green', expected }
  return { status: behind / distance <= AMBER_TOLERANCE ? 'amber' : 'red', expected }
}

/** A milestone's state on `today`. */
export function milestoneState(dueDate: string, completedOn: string | null, today: string) {
  if (completedOn) return completedOn <= dueDate ? 'done' : 'late'
  return today > dueDate ? 'overdue' : 'pending'
}
