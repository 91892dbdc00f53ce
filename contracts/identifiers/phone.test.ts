import { describe, expect, it } from 'vitest'
import { identifierMessage } from './messages.ts'
import { validatePhone } from './phone.ts'

describe('validatePhone (published contact numbers)', () => {
  it.each([
    ['0512-65000000', '0512-65000000'],
    ['(0512) 6500 0000', '0512-65000000'],
    ['０５１２－６５００００００', '0512-65000000'],
    ['+86 512 65000000', '0512-65000000'],
    ['0512-65000000转801', '0512-65000000-801'],
    ['010-62345678', '010-62345678'],
    ['025 8888 6666', '025-88886666'],
    ['0512-5123456', '0512-5123456'],
    ['400 123 4567', '400-123-4567'],
    ['12330', '12330'],
    ['138 1234 1234', '13812341234'],
  ])('accepts %s as %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value })
  })

  it.each(['65000000', '0512-650', '0512-0500000', '123', '12330转1', '0512-65000000转abc', 'phone'])(
    'rejects %s',
    (input) => {
      expect(validatePhone(input)).toEqual({ ok: false, kind: 'phone', reason: 'format' })
    },
  )

  it('asks for a number when empty, in both languages', () => {
    expect(validatePhone('  ')).toEqual({ ok: false, kind: 'phone', reason: 'empty' })
    expect(identifierMessage('phone', 'empty', 'zh-CN')).toBe('请填写联系电话')
    expect(identifierMessage('phone', 'format', 'en')).toMatch(/area code/)
  })
})
