import type { Kysely } from 'kysely'

/**
 * Statements (non-file log entries, docs/evidence-log.md §1.2): another module's digest committed to
 * the evidence log in that module's transaction, e.g. a random-inspection draw's input commitment.
 * Sequenced together with deposits in (received_at, id) order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    /** Private JSON the caller keeps with the statement; never enters the log. */
    .addColumn('metadata', 'text', (c) => c.notNull())
    /** The canonical entry bytes (ASCII JSON). */
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('leaf_index', 'bigint')
    .addColumn('integrated_at', 'text')
    .execute()
  await db.schema
    .createIndex('evidence_statements_pending')
    .on('evidence_statements')
    .columns(['leaf_index', 'received_at', 'id'])
    .execute()
  await db.schema
    .createIndex('evidence_statements_leaf')
    .on('evidence_statements')
    .column('leaf_index')
    .unique()
    .execute()
  await db.schema
    .createIndex('evidence_statements_ref')
    .on('evidence_statements')
    .columns(['kind', 'ref'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_statements').execute()
}
