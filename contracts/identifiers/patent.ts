import { chinaToday, fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

export type PatentApplicationType =
  | 'inventionPatent'
  | 'utilityModel'
  | 'designPatent'
  | 'pctInvention'
  | 'pctUtilityModel'

const TYPE_BY_DIGIT: Record<string, PatentApplicationType> = {
  '1': 'inventionPatent',
  '2': 'utilityModel',
  '3': 'designPatent',
  '8': 'pctInvention',
  '9': 'pctUtilityModel',
}

export type PatentApplicationNumber = {
  /** Four-digit filing year (pre-2003 two-digit years are expanded: 85–99 → 19xx, 00–03 → 20xx). */
  year: number
  type: PatentApplicationType
  /** Serial number as written: 7 digits since 2003-10-01, 5 digits before. */
  serial: string
  checkDigit: string
  /** e.g. '202310123456.7' (or '99112345.6' for the pre-2003 format). */
  canonical: string
  /** e.g. 'CN202310123456.7'. */
  display: string
}

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]

/**
 * Check digit of a Chinese patent application number body (12 digits since 2003-10-01,
 * 8 digits before): Σ digit × weight mod 11, with 10 written as `X` (ZC 0006-2003).
 * @example computePatentCheckDigit('201010104157') // '0'
 */
export function computePatentCheckDigit(body: string): string {
  if (!/^(?:\d{8}|\d{12})$/.test(body)) throw new RangeError('computePatentCheckDigit needs 8 or 12 digits')
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * WEIGHTS[i]!
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

export type ParsePatentOptions = {
  /** The moment used for "filing year not in the future" (default: now). */
  now?: Date
}

/**
 * Parses a patent application number written as `CN202310123456.7`, `ZL 2023 1 0123456.7`,
 * `2023101234567`, `202310123456` (check digit computed) or the pre-2003 `99112345.6`.
 * A given check digit must be right.
 */
export function parsePatentApplicationNumber(
  input: string,
  options: ParsePatentOptions = {},
): IdentifierResult<PatentApplicationNumber> {
  const trimmed = normaliseInput(input)
  if (trimmed === '') return fail('patentApplicationNumber', 'empty')
  const compact = trimmed
    .toUpperCase()
    .replace(/^(?:CN|ZL)/, '')
    .replace(/\s+/g, '')
  // Body, then an optional check digit, separated by an optional dot; without a dot the length
  // tells (13 = 12 + check, 9 = 8 + check).
  const match = /^(\d{12}|\d{8})(?:\.?([\dX]))?$/.exec(compact)
  if (!match) return fail('patentApplicationNumber', 'format')
  const body = match[1]!
  const given = match[2]
  const modern = body.length === 12
  const typeDigit = modern ? body[4]! : body[2]!
  const type = TYPE_BY_DIGIT[typeDigit]
  let year: number
  if (modern) {
    year = Number(body.slice(0, 4))
  } else {
    const yy = Number(body.slice(0, 2))
    year = yy >= 85 ? 1900 + yy : 2000 + yy
  }
  // The 12-digit format started on 2003-10-01 and the 8-digit one ended then; the Patent Law
  // took effect in 1985.
  const thisYear = chinaToday(options.now).year
  const yearInRange = modern ? year >= 2003 && year <= thisYear : year >= 1985 && year <= 2003
  const checkDigit = computePatentCheckDigit(body)
  if (given !== undefined && given !== checkDigit) return fail('patentApplicationNumber', 'checksum')
  if (type === undefined || !yearInRange) return fail('patentApplicationNumber', 'range')
  const canonical = `${body}.${checkDigit}`
  return ok({
    year,
    type,
    serial: modern ? body.slice(5) : body.slice(3),
    checkDigit,
    canonical,
    display: `CN${canonical}`,
  })
}

/** Validates a patent application number; the value is the parsed number. */
export function validatePatentApplicationNumber(
  input: string,
  options: ParsePatentOptions = {},
): IdentifierResult<PatentApplicationNumber> {
  return parsePatentApplicationNumber(input, options)
}
