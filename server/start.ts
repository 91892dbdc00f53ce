import path from 'node:path'
import { buildApp } from './app.ts'
import { systemClock } from './kernel/clock.ts'
import type { Config } from './kernel/config.ts'
import { openDatabase } from './kernel/db/connection.ts'
import { migrateToLatest } from './kernel/db/migrate.ts'
import { migrations } from './migrations/index.ts'
import { seed } from './seed.ts'

export function sqliteFileOf(config: Config): string {
  return path.join(config.dataDir, 'zhibao.db')
}

/** The configured database: PostgreSQL (in DATABASE_SCHEMA) when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openDatabaseOf(config: Config, poolSize?: number) {
  return openDatabase({
    url: config.databaseUrl,
    sqliteFile: sqliteFileOf(config),
    ...(config.databaseUrl ? { schema: config.databaseSchema } : {}),
    ...(poolSize ? { poolSize } : {}),
  })
}

/** Kysely's migrator must be told the schema, or it finds another schema's migration tables. */
export function schemaOf(config: Config): { schema?: string } {
  return config.databaseUrl ? { schema: config.databaseSchema } : {}
}

/** Opens the configured database and brings its schema and reference data up to date. */
export async function prepareDatabase(config: Config) {
  const database = await openDatabaseOf(config)
  await migrateToLatest(database.db, migrations, schemaOf(config))
  await seed(database.db, systemClock, { demo: config.demoData, dialect: database.dialect })
  return database
}

/** Starts a server: migrate, seed, listen, run timers; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(config: Config, webRoot: string) {
  const database = await prepareDatabase(config)
  const { app, jobs } = await buildApp({ config, database, webRoot })
  await app.listen({ port: config.port, host: config.host })
  jobs.start()
  const stop = async () => {
    await jobs.stop()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return app
}
