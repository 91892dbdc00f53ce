import type { Kysely } from 'kysely'

/**
 * The evidence log (存证): deposits with their files, the canonical log entries, the stored
 * complete-subtree node hashes of the RFC 6962 tree, signed checkpoints, the signing keys ever used,
 * and the one-row log head that sequencers lock (the lease that makes one sequencer at a time).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_deposits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('depositor_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('matter_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('capture_url', 'text')
    .addColumn('captured_at', 'text')
    /** Hex salt of the depositor and title commitments; never leaves the server. */
    .addColumn('salt', 'text', (c) => c.notNull())
    /** The canonical entry bytes (ASCII JSON, docs/evidence-log.md §1). */
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    /** Leaf index once integrated; null while pending. */
    .addColumn('leaf_index', 'bigint')
    .addColumn('integrated_at', 'text')
    .execute()
  await db.schema
    .createIndex('evidence_deposits_depositor')
    .on('evidence_deposits')
    .column('depositor_id')
    .execute()
  await db.schema
    .createIndex('evidence_deposits_entity')
    .on('evidence_deposits')
    .column('entity_id')
    .execute()
  await db.schema.createIndex('evidence_deposits_case').on('evidence_deposits').column('case_id').execute()
  await db.schema
    .createIndex('evidence_deposits_pending')
    .on('evidence_deposits')
    .columns(['leaf_index', 'received_at', 'id'])
    .execute()
  await db.schema
    .createIndex('evidence_deposits_leaf')
    .on('evidence_deposits')
    .column('leaf_index')
    .unique()
    .execute()

  await db.schema
    .createTable('evidence_files')
    .addColumn('deposit_id', 'text', (c) => c.notNull().references('evidence_deposits.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_files_pk', ['deposit_id', 'position'])
    .execute()
  await db.schema.createIndex('evidence_files_sha256').on('evidence_files').column('sha256').execute()

  await db.schema
    .createTable('evidence_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'bigint', (c) => c.notNull())
    /** Hex SHA-256 of the complete subtree of 2^level leaves starting at leaf idx·2^level. */
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_nodes_pk', ['level', 'idx'])
    .execute()

  await db.schema
    .createTable('evidence_checkpoints')
    .addColumn('tree_size', 'bigint', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    /** The signed note, verbatim. */
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('evidence_keys')
    .addColumn('vkey', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('first_used_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('evidence_log_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db
    .insertInto('evidence_log_head')
    .values({ id: 1, tree_size: 0, updated_at: new Date().toISOString() })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'evidence_log_head',
    'evidence_keys',
    'evidence_checkpoints',
    'evidence_nodes',
    'evidence_files',
    'evidence_deposits',
  ]) {
    await db.schema.dropTable(t).execute()
  }
}
