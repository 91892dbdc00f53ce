import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../kernel/search/dialect.ts'

/**
 * SQLite only: FTS5 merges its per-transaction segments once 8 share a level instead of 4. Every
 * record written in its own transaction (a complaint intake, a content step) adds a segment, and
 * merging them was the largest share of a commit; queries read a few more small segments beside the
 * big optimised one (bench/results/cases.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 8)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 4)`.execute(db)
}
