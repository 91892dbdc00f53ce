import { isProvincePrefix } from './province.ts'
import { chinaToday, fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARS = '10X98765432'

/**
 * ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID number (GB 11643).
 * @example computeResidentIdCheckChar('11010519491231002') // 'X'
 */
export function computeResidentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeResidentIdCheckChar needs exactly 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK_CHARS[sum % 11]!
}

// Hong Kong, Macao and Taiwan residence permits (港澳台居民居住证, 2018) use GB 11643 numbers
// with address codes 810000, 820000 and 830000; 83 is not a GB/T 2260 province.
const RESIDENCE_PERMIT_PREFIX = '83'

export type ValidateResidentIdOptions = {
  /** The moment used for "birth date not in the future" (default: now). */
  now?: Date
}

/**
 * Validates an 18-character 居民身份证号: format, check character, address-code province and
 * birth date (a real date, year ≥ 1900, not after today in China). The value is upper-cased.
 * 15-digit first-generation numbers are rejected with `format`.
 */
export function validateResidentId(input: string, options: ValidateResidentIdOptions = {}): IdentifierResult {
  const value = normaliseInput(input).toUpperCase()
  if (value === '') return fail('residentId', 'empty')
  if (!/^\d{17}[\dX]$/.test(value)) return fail('residentId', 'format')
  if (computeResidentIdCheckChar(value.slice(0, 17)) !== value[17]) return fail('residentId', 'checksum')
  const province = value.slice(0, 2)
  if (!isProvincePrefix(province) && province !== RESIDENCE_PERMIT_PREFIX) return fail('residentId', 'range')
  if (!isValidBirthDate(value.slice(6, 14), options.now)) return fail('residentId', 'date')
  return ok(value)
}

function isValidBirthDate(yyyymmdd: string, now?: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  const today = chinaToday(now)
  return year * 10000 + month * 100 + day <= today.year * 10000 + today.month * 100 + today.day
}

/** Birth date (`YYYY-MM-DD`) and sex encoded in a valid resident ID number. */
export function residentIdFacts(validId: string): { birthDate: string; sex: 'male' | 'female' } {
  return {
    birthDate: `${validId.slice(6, 10)}-${validId.slice(10, 12)}-${validId.slice(12, 14)}`,
    sex: Number(validId[16]) % 2 === 1 ? 'male' : 'female',
  }
}
