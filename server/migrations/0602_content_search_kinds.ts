import { type Kysely, sql } from 'kysely'

/**
 * Articles indexed before the content kinds became search facet types carry kind 'article' in the
 * index; give each its content kind (news, notice…) so type filters and facets find it without a
 * full reindex. The text itself is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`UPDATE search_documents SET kind = (
      SELECT a.kind FROM articles a WHERE a.id = search_documents.source_id
    )
    WHERE source = 'article' AND kind = 'article'
      AND EXISTS (SELECT 1 FROM articles a WHERE a.id = search_documents.source_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE search_documents SET kind = 'article' WHERE source = 'article'`.execute(db)
}
