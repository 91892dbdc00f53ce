import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { demoUscc } from './seed.ts'

const uscc = demoUscc('91320508MA1REG7K0')
const registration = {
  uscc,
  entityName: '苏州注册测试科技有限公司',
  contactName: '林经理',
  phone: '13912345678',
  email: 'lin@example.com',
  username: 'reg.tester',
  password: 'a-long-enough-secret',
}

describe('enterprise self-registration', () => {
  let t: TestApp
  let registrationId: string
  const register = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: '/api/registrations', payload, headers })
  const signIn = (username: string, password = registration.password) =>
    t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } })

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('rejects an invalid USCC with the field path and a localized message', async () => {
    const bad = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`
    const zh = await register({ ...registration, uscc: bad })
    expect(zh.statusCode).toBe(400)
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(zh.json().code).toBe('validation_failed')
    expect(zh.json().errors[0].path).toBe('body.uscc')
    expect(zh.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/)
    const en = await register({ ...registration, uscc: bad }, { 'accept-language': 'en' })
    expect(en.json().errors[0].path).toBe('body.uscc')
    expect(en.json().errors[0].message).toMatch(/^[\x20-\x7e]+$/)
    expect(en.json().title).toBe('Some fields are invalid; see the errors listed')
  })

  it('creates a pending account that cannot sign in yet', async () => {
    const response = await register(registration)
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ status: 'pending' })
    registrationId = response.json().id
    const login = await signIn(registration.username)
    expect(login.statusCode).toBe(403)
    expect(login.json().code).toBe('account_pending')
  })

  it('refuses a second registration for the same USCC with 409', async () => {
    const again = await register({ ...registration, username: 'reg.tester2' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('entity_already_registered')
  })

  it('does not let a reader without registration.review decide', async () => {
    const officer = await t.login('officer')
    const list = await t.request({ method: 'GET', url: '/api/registrations', as: officer })
    expect(list.statusCode).toBe(403)
    const review = await t.request({
      method: 'POST',
      url: `/api/registrations/${registrationId}/review`,
      as: officer,
      payload: { decision: 'approve' },
    })
    expect(review.statusCode).toBe(403)
    expect(review.json().code).toBe('forbidden')
    expect((await signIn(registration.username)).json().code).toBe('account_pending')
  })

  it('lets a clerk approve: the account signs in, bound to its entity', async () => {
    const clerk = await t.login('clerk')
    const queue = await t.request({ method: 'GET', url: '/api/registrations', as: clerk })
    expect(queue.json().items.map((u: { id: string }) => u.id)).toContain(registrationId)
    const review = await t.request({
      method: 'POST',
      url: `/api/registrations/${registrationId}/review`,
      as: clerk,
      payload: { decision: 'approve', note: '材料齐全' },
    })
    expect(review.statusCode, review.body).toBe(200)
    expect(review.json()).toMatchObject({ status: 'active', entityUscc: uscc, reviewNote: '材料齐全' })

    const session = await t.login(registration.username, registration.password)
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', as: session })).json()
    expect(me.user).toMatchObject({ roles: ['enterprise'], entityName: registration.entityName })
    const entities = (await t.request({ method: 'GET', url: '/api/entities', as: session })).json()
    expect(entities.total).toBe(1)
    // 320508 in the credit code is 姑苏区's registering authority: the entity is placed there.
    expect(entities.items[0]).toMatchObject({ id: me.user.entityId, uscc, districtName: '姑苏区' })
  })

  it('refuses to decide the same registration twice', async () => {
    const clerk = await t.login('clerk')
    const again = await t.request({
      method: 'POST',
      url: `/api/registrations/${registrationId}/review`,
      as: clerk,
      payload: { decision: 'reject' },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('registration_not_pending')
    expect((await signIn(registration.username)).statusCode).toBe(200)
  })
})
