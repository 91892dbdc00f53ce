import { type Kysely, sql } from 'kysely'

// Every lookup through these indexes is by equality (an owner, a submitter, a respondent's USCC), so
// rows without the value need no entry: an anonymous complaint then writes four index entries fewer.
const partial = [
  ['matters_owner_entity', 'matters', 'owner_entity_id'],
  ['matters_respondent', 'matters', 'respondent_uscc'],
  ['case_submissions_entity', 'case_submissions', 'entity_id'],
  ['case_submissions_user', 'case_submissions', 'user_id'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of partial) {
    await db.schema.dropIndex(name).execute()
    await db.schema
      .createIndex(name)
      .on(table)
      .column(column)
      .where(sql.ref(column), 'is not', null)
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table, column] of partial) {
    await db.schema.dropIndex(name).execute()
    await db.schema.createIndex(name).on(table).column(column).execute()
  }
}
