import { describe, expect, it } from 'vitest'
import { computeResidentIdCheckChar, residentIdFacts, validateResidentId } from './resident-id.ts'

const now = new Date('2026-06-15T12:00:00Z')
const withCheck = (first17: string) => first17 + computeResidentIdCheckChar(first17)

describe('validateResidentId', () => {
  it('accepts the rules.md §9.9 vector and upper-cases x', () => {
    expect(validateResidentId('11010519491231002X', { now })).toEqual({
      ok: true,
      value: '11010519491231002X',
    })
    expect(validateResidentId(' 11010519491231002x ', { now })).toEqual({
      ok: true,
      value: '11010519491231002X',
    })
  })

  it('accepts a leap day, an abolished address code and a residence-permit number', () => {
    expect(validateResidentId(withCheck('32050220000229001'), { now }).ok).toBe(true)
    expect(validateResidentId(withCheck('83000019900101002'), { now }).ok).toBe(true)
    expect(validateResidentId(withCheck('81000019900101002'), { now }).ok).toBe(true)
  })

  it.each(['110105194912310029', '11010519491231003X', '11010619491231002X', '21010519491231002X'])(
    'rejects a one-character change with checksum: %s',
    (id) => {
      expect(validateResidentId(id, { now })).toEqual({ ok: false, kind: 'residentId', reason: 'checksum' })
    },
  )

  it.each([
    '11010519491231002',
    '11010519491231002X1',
    '110105491231002',
    '1101051949123100X2',
    '11010519491231002Y',
    '11010519491231 02X',
  ])('rejects wrong length or charset with format: %s', (id) => {
    expect(validateResidentId(id, { now })).toEqual({ ok: false, kind: 'residentId', reason: 'format' })
  })

  it('rejects the empty string', () => {
    expect(validateResidentId('', { now })).toEqual({ ok: false, kind: 'residentId', reason: 'empty' })
  })

  it.each([
    ['19490230', 'February 30'],
    ['19000229', '1900 is not a leap year'],
    ['20230229', '2023 is not a leap year'],
    ['19491301', 'month 13'],
    ['19490000', 'month and day 0'],
    ['19490431', 'April 31'],
    ['18991231', 'before 1900'],
    ['20260616', 'tomorrow in China'],
    ['20990101', 'the future'],
  ])('rejects birth date %s (%s) with date', (date) => {
    expect(validateResidentId(withCheck(`110105${date}002`), { now })).toEqual({
      ok: false,
      kind: 'residentId',
      reason: 'date',
    })
  })

  it("accepts today's births, judged by the date in China", () => {
    expect(validateResidentId(withCheck('11010520260615002'), { now }).ok).toBe(true)
    // 2026-06-15T20:00Z is already 06-16 in Beijing.
    const lateUtc = new Date('2026-06-15T20:00:00Z')
    expect(validateResidentId(withCheck('11010520260616002'), { now: lateUtc }).ok).toBe(true)
  })

  it('rejects an address code outside any province with range', () => {
    expect(validateResidentId(withCheck('99010519491231002'), { now })).toEqual({
      ok: false,
      kind: 'residentId',
      reason: 'range',
    })
    expect(validateResidentId(withCheck('10000019491231002'), { now })).toMatchObject({ reason: 'range' })
  })
})

describe('computeResidentIdCheckChar', () => {
  it('computes X for the rules.md vector and throws on bad input', () => {
    expect(computeResidentIdCheckChar('11010519491231002')).toBe('X')
    expect(() => computeResidentIdCheckChar('1101051949123100X')).toThrow(RangeError)
  })
})

describe('residentIdFacts', () => {
  it('reads birth date and sex', () => {
    expect(residentIdFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' })
    expect(residentIdFacts(withCheck('11010519800101001'))).toEqual({ birthDate: '1980-01-01', sex: 'male' })
  })
})
