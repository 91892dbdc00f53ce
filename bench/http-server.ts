// The server under test for the platform benchmark: the real app (NODE_ENV=production, logger off)
// on a fresh SQLite database with demo data, plus one bare Fastify route on the same instance, so
// bare and real routes are measured in the same process run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { computeUsccCheckChar } from '../contracts/identifiers/index.ts'
import { buildApp } from '../server/app.ts'
import { systemClock } from '../server/kernel/clock.ts'
import { loadConfig } from '../server/kernel/config.ts'
import { openDatabase } from '../server/kernel/db/connection.ts'
import { migrateToLatest } from '../server/kernel/db/migrate.ts'
import { migrations } from '../server/migrations/index.ts'
import { seed } from '../server/seed.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-bench-'))
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'silent',
  DATA_DIR: dataDir,
})
const database = await openDatabase({ url: config.databaseUrl, sqliteFile: path.join(dataDir, 'zhibao.db') })
await migrateToLatest(database.db, migrations)
// Demo users are refused in production; the benchmark loads them explicitly into its scratch database.
await seed(database.db, systemClock, { demo: true, dialect: database.dialect })
await fillEntities(10_000)
const { app } = await buildApp({ config, database, logger: false })
app.get('/bench/bare', { config: { public: true } }, async () => ({ ok: true, id: 1, title: '苏州' }))
// The same app on the same database without its data version, so nothing is answered from the
// response cache: what a list costs when it is computed (the first request after a change).
const { app: uncached } = await buildApp({
  config,
  database: { ...database, dataVersion: undefined },
  logger: false,
})
const portOf = async (server: typeof app) => {
  await server.listen({ port: 0, host: '127.0.0.1' })
  const address = server.server.address()
  return typeof address === 'object' && address ? address.port : 0
}
process.send?.({ port: await portOf(app), uncachedPort: await portOf(uncached) })

/** A realistic entities table: thousands of rows spread over the districts, so scope filters bite. */
async function fillEntities(count: number) {
  const districts = await database.db
    .selectFrom('organizations')
    .select('id')
    .where('kind', 'in', ['district', 'zone'])
    .execute()
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const now = new Date().toISOString()
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k
      let serial = ''
      for (let n = i, d = 0; d < 7; d++, n = Math.floor(n / 31)) serial = charset[n % 31] + serial
      const body = `91320500MA${serial}`
      return {
        id: `bench-${i}`,
        uscc: body + computeUsccCheckChar(body),
        name: `苏州测试企业${i}有限公司`,
        district_id: districts[i % districts.length]!.id,
        address: null,
        industry: null,
        legal_representative: null,
        created_at: now,
        updated_at: now,
      }
    })
    await database.db.insertInto('entities').values(rows).execute()
  }
}
process.on('SIGTERM', () => process.exit(0))
