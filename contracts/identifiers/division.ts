import divisions from './divisions.json' with { type: 'json' }
import { fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

export { isProvincePrefix } from './province.ts'

type DivisionData = {
  source: string
  current: Record<string, string>
  abolished: Record<string, { name: string; replacedBy: string; year: number; source: string }>
}

const data = divisions as DivisionData

export type DivisionInfo = {
  code: string
  name: string
  status: 'current' | 'abolished'
  /** Main successor of an abolished code. */
  replacedBy?: string
  /** Year the code was abolished. */
  abolishedIn?: number
}

/** Where the code list comes from (package and version). */
export const divisionDataSource: string = data.source

/**
 * Looks a 6-digit GB/T 2260 code up in the current list and the curated abolished list.
 * @example lookupDivision('320502') // { code: '320502', name: '沧浪区', status: 'abolished', replacedBy: '320508', abolishedIn: 2012 }
 */
export function lookupDivision(code: string): DivisionInfo | undefined {
  const name = data.current[code]
  if (name !== undefined) return { code, name, status: 'current' }
  const gone = data.abolished[code]
  if (gone !== undefined) {
    return { code, name: gone.name, status: 'abolished', replacedBy: gone.replacedBy, abolishedIn: gone.year }
  }
  return undefined
}

export type ValidateDivisionCodeOptions = {
  /** Reject abolished codes (default false: old IDs and USCCs legitimately carry them). */
  currentOnly?: boolean
}

/**
 * Validates a GB/T 2260 division code (province, prefecture or county level).
 * Functional zones such as 苏州工业园区 have no code and are not accepted.
 */
export function validateDivisionCode(
  input: string,
  options: ValidateDivisionCodeOptions = {},
): IdentifierResult {
  const value = normaliseInput(input)
  if (value === '') return fail('divisionCode', 'empty')
  if (!/^\d{6}$/.test(value)) return fail('divisionCode', 'format')
  const info = lookupDivision(value)
  if (info === undefined) return fail('divisionCode', 'unknownCode')
  if (options.currentOnly && info.status !== 'current') return fail('divisionCode', 'unknownCode')
  return ok(value)
}
