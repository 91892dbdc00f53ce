import type { Kysely } from 'kysely'
import { defaultRuleRows } from '../modules/cases/deadline-rules.ts'

/**
 * Deadline rules as effective-dated data. The defaults from rules.md are reference data, loaded
 * here so that production has them too; later changes are new versions, never edits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deadline_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deadline_rules_rule_version', ['rule_id', 'version'])
    .execute()
  await db.schema
    .createIndex('deadline_rules_effective')
    .on('deadline_rules')
    .columns(['rule_id', 'effective_from'])
    .execute()
  await db.insertInto('deadline_rules').values(defaultRuleRows(new Date().toISOString())).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadline_rules').execute()
}
