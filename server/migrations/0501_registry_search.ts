import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../kernel/search/dialect.ts'

/**
 * The IP registry (ip_assets, their holders, the key-enterprise protection list) and the one search
 * index (search_documents) shared by every searchable source. The index keeps the original text and,
 * next to it, the jieba-segmented text; SQLite indexes the segmented columns with an external-content
 * FTS5 table kept in step by triggers, PostgreSQL with a stored tsvector over the same tokens and GIN.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db)
  await db.schema
    .createTable('ip_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('granted_on', 'text')
    .addColumn('classes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('holder_entity_id', 'text', (c) => c.references('entities.id'))
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ip_assets_kind_number', ['kind', 'number'])
    .execute()
  await db.schema.createIndex('ip_assets_holder').on('ip_assets').column('holder_entity_id').execute()
  await db.schema
    .createTable('ip_asset_holders')
    .addColumn('asset_id', 'text', (c) => c.notNull().references('ip_assets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text')
    .addColumn('entity_id', 'text', (c) => c.references('entities.id'))
    .addPrimaryKeyConstraint('ip_asset_holders_pk', ['asset_id', 'position'])
    .execute()
  await db.schema.createIndex('ip_asset_holders_entity').on('ip_asset_holders').column('entity_id').execute()
  await db.schema
    .createTable('key_enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull().unique().references('entities.id'))
    .addColumn('listed_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // The search index. `seq` is the FTS5 rowid on SQLite (an INTEGER PRIMARY KEY is the rowid, so it
  // survives VACUUM) and an identity column on PostgreSQL; it is also the last ranking tie-break.
  await db.schema
    .createTable('search_documents')
    .addColumn('seq', dialect === 'sqlite' ? 'integer' : 'bigint', (c) =>
      dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('seg_title', 'text', (c) => c.notNull())
    .addColumn('seg_body', 'text', (c) => c.notNull())
    .addColumn('seg_names', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_documents_source', ['source', 'source_id'])
    .execute()
  await db.schema
    .createIndex('search_documents_kind_date')
    .on('search_documents')
    .columns(['kind', 'sort_date'])
    .execute()
  await db.schema
    .createTable('search_identifiers')
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().references('search_documents.seq').onDelete('cascade'))
    .addPrimaryKeyConstraint('search_identifiers_pk', ['value', 'seq'])
    .execute()
  await db.schema.createIndex('search_identifiers_seq').on('search_identifiers').column('seq').execute()
  await db.schema
    .createTable('search_classes')
    .addColumn('seq', 'bigint', (c) => c.notNull().references('search_documents.seq').onDelete('cascade'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_classes_pk', ['seq', 'scheme', 'code'])
    .execute()
  await db.schema
    .createIndex('search_classes_code')
    .on('search_classes')
    .columns(['scheme', 'code'])
    .execute()

  if (dialect === 'sqlite') {
    // External content: FTS5 reads the segmented columns of search_documents by name, so 'rebuild',
    // 'integrity-check' and 'delete' see the same tokens the index holds (perf-limits.md §c caveat).
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(seg_title, seg_body, seg_names,
      content='search_documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 0')`.execute(db)
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, seg_title, seg_body, seg_names)
      VALUES (new.seq, new.seg_title, new.seg_body, new.seg_names); END`.execute(db)
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, seg_title, seg_body, seg_names)
      VALUES ('delete', old.seq, old.seg_title, old.seg_body, old.seg_names); END`.execute(db)
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE OF seg_title, seg_body, seg_names ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, seg_title, seg_body, seg_names)
      VALUES ('delete', old.seq, old.seg_title, old.seg_body, old.seg_names);
      INSERT INTO search_fts(rowid, seg_title, seg_body, seg_names)
      VALUES (new.seq, new.seg_title, new.seg_body, new.seg_names); END`.execute(db)
  } else {
    // array_to_tsvector takes the tokens as they are: no parser, no stemming, exactly FTS5's tokens.
    await sql`ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
      array_to_tsvector(array_remove(string_to_array(seg_title || ' ' || seg_body || ' ' || seg_names, ' '), ''))) STORED`.execute(
      db,
    )
    await sql`CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  for (const table of [
    'search_classes',
    'search_identifiers',
    'search_documents',
    'key_enterprises',
    'ip_asset_holders',
    'ip_assets',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
