import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/harness.ts'

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('signs in with the demo password and returns the session cookie and a CSRF token', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: 'zhibao-demo' },
    })
    expect(response.statusCode).toBe(200)
    const cookie = String(response.headers['set-cookie'])
    expect(cookie).toMatch(/zb_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const body = response.json()
    expect(body.csrfToken).toHaveLength(32)
    expect(body.user.roles).toEqual(['clerk'])
    expect(body.user.permissions).toContain('registration.review')
  })

  it('answers a wrong password with a localized problem and records the failure', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'examiner', password: 'wrong-password' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    })
    expect(response.statusCode).toBe(401)
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(response.json()).toMatchObject({
      code: 'login_failed',
      status: 401,
      title: 'Wrong username or password',
    })
    const zh = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'examiner', password: 'nope' },
    })
    expect(zh.json().title).toBe('用户名或密码错误')
  })

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'expert', password: `bad-${i}` },
      })
      expect(r.json().code).toBe('login_failed')
    }
    const fifth = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert', password: 'bad-5' },
    })
    expect(fifth.json().code).toBe('account_locked')
    const right = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'expert', password: 'zhibao-demo' },
    })
    expect(right.statusCode).toBe(423)
    expect(right.json().code).toBe('account_locked')
  })

  it('refuses a cookie-authenticated write without the x-csrf-token header and changes nothing', async () => {
    const admin = await t.login('admin')
    const payload = { kind: 'notice', title: '测试通知', body: '正文' }
    const refused = await t.request({ method: 'POST', url: '/api/articles', payload, as: admin, csrf: false })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('csrf_failed')
    const wrong = await t.request({
      method: 'POST',
      url: '/api/articles',
      payload,
      as: admin,
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    })
    expect(wrong.json().code).toBe('csrf_failed')
    const list = await t.request({ method: 'GET', url: '/api/articles', as: admin })
    expect(list.json().items.filter((a: { title: string }) => a.title === '测试通知')).toHaveLength(0)
    const accepted = await t.request({ method: 'POST', url: '/api/articles', payload, as: admin })
    expect(accepted.statusCode).toBe(201)
  })

  it('returns the session user and CSRF token from /api/auth/me, and nulls for the public', async () => {
    const officer = await t.login('officer.gusu')
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', as: officer })).json()
    expect(me.user.username).toBe('officer.gusu')
    expect(me.user.districtId).not.toBeNull()
    expect(me.csrfToken).toBe(officer.csrfToken)
    const anonymous = (await t.request({ method: 'GET', url: '/api/auth/me' })).json()
    expect(anonymous).toEqual({ user: null, csrfToken: null })
  })

  it('logs out everywhere: every session of the account stops working', async () => {
    const first = await t.login('judge')
    const second = await t.login('judge')
    const out = await t.request({ method: 'POST', url: '/api/auth/logout-everywhere', as: first })
    expect(out.statusCode).toBe(200)
    const after = await t.request({ method: 'GET', url: '/api/auth/me', as: second })
    expect(after.json().user).toBeNull()
  })

  it('changes the password: the old one stops working, other sessions end', async () => {
    const session = await t.login('mediator')
    const other = await t.login('mediator')
    const weak = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      as: session,
      payload: { currentPassword: 'zhibao-demo', newPassword: 'short' },
    })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().errors[0]).toMatchObject({ path: 'body.newPassword', message: '密码至少 10 个字符' })
    const changed = await t.request({
      method: 'POST',
      url: '/api/auth/password',
      as: session,
      payload: { currentPassword: 'zhibao-demo', newPassword: 'a-much-better-secret' },
    })
    expect(changed.statusCode).toBe(200)
    expect((await t.request({ method: 'GET', url: '/api/auth/me', as: other })).json().user).toBeNull()
    expect((await t.request({ method: 'GET', url: '/api/auth/me', as: session })).json().user.username).toBe(
      'mediator',
    )
    const old = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'mediator', password: 'zhibao-demo' },
    })
    expect(old.statusCode).toBe(401)
    await t.login('mediator', 'a-much-better-secret')
  })

  it('lets staff and enterprise users change their own e-mail with the current password; bad input changes nothing', async () => {
    const judge = await t.login('judge')
    const email = async () =>
      (await t.request({ method: 'GET', url: '/api/auth/me', as: judge })).json().user.email as string | null
    const before = await email()
    expect(before).toBe('judge@demo.zhibao.invalid')
    const change = (payload: object, lang = 'zh-CN') =>
      t.request({
        method: 'POST',
        url: '/api/auth/email',
        as: judge,
        payload,
        headers: { 'accept-language': lang },
      })
    const bad = await change({ email: 'judge@', currentPassword: 'zhibao-demo' }, 'en')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('validation_failed')
    expect(bad.json().errors[0].path).toBe('body.email')
    expect(bad.json().errors[0].message).toMatch(/email/i)
    const badZh = await change({ email: 'judge@', currentPassword: 'zhibao-demo' })
    expect(badZh.json().errors[0].message).toMatch(/[\u4e00-\u9fff]/)
    const wrong = await change({ email: 'judge@court.example.cn', currentPassword: 'wrong-password' }, 'en')
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json()).toMatchObject({ code: 'password_wrong', title: 'The current password is wrong' })
    expect(await email()).toBe(before)

    const ok = await change({ email: 'judge@court.example.cn', currentPassword: 'zhibao-demo' })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(await email()).toBe('judge@court.example.cn')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'before_json', 'after_json'])
      .where('action', '=', 'auth.email_change')
      .executeTakeFirstOrThrow()
    expect(audit.actor_label).toBe('judge')
    expect(JSON.parse(audit.before_json!)).toEqual({ email: before })
    expect(JSON.parse(audit.after_json!)).toEqual({ email: 'judge@court.example.cn' })

    const enterprise = await t.login('enterprise')
    const own = await t.request({
      method: 'POST',
      url: '/api/auth/email',
      as: enterprise,
      payload: { email: 'fengjingli@silk.example.cn', currentPassword: 'zhibao-demo' },
    })
    expect(own.statusCode, own.body).toBe(200)
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', as: enterprise })).json()
    expect(me.user.email).toBe('fengjingli@silk.example.cn')
    // Nobody else's address moved.
    expect(await email()).toBe('judge@court.example.cn')
  })

  it('keeps unauthenticated callers out of protected routes', async () => {
    const response = await t.request({ method: 'GET', url: '/api/entities' })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('unauthenticated')
  })
})
