import { afterAll, describe, expect, it } from 'vitest'
import { registrationRequest } from '../../contracts/identity.ts'
import { setLanguage } from '../i18n/index.ts'
import { issueMessage } from './forms.ts'

const first = (schema: { safeParse: (v: unknown) => { error?: { issues: unknown[] } } }, value: unknown) =>
  issueMessage(schema.safeParse(value).error!.issues[0] as never)

describe('form messages from the shared Zod schemas', () => {
  const shape = registrationRequest.shape
  afterAll(() => setLanguage('zh-CN'))

  it('speaks Chinese', async () => {
    await setLanguage('zh-CN')
    expect(first(shape.entityName, 'a')).toBe('至少 2 个字符')
    expect(first(shape.contactName, '')).toBe('此项为必填')
    expect(first(shape.uscc, '91320508MA1AAAAAA0')).toMatch(/统一社会信用代码/)
    expect(first(shape.password, 'short')).toBe('密码至少 10 个字符')
    expect(first(shape.email.unwrap(), 'nope')).toBe('电子邮箱格式不正确')
  })

  it('speaks English after a switch', async () => {
    await setLanguage('en')
    expect(document.documentElement.lang).toBe('en')
    expect(first(shape.entityName, 'a')).toBe('At least 2 characters')
    expect(first(shape.uscc, '')).toMatch(/unified social credit code/i)
    expect(first(shape.password, 'short')).toBe('The password needs at least 10 characters')
    expect(first(shape.username, 'bad name!')).toBe('Use letters, digits, dots, underscores and hyphens only')
  })
})
