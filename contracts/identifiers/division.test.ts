import { describe, expect, it } from 'vitest'
import { isProvincePrefix, lookupDivision, validateDivisionCode } from './division.ts'
import divisions from './divisions.json' with { type: 'json' }

describe('lookupDivision', () => {
  it.each([
    ['320000', '江苏省'],
    ['320500', '苏州市'],
    ['320501', '市辖区'],
    ['320505', '虎丘区'],
    ['320506', '吴中区'],
    ['320507', '相城区'],
    ['320508', '姑苏区'],
    ['320509', '吴江区'],
    ['320581', '常熟市'],
    ['320582', '张家港市'],
    ['320583', '昆山市'],
    ['320585', '太仓市'],
    ['110105', '朝阳区'],
    ['441900', '东莞市'],
    ['710000', '台湾省'],
    ['810000', '香港特别行政区'],
  ])('finds current code %s %s', (code, name) => {
    expect(lookupDivision(code)).toEqual({ code, name, status: 'current' })
  })

  it.each([
    ['320502', '沧浪区', '320508'],
    ['320503', '平江区', '320508'],
    ['320504', '金阊区', '320508'],
    ['320584', '吴江市', '320509'],
    ['110103', '崇文区', '110101'],
    ['310103', '卢湾区', '310101'],
    ['330103', '下城区', '330105'],
  ])('finds abolished code %s %s, replaced by %s', (code, name, replacedBy) => {
    expect(lookupDivision(code)).toMatchObject({ code, name, status: 'abolished', replacedBy })
    expect(lookupDivision(replacedBy)).toMatchObject({ status: 'current' })
  })

  it('has no code for 苏州工业园区 or other statistical functional zones', () => {
    expect(lookupDivision('320571')).toBeUndefined()
    expect(lookupDivision('320576')).toBeUndefined()
    expect(lookupDivision('130171')).toBeUndefined()
    expect(Object.values(divisions.current)).not.toContain('苏州工业园区')
  })

  it('keeps the list plausible and small', () => {
    const codes = Object.keys(divisions.current)
    expect(codes.length).toBeGreaterThan(3000)
    for (const code of codes) {
      expect(code).toMatch(/^\d{6}$/)
      expect(isProvincePrefix(code.slice(0, 2))).toBe(true)
    }
    expect(JSON.stringify(divisions).length).toBeLessThan(300_000)
  })
})

describe('validateDivisionCode', () => {
  it('accepts current and abolished codes', () => {
    expect(validateDivisionCode(' 320508 ')).toEqual({ ok: true, value: '320508' })
    expect(validateDivisionCode('320502')).toEqual({ ok: true, value: '320502' })
  })

  it('rejects abolished codes when only current ones are wanted', () => {
    expect(validateDivisionCode('320502', { currentOnly: true })).toEqual({
      ok: false,
      kind: 'divisionCode',
      reason: 'unknownCode',
    })
    expect(validateDivisionCode('320508', { currentOnly: true }).ok).toBe(true)
  })

  it.each(['320571', '999999', '320599'])('rejects unknown code %s with unknownCode', (code) => {
    expect(validateDivisionCode(code)).toEqual({ ok: false, kind: 'divisionCode', reason: 'unknownCode' })
  })

  it.each(['32050', '3205081', '32O508', '320-508'])('rejects %s with format', (code) => {
    expect(validateDivisionCode(code)).toEqual({ ok: false, kind: 'divisionCode', reason: 'format' })
  })

  it('rejects the empty string', () => {
    expect(validateDivisionCode('')).toEqual({ ok: false, kind: 'divisionCode', reason: 'empty' })
  })
})

describe('isProvincePrefix', () => {
  it('knows the province-level prefixes', () => {
    for (const p of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
    ]) {
      expect(isProvincePrefix(p)).toBe(true)
    }
    for (const p of ['10', '16', '20', '24', '38', '47', '55', '66', '70', '83', '91', '99']) {
      expect(isProvincePrefix(p)).toBe(false)
    }
  })
})
