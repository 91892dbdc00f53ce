import type { Config } from '../server/kernel/config.ts'
import type { DatabaseHandle } from '../server/kernel/db/connection.ts'
import { openDatabaseOf } from '../server/start.ts'

/** Opens the configured database (PostgreSQL by DATABASE_URL, else SQLite in DATA_DIR), runs `work`, closes it. */
export async function withDatabase<T>(
  config: Config,
  work: (database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const database = await openDatabaseOf(config, 2)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}
