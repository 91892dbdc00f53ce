import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskName, maskPhone } from './mask.ts'
import { validateMobilePhone } from './phone.ts'

describe('validateMobilePhone', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['0086 13812341234', '13812341234'],
    ['(+86) 199-0000-0000', '19900000000'],
    ['１５０１２３４５６７８', '15012345678'],
  ])('normalises %s → %s', (input, value) => {
    expect(validateMobilePhone(input)).toEqual({ ok: true, value })
  })

  it.each([
    '12812341234',
    '1381234123',
    '138123412345',
    '23812341234',
    '+85213812341234',
    '010-12345678',
    '138l2341234',
  ])('rejects %s with format', (input) => {
    expect(validateMobilePhone(input)).toEqual({ ok: false, kind: 'mobilePhone', reason: 'format' })
  })

  it('rejects the empty string', () => {
    expect(validateMobilePhone(' ')).toEqual({ ok: false, kind: 'mobilePhone', reason: 'empty' })
  })
})

describe('masks', () => {
  it('masks an ID number keeping the first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X')
    expect(maskIdNumber('1234567890')).toBe('**********')
  })

  it('masks a phone number keeping the first 3 and last 4', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234')
    expect(maskPhone('1234567')).toBe('*******')
  })

  it('masks a name keeping the first character', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('𠀀二')).toBe('𠀀*')
    expect(maskName('王')).toBe('*')
    expect(maskName('')).toBe('')
  })
})
