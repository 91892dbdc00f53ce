import { describe, expect, it } from 'vitest'
import { computePatentCheckDigit, parsePatentApplicationNumber } from './patent.ts'

const now = new Date('2026-06-15T12:00:00Z')
const parse = (input: string) => parsePatentApplicationNumber(input, { now })

describe('computePatentCheckDigit', () => {
  // Hand computations: Σ digit × (2,3,4,5,6,7,8,9,2,3,4,5) mod 11, 10 → X.
  it.each([
    ['201010104157', '0'], // rules.md §9.4: 4+0+4+0+6+0+8+0+8+3+20+35 = 88 ≡ 0
    ['202310123456', '6'], // 4+0+8+15+6+0+8+18+6+12+20+30 = 127 ≡ 6
    ['200820012345', '9'], // 4+0+0+40+12+0+0+9+4+9+16+25 = 119 ≡ 9
    ['99112345', 'X'], // 18+27+4+5+12+21+32+45 = 164 ≡ 10
    ['00100001', '2'], // 4+9 = 13 ≡ 2
  ])('%s → %s', (body, check) => {
    expect(computePatentCheckDigit(body)).toBe(check)
  })

  it('throws on other lengths', () => {
    expect(() => computePatentCheckDigit('2010101041')).toThrow(RangeError)
  })
})

describe('parsePatentApplicationNumber', () => {
  const expected = {
    year: 2010,
    type: 'inventionPatent',
    serial: '0104157',
    checkDigit: '0',
    canonical: '201010104157.0',
    display: 'CN201010104157.0',
  }

  it.each([
    '201010104157',
    '201010104157.0',
    '2010101041570',
    'CN201010104157.0',
    'ZL201010104157.0',
    'ZL 2010 1 0104157.0',
    'cn 201010104157 .0',
    'ＣＮ２０１０１０１０４１５７．０',
  ])('parses %s', (input) => {
    expect(parse(input)).toEqual({ ok: true, value: expected })
  })

  it('parses every application type', () => {
    expect(parse('200820012345')).toMatchObject({
      value: { type: 'utilityModel', canonical: '200820012345.9' },
    })
    const types = { '3': 'designPatent', '8': 'pctInvention', '9': 'pctUtilityModel' } as const
    for (const [digit, type] of Object.entries(types)) {
      const body = `2020${digit}0000001`
      expect(parse(body)).toMatchObject({ ok: true, value: { type, year: 2020, serial: '0000001' } })
    }
  })

  it('parses the pre-2003 format with an X check digit', () => {
    expect(parse('99112345.X')).toEqual({
      ok: true,
      value: {
        year: 1999,
        type: 'inventionPatent',
        serial: '12345',
        checkDigit: 'X',
        canonical: '99112345.X',
        display: 'CN99112345.X',
      },
    })
    expect(parse('CN00100001.2')).toMatchObject({ value: { year: 2000, canonical: '00100001.2' } })
    expect(parse('991123456')).toMatchObject({ ok: false, reason: 'checksum' })
  })

  it.each([
    '201010104157.1',
    '201010104157.X',
    '202310123456.7', // the format example in the brief has the wrong check digit; .6 is right
    '99112345.0',
  ])('rejects a wrong check digit: %s', (input) => {
    expect(parse(input)).toEqual({ ok: false, kind: 'patentApplicationNumber', reason: 'checksum' })
  })

  it.each([
    '20101010415',
    '2010101041570.0',
    '201010104157.',
    '201010104157.00',
    'US201010104157.0',
    'CN1234567A',
    '2010-1-0104157.0',
  ])('rejects malformed input with format: %s', (input) => {
    expect(parse(input)).toEqual({ ok: false, kind: 'patentApplicationNumber', reason: 'format' })
  })

  it('rejects an unknown application type or an impossible year with range', () => {
    expect(parse('201040104157')).toMatchObject({ ok: false, reason: 'range' })
    expect(parse('202710000001')).toMatchObject({ ok: false, reason: 'range' })
    expect(parse('200210000001')).toMatchObject({ ok: false, reason: 'range' })
    expect(parse('50112345')).toMatchObject({ ok: false, reason: 'range' })
  })

  it('rejects the empty string', () => {
    expect(parse(' ')).toEqual({ ok: false, kind: 'patentApplicationNumber', reason: 'empty' })
  })
})
