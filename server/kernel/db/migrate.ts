import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely'

/**
 * Runs the ordered migrations (a record keyed by name, e.g. "0002_identity") up to the latest.
 * Kysely's migrator takes a lock, so several instances starting together migrate once.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration>,
  options: { schema?: string } = {},
): Promise<MigrationResult[]> {
  // Without `migrationTableSchema`, Kysely looks for its tables in every PostgreSQL schema, so a
  // second schema (parallel test files) sees another's lock table and skips creating its own.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Modules number their migrations in their own ranges (01xx cases, 02xx evidence, …), so a new
    // 0109 can arrive after 0201 has run; each migration touches only its own module's tables.
    allowUnorderedMigrations: true,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return results ?? []
}
