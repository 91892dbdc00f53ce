import { sql } from 'kysely'
import type { Db } from './database.ts'
import type { Clock } from './kernel/clock.ts'
import type { Dialect } from './kernel/db/connection.ts'
import { seedDemoIdentity, seedOrganizations } from './modules/identity/seed.ts'
import { modules } from './modules/index.ts'

/**
 * Loads the reference data every installation needs (the organization tree) and, unless refused,
 * the demo data: demo entities and users first, then each module's own demo data. Each part runs
 * once, recorded in `seed_runs`, so a module added later seeds on the next start.
 */
export async function seed(
  db: Db,
  clock: Clock,
  options: { demo: boolean; dialect: Dialect },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Instances starting together on one PostgreSQL seed one after the other.
    if (options.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7426001)`.execute(trx)
    const now = clock.now()
    const done = new Set((await trx.selectFrom('seed_runs').select('name').execute()).map((r) => r.name))
    const ran: string[] = []
    const mark = async (name: string) => {
      await trx.insertInto('seed_runs').values({ name, ran_at: now.toISOString() }).execute()
      ran.push(name)
    }
    const orgs = await seedOrganizations(trx, now)
    if (!done.has('organizations')) await mark('organizations')
    if (!options.demo) return ran

    let users = new Map<string, string>()
    let entities = new Map<string, string>()
    if (!done.has('demo:identity')) {
      ;({ users, entities } = await seedDemoIdentity(trx, now, orgs))
      await mark('demo:identity')
    } else {
      users = new Map(
        (await trx.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]),
      )
      entities = new Map(
        (await trx.selectFrom('entities').select(['uscc', 'id']).execute()).map((e) => [e.uscc, e.id]),
      )
    }
    for (const module of modules) {
      if (!module.seedDemo || done.has(`demo:${module.name}`)) continue
      await module.seedDemo({ trx, now, orgs, users, entities })
      await mark(`demo:${module.name}`)
    }
    return ran
  })
}
