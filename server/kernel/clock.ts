/** The time source; tests and benchmarks replace it to run schedules under a controlled clock. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved: `clock.set('2026-03-01T09:00:00Z')`, `clock.advance(ms)`. */
export function fixedClock(
  start: string | Date,
): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (t) => {
      current = new Date(t)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}
