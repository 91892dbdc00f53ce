import type { Kysely } from 'kysely'

/** A talent profile's optional photo: its SHA-256 in the talent photo store and its media type. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('talent_profiles').addColumn('photo_sha256', 'text').execute()
  await db.schema.alterTable('talent_profiles').addColumn('photo_type', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('talent_profiles').dropColumn('photo_type').execute()
  await db.schema.alterTable('talent_profiles').dropColumn('photo_sha256').execute()
}
