// Profiling aid for the cases suite's intake measure: `node --cpu-prof --import tsx bench/intake-profile.ts`
// runs only the SQLite complaint intakes (BENCH_CASES_INTAKES, default 3000) and prints intakes/s.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { anonymousActor } from '../server/kernel/access.ts'
import { systemClock } from '../server/kernel/clock.ts'
import { openDatabase } from '../server/kernel/db/connection.ts'
import { migrateToLatest } from '../server/kernel/db/migrate.ts'
import { makeWriteContext } from '../server/kernel/http/context.ts'
import { migrations } from '../server/migrations/index.ts'
import { submitComplaint } from '../server/modules/cases/complaint.service.ts'
import { seed } from '../server/seed.ts'

const INTAKES = Number(process.env.BENCH_CASES_INTAKES ?? 3000)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-intake-prof-'))
const database = await openDatabase({ sqliteFile: path.join(dir, 'zhibao.db') })
await migrateToLatest(database.db, migrations)
await seed(database.db, systemClock, { demo: true, dialect: database.dialect })
const db = database.db
const district = (
  await db.selectFrom('organizations').select('id').where('code', '=', 'gusu').executeTakeFirstOrThrow()
).id
const one = (i: number) =>
  db.transaction().execute((trx) =>
    submitComplaint(
      makeWriteContext(trx, anonymousActor, new Date(), 'zh-CN', { ip: '127.0.0.1', requestId: `b${i}` }),
      {
        complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
        respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
        right: { kind: 'trademark' as const, number: String(10_000_000 + i) },
        request: '停止销售侵权商品',
        facts: '购买到假冒注册商标的商品。',
        districtId: district,
      },
    ),
  )
for (let i = 0; i < 50; i++) await one(-i - 1)
const started = performance.now()
const cpu = process.cpuUsage()
for (let i = 0; i < INTAKES; i++) await one(i)
const seconds = (performance.now() - started) / 1000
const used = process.cpuUsage(cpu)
// On a shared machine wall-clock rates swing with the load; the process's own CPU time per intake
// is steadier for comparing changes.
const cpuSeconds = (used.user + used.system) / 1e6
console.log(
  `${(INTAKES / seconds).toFixed(0)} complaint intakes/s wall, ${(INTAKES / cpuSeconds).toFixed(0)} per CPU-second ` +
    `(user ${(used.user / 1e3 / INTAKES).toFixed(2)} ms, system ${(used.system / 1e3 / INTAKES).toFixed(2)} ms per intake; SQLite, ${INTAKES})`,
)
await database.close()
fs.rmSync(dir, { recursive: true, force: true })
