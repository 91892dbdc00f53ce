import type { Kysely } from 'kysely'

/**
 * Portal content workflow: the kinds' own fields on `articles` (policy documents' authority,
 * number, dates and validity; a guide's steps and links as JSON; FAQ categories), review and
 * scheduling columns, and the attachments table. Existing articles keep their status
 * (draft / published / archived are still states of the workflow).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of [
    ['category', 'text'],
    ['authority', 'text'],
    ['document_number', 'text'],
    ['issue_date', 'text'],
    ['effective_date', 'text'],
    ['expiry_date', 'text'],
    ['validity', 'text'],
    ['guide', 'text'],
    ['publish_at', 'text'],
    ['unpublish_at', 'text'],
    ['submitted_by', 'text'],
    ['reviewed_by', 'text'],
    ['review_comment', 'text'],
  ] as const) {
    await db.schema.alterTable('articles').addColumn(name, type).execute()
  }
  await db.schema.createIndex('articles_kind_status').on('articles').columns(['kind', 'status']).execute()
  await db.schema
    .createTable('article_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_attachments_article')
    .on('article_attachments')
    .column('article_id')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_attachments').execute()
  await db.schema.dropIndex('articles_kind_status').execute()
  for (const name of [
    'category',
    'authority',
    'document_number',
    'issue_date',
    'effective_date',
    'expiry_date',
    'validity',
    'guide',
    'publish_at',
    'unpublish_at',
    'submitted_by',
    'reviewed_by',
    'review_comment',
  ]) {
    await db.schema.alterTable('articles').dropColumn(name).execute()
  }
}
