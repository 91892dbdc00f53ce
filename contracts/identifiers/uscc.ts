import { isProvincePrefix } from './province.ts'
import { fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

/** GB 32100-2015 charset: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

// 3^i mod 31 for i = 0..16.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{18}$/

/**
 * Check character for the first 17 characters of a USCC (GB 32100-2015).
 * @example computeUsccCheckChar('91440300192203821') // '6'
 */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('computeUsccCheckChar needs exactly 17 characters')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!)
    if (value < 0) throw new RangeError(`'${first17[i]}' is not a USCC character`)
    sum += value * USCC_WEIGHTS[i]!
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * Check character of a 9-character organization code (GB 11714), or undefined when the
 * 8-character body holds characters outside 0-9/A-Z.
 */
export function computeOrganizationCodeCheckChar(body8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return undefined
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

export type UsccDetails = {
  /** The normalised 18-character code. */
  value: string
  /** 登记管理部门码 + 机构类别码, e.g. '91' (enterprise). */
  registrationType: string
  /** Positions 3–8: registering authority's GB/T 2260 code ('100000' for national level). */
  divisionCode: string
  /** Positions 9–17: 主体标识码 (the GB 11714 organization code including its check character). */
  organizationCode: string
  /**
   * Whether the embedded organization code passes GB 11714. Informational only: some real,
   * valid USCCs carry organization codes that fail it.
   */
  organizationCodeValid: boolean
}

/**
 * Validates and parses a 统一社会信用代码 (trimmed, upper-cased, full-width folded).
 * @example parseUscc(' 914403001922038216') // { ok: true, value: { value: '914403001922038216', ... } }
 */
export function parseUscc(input: string): IdentifierResult<UsccDetails> {
  const value = normaliseInput(input).toUpperCase()
  if (value === '') return fail('uscc', 'empty')
  if (!USCC_PATTERN.test(value)) return fail('uscc', 'format')
  const divisionCode = value.slice(2, 8)
  if (!/^\d{6}$/.test(divisionCode)) return fail('uscc', 'format')
  if (computeUsccCheckChar(value.slice(0, 17)) !== value[17]) return fail('uscc', 'checksum')
  // The division code may be abolished (codes are not reissued when districts merge), so only
  // its province is checked: a real province prefix, or 100000 for national-level registrations.
  if (divisionCode !== '100000' && !isProvincePrefix(divisionCode.slice(0, 2))) return fail('uscc', 'range')
  const organizationCode = value.slice(8, 17)
  return ok({
    value,
    registrationType: value.slice(0, 2),
    divisionCode,
    organizationCode,
    organizationCodeValid:
      computeOrganizationCodeCheckChar(organizationCode.slice(0, 8)) === organizationCode[8],
  })
}

/** Validates a 统一社会信用代码; the value is the normalised code. */
export function validateUscc(input: string): IdentifierResult {
  const result = parseUscc(input)
  return result.ok ? ok(result.value.value) : result
}
