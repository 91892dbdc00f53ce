import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../kernel/search/dialect.ts'

/**
 * SQLite only: search_rank by date (and seq, its rowid), newest first. A one-word search reads a
 * score level with tens of thousands of matches in this order and stops once the page is full,
 * instead of sorting every match (server/kernel/search/query.ts, bench/results/search.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`CREATE INDEX search_rank_date ON search_rank (sort_date)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`DROP INDEX search_rank_date`.execute(db)
}
