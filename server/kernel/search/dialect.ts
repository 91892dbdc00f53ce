import { type Kysely, SqliteAdapter } from 'kysely'
import type { Dialect } from '../db/connection.ts'

/**
 * The dialect behind a Kysely instance or transaction. Search writes run inside a use case's
 * transaction, which carries no dialect of its own, so the adapter tells.
 */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres'
}
