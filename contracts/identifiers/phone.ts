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
