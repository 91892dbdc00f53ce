/**
 * Today's date in China (YYYY-MM-DD): the server counts days and periods on China's calendar, so a
 * browser elsewhere (or shortly after midnight UTC) must not default to its own date.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
