import { currentLanguage } from '../../i18n/index.ts'

/** A date and time as read in Suzhou (China time), whatever the browser's zone. */
export function chinaDateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** An ISO instant as the value of <input type="datetime-local"> in China time. */
export function toChinaLocalInput(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16)
}

/** The value of <input type="datetime-local">, read as China time, as an ISO instant with offset. */
export function fromChinaLocalInput(value: string): string {
  return `${value}:00+08:00`
}
