/** Today's date in China (UTC+8 all year), the calendar the plan's dates are written in. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
