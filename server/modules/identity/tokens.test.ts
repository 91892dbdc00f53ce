import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { demoUscc } from './seed.ts'

describe('API tokens', () => {
  let t: TestApp
  let admin: Session
  let clerkId: string
  let token: { id: string; token: string }
  const bearer = (
    method: 'GET' | 'POST',
    url: string,
    payload?: Record<string, unknown>,
    secret = token.token,
  ) => t.request({ method, url, payload, headers: { authorization: `Bearer ${secret}` } })

  beforeAll(async () => {
    t = await createTestApp()
    admin = await t.login('admin')
    const users = await t.request({ method: 'GET', url: '/api/users?q=clerk', as: admin })
    clerkId = users.json().items.find((u: { username: string }) => u.username === 'clerk').id
  })
  afterAll(() => t.close())

  it('lets an administrator create a scoped token for a user, shown once', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/tokens',
      as: admin,
      payload: { name: '企业名录同步', userId: clerkId, scopes: ['entity.read', 'entity.manage'] },
    })
    expect(response.statusCode, response.body).toBe(201)
    token = response.json()
    expect(token.token).toMatch(/^zbt_/)
    expect(response.json()).toMatchObject({
      username: 'clerk',
      scopes: ['entity.read', 'entity.manage'],
      revokedAt: null,
    })
    const list = await t.request({ method: 'GET', url: '/api/tokens', as: admin })
    expect(list.json()).toEqual([expect.objectContaining({ id: token.id })])
    expect(list.body).not.toContain(token.token)
  })

  it('stores only the SHA-256 of the token', async () => {
    const row = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(createHash('sha256').update(token.token).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(token.token)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'token.create')
      .executeTakeFirstOrThrow()
    expect(audit.after_json).not.toContain(token.token)
    expect(audit.after_json).not.toContain(row.token_hash)
  })

  it('authorizes a bearer request within its scopes, without a CSRF header', async () => {
    const list = await bearer('GET', '/api/entities')
    expect(list.statusCode).toBe(200)
    expect(list.json().total).toBeGreaterThan(0)
    const created = await bearer('POST', '/api/entities', {
      uscc: demoUscc('91320508MA1TKN3Q0'),
      name: '苏州令牌测试有限公司',
    })
    expect(created.statusCode, created.body).toBe(201)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label'])
      .where('target_id', '=', created.json().id)
      .executeTakeFirstOrThrow()
    expect(audit.actor_label).toBe('clerk')
  })

  it('keeps the owner’s data scope: a 姑苏区 officer’s token lists only 姑苏区 entities', async () => {
    const users = await t.request({ method: 'GET', url: '/api/users?q=officer.gusu', as: admin })
    const officerId = users.json().items[0].id
    const created = await t.request({
      method: 'POST',
      url: '/api/tokens',
      as: admin,
      payload: { name: '姑苏只读', userId: officerId, scopes: ['entity.read'] },
    })
    expect(created.statusCode, created.body).toBe(201)
    const list = await bearer('GET', '/api/entities?pageSize=200', undefined, created.json().token)
    expect(list.statusCode).toBe(200)
    expect(list.json().total).toBeGreaterThan(0)
    expect(new Set(list.json().items.map((e: { districtName: string }) => e.districtName))).toEqual(
      new Set(['姑苏区']),
    )
  })

  it('refuses a permission the owner has but the token was not given, with 403', async () => {
    const outside = await bearer('GET', '/api/registrations')
    expect(outside.statusCode).toBe(403)
    expect(outside.json().code).toBe('forbidden')
  })

  it('cannot change its owner’s password or e-mail, even with the password', async () => {
    const hashBefore = await t.database.db
      .selectFrom('users')
      .select(['password_hash', 'email'])
      .where('id', '=', clerkId)
      .executeTakeFirstOrThrow()
    const password = await bearer('POST', '/api/auth/password', {
      currentPassword: 'zhibao-demo',
      newPassword: 'taken-over-by-token-2025',
    })
    const email = await bearer('POST', '/api/auth/email', {
      email: 'attacker@example.com',
      currentPassword: 'zhibao-demo',
    })
    for (const response of [password, email]) {
      expect(response.statusCode).toBe(403)
      expect(response.json().code).toBe('session_required')
    }
    const hashAfter = await t.database.db
      .selectFrom('users')
      .select(['password_hash', 'email'])
      .where('id', '=', clerkId)
      .executeTakeFirstOrThrow()
    expect(hashAfter).toEqual(hashBefore)
  })

  it('treats an unknown token as the public', async () => {
    const response = await bearer('GET', '/api/entities', undefined, 'zbt_not-a-real-token')
    expect(response.statusCode).toBe(401)
  })

  it('stops working once revoked', async () => {
    const revoked = await t.request({ method: 'POST', url: `/api/tokens/${token.id}/revoke`, as: admin })
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().revokedAt).not.toBeNull()
    const response = await bearer('GET', '/api/entities')
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('unauthenticated')
  })

  it('refuses scopes beyond the owner’s permissions with 400', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/tokens',
      as: admin,
      payload: { name: '越权令牌', userId: clerkId, scopes: ['entity.read', 'org.manage'] },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('token_scope_exceeds_owner')
    const count = await t.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(2)
  })

  it('keeps token management to administrators', async () => {
    const clerk = await t.login('clerk')
    const response = await t.request({
      method: 'POST',
      url: '/api/tokens',
      as: clerk,
      payload: { name: '自建令牌', userId: clerkId, scopes: ['entity.read'] },
    })
    expect(response.statusCode).toBe(403)
  })
})
