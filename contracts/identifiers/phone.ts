import { fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

/** Strips spaces, dashes, dots and parentheses and a +86 / 0086 / 86 country prefix. */
export function normaliseMobilePhone(input: string): string | undefined {
  const compact = normaliseInput(input).replace(/[\s\-.()]/g, '')
  const match = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact)
  return match?.[1]
}

/**
 * Validates a mainland mobile number; the value is the 11-digit number.
 * @example validateMobilePhone('+86 138-1234-1234') // { ok: true, value: '13812341234' }
 */
export function validateMobilePhone(input: string): IdentifierResult {
  const compact = normaliseInput(input)
  if (compact === '') return fail('mobilePhone', 'empty')
  const value = normaliseMobilePhone(compact)
  return value === undefined ? fail('mobilePhone', 'format') : ok(value)
}

/**
 * Validates a contact number a public office publishes: a mainland mobile number, a fixed line with
 * its area code (0512-65000000, optionally with an extension: 0512-65000000-801), a 400/800 number,
 * or a five-digit government hotline (12330, 12345). The value is the canonical written form:
 * 11 digits for a mobile, `0512-65000000[-801]`, `400-123-4567`, or the hotline.
 * @example validatePhone('(0512) 6500 0000') // { ok: true, value: '0512-65000000' }
 */
export function validatePhone(input: string): IdentifierResult {
  const compact = normaliseInput(input)
  if (compact === '') return fail('phone', 'empty')
  const mobile = normaliseMobilePhone(compact)
  if (mobile !== undefined) return ok(mobile)
  const [main = '', extension, ...rest] = compact.split(/\s*(?:转|ext\.?|x|#)\s*/i)
  if (rest.length > 0) return fail('phone', 'format')
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return fail('phone', 'format')
  const digits = main.replace(/[\s\-.()（）]/g, '').replace(/^(?:\+86|0086)/, '0')
  const suffix = extension ? `-${extension}` : ''
  if (/^12\d{3}$/.test(digits) && extension === undefined) return ok(digits)
  const toll = /^([48]00)(\d{3})(\d{4})$/.exec(digits)
  if (toll) return ok(`${toll[1]}-${toll[2]}-${toll[3]}${suffix}`)
  // Two-digit area codes (010, 020–029) take 8-digit numbers; three-digit ones 7 or 8 digits.
  const two = /^(0[12]\d)([2-9]\d{7})$/.exec(digits)
  if (two && (two[1] === '010' || two[1]!.startsWith('02'))) return ok(`${two[1]}-${two[2]}${suffix}`)
  const three = /^(0[3-9]\d{2})([2-9]\d{6,7})$/.exec(digits)
  if (three) return ok(`${three[1]}-${three[2]}${suffix}`)
  return fail('phone', 'format')
}
