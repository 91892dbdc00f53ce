import { describe, expect, it } from 'vitest'
import { identifierMessage } from './messages.ts'
import { computeResidentIdCheckChar } from './resident-id.ts'
import {
  currentDivisionCodeSchema,
  divisionCodeSchema,
  identifierIssueMessage,
  ipcSchema,
  locarnoClassSchema,
  mobilePhoneSchema,
  niceClassSchema,
  patentApplicationNumberSchema,
  residentIdSchema,
  usccSchema,
} from './schemas.ts'
import { identifierFailureReasons, identifierKinds } from './types.ts'

describe('schemas', () => {
  it('turn a string into the normalised value', () => {
    expect(usccSchema.parse(' 91110000100003495y ')).toBe('91110000100003495Y')
    expect(residentIdSchema.parse('11010519491231002x')).toBe('11010519491231002X')
    expect(patentApplicationNumberSchema.parse('ZL 2010 1 0104157')).toMatchObject({
      canonical: '201010104157.0',
      display: 'CN201010104157.0',
    })
    expect(ipcSchema.parse('A61K31/495')).toBe('A61K 31/495')
    expect(niceClassSchema.parse('第9类')).toBe(9)
    expect(locarnoClassSchema.parse('6-1')).toBe('06-01')
    expect(divisionCodeSchema.parse('320502')).toBe('320502')
    expect(mobilePhoneSchema.parse('+86 138 1234 1234')).toBe('13812341234')
  })

  it('raise a custom issue with the zh-CN message and identifier params', () => {
    const result = usccSchema.safeParse('914403001922038217')
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: '统一社会信用代码校验位错误',
        params: { identifier: 'uscc', reason: 'checksum' },
      }),
    ])
    expect(identifierIssueMessage(result.error!.issues[0]!, 'en')).toBe(
      "The unified social credit code's check character is wrong",
    )
  })

  it('report the failure reason of each kind', () => {
    const reasonOf = (schema: { safeParse: (v: unknown) => any }, input: unknown) =>
      schema.safeParse(input).error?.issues[0]?.params
    const feb30 = `11010519490230002${computeResidentIdCheckChar('11010519490230002')}`
    expect(reasonOf(residentIdSchema, feb30)).toEqual({ identifier: 'residentId', reason: 'date' })
    expect(reasonOf(residentIdSchema, '11010519491231003X')).toMatchObject({ reason: 'checksum' })
    expect(reasonOf(currentDivisionCodeSchema, '320502')).toEqual({
      identifier: 'divisionCode',
      reason: 'unknownCode',
    })
    expect(reasonOf(niceClassSchema, '46')).toEqual({ identifier: 'niceClass', reason: 'range' })
    expect(reasonOf(mobilePhoneSchema, '')).toEqual({ identifier: 'mobilePhone', reason: 'empty' })
  })

  it('reject non-strings with an ordinary type issue', () => {
    const result = usccSchema.safeParse(12345)
    expect(result.error?.issues[0]?.code).toBe('invalid_type')
    expect(identifierIssueMessage(result.error!.issues[0]!, 'en')).toBeUndefined()
  })
})

describe('identifierMessage', () => {
  it('has a distinct, non-empty text for every kind and reason in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const seen = new Set<string>()
      for (const kind of identifierKinds) {
        for (const reason of identifierFailureReasons) {
          const text = identifierMessage(kind, reason, lang)
          expect(text.length).toBeGreaterThan(0)
          expect(seen.has(text)).toBe(false)
          seen.add(text)
        }
      }
    }
  })

  it('writes zh-CN in Chinese and English in ASCII', () => {
    for (const kind of identifierKinds) {
      for (const reason of identifierFailureReasons) {
        expect(identifierMessage(kind, reason, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
        expect(identifierMessage(kind, reason, 'en')).toMatch(/^[\x20-\x7e]+$/)
      }
    }
  })

  it('matches the examples', () => {
    expect(identifierMessage('uscc', 'checksum', 'zh-CN')).toBe('统一社会信用代码校验位错误')
    expect(identifierMessage('uscc', 'checksum', 'en')).toBe(
      "The unified social credit code's check character is wrong",
    )
  })
})
