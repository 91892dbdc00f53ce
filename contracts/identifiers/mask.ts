import { normaliseMobilePhone } from './phone.ts'
import { normaliseInput } from './types.ts'

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value)
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length)
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  )
}

/**
 * Keeps the address code (first 6) and the last 4 characters.
 * @example maskIdNumber('11010519491231002X') // '110105********002X'
 */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(normaliseInput(idNumber).toUpperCase(), 6, 4)
}

/**
 * Keeps the first 3 and last 4 digits of a mobile number (normalised first when possible).
 * @example maskPhone('+86 138-1234-1234') // '138****1234'
 */
export function maskPhone(phone: string): string {
  const normalised = normaliseMobilePhone(phone) ?? normaliseInput(phone)
  return maskMiddle(normalised, 3, 4)
}

/**
 * Keeps the first character of a name; a one-character name is masked entirely.
 * @example maskName('张三丰') // '张**'
 */
export function maskName(name: string): string {
  const chars = Array.from(normaliseInput(name))
  if (chars.length <= 1) return '*'.repeat(chars.length)
  return chars[0] + '*'.repeat(chars.length - 1)
}
