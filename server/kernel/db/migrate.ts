import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely'

/**
 * Runs the ordered migrations (a record keyed by name, e.g. "0002_identity") up to the latest.
 * Kysely's migrator takes a lock, so several instances starting together migrate once.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration>,
): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return results ?? []
}
