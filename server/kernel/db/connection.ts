import fs from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from '../../database.ts'
import { startCheckpointer } from './checkpointer.ts'

export type Dialect = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly dialect: Dialect
  /**
   * A value that changes whenever the database may have changed: after any write statement this
   * process runs, and after any commit by another connection (a CLI command on the same file).
   * SQLite only: PostgreSQL instances do not see each other's writes, so there it is undefined and
   * nothing may be cached on it.
   */
  readonly dataVersion?: () => string
  close(): Promise<void>
}

// int8 (count(*), bigint columns) and numeric come back from pg as strings; the app wants numbers,
// as better-sqlite3 gives them. Values beyond 2^53 are not stored by ZhiBao.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))

export interface OpenOptions {
  /** postgres:// URL; without it, SQLite. */
  url?: string
  /** SQLite file (or ':memory:'); ignored for PostgreSQL. */
  sqliteFile?: string
  /** PostgreSQL schema to work in (created if missing); tests use one schema per test file. */
  schema?: string
  poolSize?: number
}

/**
 * Opens the database ZhiBao runs on: PostgreSQL when a URL is given, else embedded SQLite.
 * @example const { db } = await openDatabase({ sqliteFile: ':memory:' })
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.schema, options.poolSize ?? 10)
  return openSqlite(options.sqliteFile ?? ':memory:')
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  // A worker thread checkpoints the WAL (checkpointer.ts). This connection's own checkpoint, every
  // 64 MB of log, is the backstop that lets the log restart; it finds the pages already copied, so
  // it is short, and rare enough that its fsync hardly counts (decision 41, bench/results/cases.md).
  sqlite.pragma('wal_autocheckpoint = 16384')
  const stopCheckpointer = file === ':memory:' ? undefined : startCheckpointer(file)
  const statements = withStatementCache(sqlite)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) })
  const otherConnections = sqlite.prepare('PRAGMA data_version').pluck()
  return {
    db,
    dialect: 'sqlite',
    dataVersion: () => `${statements.writes()}.${otherConnections.get()}`,
    close: async () => {
      await stopCheckpointer?.()
      await db.destroy()
    },
  }
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, and reusing them
 * cuts the per-query cost by about a third (perf-limits.md §a). Bounded so ad-hoc SQL cannot grow it.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, limit = 2000) {
  const cache = new Map<string, SqliteDatabase.Statement>()
  // Kysely prepares a statement each time it runs one, so counting non-readers here counts every
  // write (and every BEGIN/COMMIT) before it executes.
  let writes = 0
  return {
    close: () => sqlite.close(),
    writes: () => writes,
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      if (!statement.reader) writes++
      return statement
    },
  }
}

async function openPostgres(url: string, schema: string | undefined, max: number): Promise<DatabaseHandle> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`)
  if (schema) {
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    } finally {
      await admin.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
