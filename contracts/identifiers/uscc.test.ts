import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeOrganizationCodeCheckChar,
  computeUsccCheckChar,
  parseUscc,
  USCC_CHARSET,
  validateUscc,
} from './uscc.ts'

const valid = ['914403001922038216', '91330100716105852F', '91110000100003495Y']

describe('validateUscc', () => {
  it.each(valid)('accepts the rules.md §9.3 vector %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code })
  })

  it('normalises: trims, upper-cases and folds full-width characters', () => {
    expect(validateUscc('  91110000100003495y\n')).toEqual({ ok: true, value: '91110000100003495Y' })
    expect(validateUscc('９１１１００００１００００３４９５Ｙ')).toEqual({
      ok: true,
      value: '91110000100003495Y',
    })
  })

  it.each([
    ['914403001922038217', 'last character'],
    ['914403001922038816', 'organization code digit'],
    ['924403001922038216', 'registration type'],
    ['91330100716105852E', 'check letter'],
    ['91110000100003495X', 'check letter'],
  ])('rejects a one-character change with checksum: %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: false, kind: 'uscc', reason: 'checksum' })
  })

  it.each([
    '91440300192203821',
    '9144030019220382166',
    '9144030019220382I6',
    '9144030019220382O6',
    '91440300192203-216',
    '9#4403001922038216',
    '91AB03001922038216',
  ])('rejects wrong length or charset with format: %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, reason: 'format' })
  })

  it('rejects the empty string and whitespace with empty', () => {
    expect(validateUscc('')).toEqual({ ok: false, kind: 'uscc', reason: 'empty' })
    expect(validateUscc('   ')).toEqual({ ok: false, kind: 'uscc', reason: 'empty' })
  })

  it('rejects a correct check character on a non-existent province with range', () => {
    const body = '91990000192203821'
    expect(validateUscc(body + computeUsccCheckChar(body))).toEqual({
      ok: false,
      kind: 'uscc',
      reason: 'range',
    })
  })

  it('accepts national-level registrations (division 100000) and abolished division codes', () => {
    const national = '11100000717802186'
    expect(validateUscc(national + computeUsccCheckChar(national)).ok).toBe(true)
    const oldSuzhou = '91320502MA1M11110'
    expect(validateUscc(oldSuzhou + computeUsccCheckChar(oldSuzhou)).ok).toBe(true)
  })
})

describe('parseUscc', () => {
  it('splits the code and checks the embedded organization code', () => {
    expect(parseUscc('914403001922038216')).toEqual({
      ok: true,
      value: {
        value: '914403001922038216',
        registrationType: '91',
        divisionCode: '440300',
        organizationCode: '192203821',
        organizationCodeValid: true,
      },
    })
    expect(parseUscc('91330100716105852F')).toMatchObject({ value: { organizationCodeValid: true } })
  })

  it('reports a failing organization code as information, not as an error', () => {
    const body = '91440300192203822'
    const result = parseUscc(body + computeUsccCheckChar(body))
    expect(result).toMatchObject({
      ok: true,
      value: { organizationCode: '192203822', organizationCodeValid: false },
    })
  })
})

describe('computeOrganizationCodeCheckChar', () => {
  it('matches the rules.md §9.3 embedded codes', () => {
    expect(computeOrganizationCodeCheckChar('19220382')).toBe('1')
    expect(computeOrganizationCodeCheckChar('71610585')).toBe('2')
    expect(computeOrganizationCodeCheckChar('10000349')).toBe('5')
  })
})

describe('computeUsccCheckChar', () => {
  it('computes the check character of the known codes', () => {
    for (const code of valid) expect(computeUsccCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it('throws on a body of the wrong length or charset', () => {
    expect(() => computeUsccCheckChar('9144030019220382')).toThrow(RangeError)
    expect(() => computeUsccCheckChar('9144030019220382I')).toThrow(RangeError)
  })

  const provinces = ['11', '12', '32', '44', '65', '71', '81', '82']
  const char = fc.constantFrom(...USCC_CHARSET.split(''))
  const digit = fc.constantFrom(...'0123456789'.split(''))
  const body = fc
    .tuple(
      fc.array(char, { minLength: 2, maxLength: 2 }),
      fc.constantFrom(...provinces),
      fc.array(digit, { minLength: 4, maxLength: 4 }),
      fc.array(char, { minLength: 9, maxLength: 9 }),
    )
    .map(
      ([head, province, division, subject]) =>
        head.join('') + province + division.join('') + subject.join(''),
    )

  it('property: body + computed check character validates; any other last character fails checksum', () => {
    fc.assert(
      fc.property(body, char, (first17, other) => {
        const check = computeUsccCheckChar(first17)
        expect(validateUscc(first17 + check)).toEqual({ ok: true, value: first17 + check })
        if (other !== check) {
          expect(validateUscc(first17 + other)).toEqual({ ok: false, kind: 'uscc', reason: 'checksum' })
        }
      }),
      { numRuns: 500 },
    )
  })
})
