import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../kernel/search/dialect.ts'

/**
 * SQLite only: a narrow copy of what ranking, filtering and scoping read (no original or body
 * text), kept in step by triggers on search_documents. Ranking a common term touches every
 * matching row; reading it from ~150-byte rows instead of ~2 KB ones is most of the query's cost
 * at a million documents (bench/results/search.md). PostgreSQL matches through the tsvector
 * column of search_documents itself and does not use this table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`CREATE TABLE search_rank (
    seq INTEGER PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, district_id TEXT,
    entity_id TEXT, published INTEGER NOT NULL, sort_date TEXT NOT NULL,
    seg_title TEXT NOT NULL, seg_names TEXT NOT NULL)`.execute(db)
  await sql`INSERT INTO search_rank SELECT seq, source, kind, district_id, entity_id, published, sort_date,
    seg_title, seg_names FROM search_documents`.execute(db)
  await sql`CREATE TRIGGER search_rank_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_rank VALUES (new.seq, new.source, new.kind, new.district_id, new.entity_id,
      new.published, new.sort_date, new.seg_title, new.seg_names); END`.execute(db)
  await sql`CREATE TRIGGER search_rank_au AFTER UPDATE ON search_documents BEGIN
    UPDATE search_rank SET source = new.source, kind = new.kind, district_id = new.district_id,
      entity_id = new.entity_id, published = new.published, sort_date = new.sort_date,
      seg_title = new.seg_title, seg_names = new.seg_names WHERE seq = old.seq; END`.execute(db)
  await sql`CREATE TRIGGER search_rank_ad AFTER DELETE ON search_documents BEGIN
    DELETE FROM search_rank WHERE seq = old.seq; END`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  for (const t of ['search_rank_ai', 'search_rank_au', 'search_rank_ad'])
    await sql`DROP TRIGGER ${sql.raw(t)}`.execute(db)
  await sql`DROP TABLE search_rank`.execute(db)
}
