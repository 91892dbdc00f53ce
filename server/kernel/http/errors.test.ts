import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app.ts'
import { createTestApp, openTestDatabase, type TestApp, testDialect } from '../../testing/harness.ts'
import { loadConfig } from '../config.ts'

describe('HTTP errors and API description', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/no-such-thing',
      headers: { 'accept-language': 'en' },
    })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toEqual({
      type: 'urn:zhibao:error:route_not_found',
      title: 'No such API endpoint',
      status: 404,
      code: 'route_not_found',
      instance: '/api/no-such-thing',
    })
  })

  it('answers malformed JSON with a 400 bad_request problem', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    })
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ code: 'bad_request', status: 400, title: '请求格式有误' })
  })

  it('describes the identity API in /api/openapi.json', async () => {
    const response = await t.request({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const spec = response.json()
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/me',
        '/api/auth/logout',
        '/api/auth/password',
        '/api/registrations',
        '/api/registrations/{id}/review',
        '/api/organizations',
        '/api/organizations/{id}',
        '/api/users',
        '/api/tokens',
        '/api/tokens/{id}/revoke',
      ]),
    )
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeDefined()
  })

  it('answers /api/health with 200 and the dialect', async () => {
    const response = await t.request({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: testDialect })
  })

  it('sends the security headers on API answers and problems alike', async () => {
    for (const url of ['/api/health', '/api/no-such-thing']) {
      const response = await t.request({ method: 'GET', url })
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(response.headers['content-security-policy']).toContain("script-src 'self'")
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    }
  })
})

describe('an unexpected failure', () => {
  it('is a 500 problem without a stack trace or the error message', async () => {
    // Its own app instance, so one throwaway route can be added before it is ready.
    const database = await openTestDatabase()
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' })
    const { app, jobs } = await buildApp({ config, database, logger: false })
    app.get('/api/test-explode', { config: { public: true } }, async () => {
      throw new Error('secret internal detail')
    })
    await app.ready()
    try {
      const response = await app.inject({ method: 'GET', url: '/api/test-explode' })
      expect(response.statusCode).toBe(500)
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(response.json()).toMatchObject({ code: 'internal', status: 500 })
      expect(response.body).not.toMatch(/secret internal detail|at |\.ts:|stack/)
    } finally {
      await jobs.stop()
      await app.close()
      await database.close()
    }
  })
})
