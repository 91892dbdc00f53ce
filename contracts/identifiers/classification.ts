import { fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

/** Nice classes 1–34 are goods, 35–45 services. */
export function niceClassCategory(niceClass: number): 'goods' | 'services' {
  return niceClass <= 34 ? 'goods' : 'services'
}

/**
 * Validates a Nice class: an integer 1–45, written as `9`, `09`, `第9类` or `9类`.
 * @example validateNiceClass('第9类') // { ok: true, value: 9 }
 */
export function validateNiceClass(input: string | number): IdentifierResult<number> {
  const trimmed = normaliseInput(String(input))
  if (trimmed === '') return fail('niceClass', 'empty')
  const match = /^第?\s*(\d{1,2})\s*类?$/.exec(trimmed)
  if (!match) return fail('niceClass', 'format')
  const value = Number(match[1])
  if (value < 1 || value > 45) return fail('niceClass', 'range')
  return ok(value)
}

/**
 * Validates a Locarno class-subclass and pads it to `NN-NN` (classes 1–32; subclass 00–99,
 * `00` being class 32's only subclass).
 * @example validateLocarnoClass('6-1') // { ok: true, value: '06-01' }
 */
export function validateLocarnoClass(input: string): IdentifierResult {
  const trimmed = normaliseInput(input)
  if (trimmed === '') return fail('locarnoClass', 'empty')
  const match = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(trimmed)
  if (!match) return fail('locarnoClass', 'format')
  const cls = Number(match[1])
  if (cls < 1 || cls > 32) return fail('locarnoClass', 'range')
  return ok(`${match[1]!.padStart(2, '0')}-${match[2]!.padStart(2, '0')}`)
}
