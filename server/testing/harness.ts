import { randomBytes } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { expect } from 'vitest'
import type { Role } from '../../contracts/access.ts'
import { type BuiltApp, buildApp } from '../app.ts'
import { type Clock, systemClock } from '../kernel/clock.ts'
import { loadConfig } from '../kernel/config.ts'
import { type DatabaseHandle, openDatabase } from '../kernel/db/connection.ts'
import { migrateToLatest } from '../kernel/db/migrate.ts'
import { migrations } from '../migrations/index.ts'
import { DEMO_PASSWORD } from '../modules/identity/seed.ts'
import { seed } from '../seed.ts'

/**
 * Test databases: a fresh in-memory SQLite per call, or, when DATABASE_URL is set (the CI's second
 * run), a fresh schema in that PostgreSQL, dropped at close. Tests therefore run on both dialects.
 */
export const testDialect = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

export async function openTestDatabase(): Promise<DatabaseHandle & { schema?: string }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const handle = await openDatabase({ sqliteFile: ':memory:' })
    await migrateToLatest(handle.db, migrations)
    return handle
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const handle = await openDatabase({ url, schema, poolSize: 5 })
  await migrateToLatest(handle.db, migrations, { schema })
  return {
    ...handle,
    schema,
    close: async () => {
      await handle.close()
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.end()
    },
  }
}

export interface Session {
  username: string
  cookie: string
  csrfToken: string
}

export interface TestApp extends BuiltApp {
  database: DatabaseHandle
  /** Sends a request; `as` signs it with a session (cookie and CSRF token) unless `csrf: false`. */
  request(options: InjectOptions & { as?: Session; csrf?: boolean }): Promise<LightMyRequestResponse>
  login(username: string, password?: string): Promise<Session>
  /** An administrator creates a staff user in the organization with this code; signed in as it. */
  loginAsNewUser(user: { username: string; roles: Role[]; orgCode: string }): Promise<Session>
  close(): Promise<void>
}

export async function createTestApp(
  options: { demo?: boolean; clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase()
  const clock = options.clock ?? systemClock
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env })
  await seed(database.db, clock, { demo: options.demo ?? true, dialect: database.dialect })
  const built = await buildApp({ config, database, clock, logger: false })
  await built.app.ready()
  const app: FastifyInstance = built.app
  const request: TestApp['request'] = async ({ as, csrf = true, headers, ...rest }) => {
    const response = await app.inject({
      ...rest,
      headers: {
        ...(as ? { cookie: as.cookie, ...(csrf ? { 'x-csrf-token': as.csrfToken } : {}) } : {}),
        ...headers,
      },
    })
    // Every successful state change must have written an audit record (server.ts flags it).
    expect(
      response.headers['x-zhibao-unaudited'],
      `${rest.method} ${rest.url} wrote no audit record`,
    ).toBeUndefined()
    return response
  }
  const login: TestApp['login'] = async (username, password = DEMO_PASSWORD) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
    })
    if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`)
    const cookie = String(response.headers['set-cookie']).split(';')[0]!
    return { username, cookie, csrfToken: response.json().csrfToken }
  }
  return {
    ...built,
    database,
    request,
    login,
    async loginAsNewUser({ username, roles, orgCode }) {
      const admin = await login('admin')
      const orgs = (await request({ method: 'GET', url: '/api/organizations' })).json() as {
        id: string
        code: string
      }[]
      const password = 'a-long-enough-secret'
      const created = await request({
        method: 'POST',
        url: '/api/users',
        as: admin,
        payload: {
          username,
          displayName: username,
          password,
          roles,
          orgId: orgs.find((o) => o.code === orgCode)?.id,
        },
      })
      if (created.statusCode !== 201) throw new Error(`creating ${username} failed: ${created.body}`)
      return login(username, password)
    },
    async close() {
      await built.jobs.stop()
      await app.close()
      await database.close()
    },
  }
}
