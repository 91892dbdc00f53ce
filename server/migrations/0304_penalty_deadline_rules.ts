import type { Kysely } from 'kysely'
import { newId } from '../kernel/ids.ts'
import { DEFAULT_EFFECTIVE_FROM } from '../modules/cases/deadline-rules.ts'
import { PENALTY_DEADLINE_RULES } from '../modules/cases/penalty.workflow.ts'

/** The penalty procedure's deadline rules (rules.md 5.18, 5.22) as version 1 defaults. */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString()
  await db
    .insertInto('deadline_rules')
    .values(
      PENALTY_DEADLINE_RULES.map(({ ruleId, ...definition }) => ({
        id: newId(),
        rule_id: ruleId,
        version: 1,
        effective_from: DEFAULT_EFFECTIVE_FROM,
        definition: JSON.stringify(definition),
        confidence: definition.confidence,
        note: 'rules.md default',
        created_by: null,
        created_at: now,
      })),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('deadline_rules')
    .where(
      'rule_id',
      'in',
      PENALTY_DEADLINE_RULES.map((r) => r.ruleId),
    )
    .where('note', '=', 'rules.md default')
    .execute()
}
