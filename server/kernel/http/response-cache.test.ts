import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import type { KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeUsccCheckChar } from '../../../contracts/identifiers/index.ts'
import { buildApp } from '../../app.ts'
import { migrations } from '../../migrations/index.ts'
import { DEMO_PASSWORD } from '../../modules/identity/seed.ts'
import { seed } from '../../seed.ts'
import { systemClock } from '../clock.ts'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/connection.ts'
import { migrateToLatest } from '../db/migrate.ts'

// The response cache lives on SQLite's data version, so this file works on a SQLite file of its own
// (a second connection stands for a CLI command writing while the server runs), on both CI runs.
describe('cached scoped lists (GET /api/entities)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-cache-'))
  const file = path.join(dir, 'zhibao.db')
  let app: FastifyInstance
  let close: () => Promise<void>
  let gusuId: string
  let entityQueries = 0
  const cookies = new Map<string, { cookie: string; csrf: string }>()

  // Counts the statements that read or write the entities table, to see whether a request ran any.
  const counter: KyselyPlugin = {
    transformQuery(args) {
      if (JSON.stringify(args.node).includes('"entities"')) entityQueries++
      return args.node
    },
    transformResult: async (args) => args.result,
  }

  async function login(username: string) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    })
    cookies.set(username, {
      cookie: String(response.headers['set-cookie']).split(';')[0]!,
      csrf: response.json().csrfToken,
    })
  }

  async function list(username: string | null, query = '?pageSize=100') {
    const session = username ? cookies.get(username)! : undefined
    return app.inject({
      method: 'GET',
      url: `/api/entities${query}`,
      headers: session ? { cookie: session.cookie } : {},
    })
  }

  const uscc = (serial: string) => {
    const body = `91320508MA${serial}`
    return body + computeUsccCheckChar(body)
  }

  beforeAll(async () => {
    const database = await openDatabase({ sqliteFile: file })
    await migrateToLatest(database.db, migrations)
    await seed(database.db, systemClock, { demo: true, dialect: 'sqlite' })
    const built = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: { ...database, db: database.db.withPlugin(counter) },
      logger: false,
    })
    app = built.app
    await app.ready()
    close = async () => {
      await app.close()
      await database.close()
    }
    gusuId = (
      await database.db
        .selectFrom('organizations')
        .select('id')
        .where('code', '=', 'gusu')
        .executeTakeFirstOrThrow()
    ).id
    for (const user of ['officer.gusu', 'officer.kunshan', 'clerk']) await login(user)
  })
  afterAll(() => close())

  it('answers a repeated list without querying, with the same body', async () => {
    const first = await list('officer.gusu')
    expect(first.statusCode).toBe(200)
    const before = entityQueries
    const again = await list('officer.gusu')
    expect(again.statusCode).toBe(200)
    expect(again.body).toBe(first.body)
    expect(again.headers['content-type']).toBe(first.headers['content-type'])
    expect(entityQueries).toBe(before)
  })

  it('shows an entity created through the API on the very next list', async () => {
    const before = (await list('officer.gusu')).json().total as number
    const clerk = cookies.get('clerk')!
    const created = await app.inject({
      method: 'POST',
      url: '/api/entities',
      headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf },
      payload: { uscc: uscc('1CACHE1'), name: '苏州缓存测试一有限公司', districtId: gusuId },
    })
    expect(created.statusCode, created.body).toBe(201)
    const after = (await list('officer.gusu')).json()
    expect(after.total).toBe(before + 1)
    expect(after.items.map((e: { name: string }) => e.name)).toContain('苏州缓存测试一有限公司')
  })

  it('shows a row another connection committed (a CLI command) on the very next list', async () => {
    const before = (await list('officer.gusu')).json().total as number
    const other = new SqliteDatabase(file)
    const now = new Date().toISOString()
    other
      .prepare(
        'insert into entities (id, uscc, name, district_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
      )
      .run('cache-cli-1', uscc('1CACHE2'), '苏州缓存测试二有限公司', gusuId, now, now)
    other.close()
    const after = (await list('officer.gusu')).json()
    expect(after.total).toBe(before + 1)
    expect(after.items.map((e: { name: string }) => e.name)).toContain('苏州缓存测试二有限公司')
  })

  it('never serves one scope’s answer to another, nor to a caller who is not signed in', async () => {
    const gusu = await list('officer.gusu')
    const kunshan = await list('officer.kunshan')
    expect(kunshan.statusCode).toBe(200)
    expect(kunshan.body).not.toBe(gusu.body)
    const kunshanNames = kunshan.json().items.map((e: { name: string }) => e.name)
    expect(kunshanNames).not.toContain('苏州缓存测试一有限公司')
    const anonymous = await list(null)
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.headers['content-type']).toContain('application/problem+json')
  })
})
