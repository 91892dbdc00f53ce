import type { z } from 'zod'
import type { DeadlineRule, putDeadlineRuleRequest } from '../../../contracts/cases.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import {
  insertRuleVersion,
  listRuleVersions,
  presentRule,
  type RuleVersion,
  ruleVersions,
} from './deadline-rules.ts'
import { casesErrors } from './errors.ts'

/** Every version of every rule, each flagged when it is the one a clock starting now would use. */
export async function listDeadlineRules(context: ReadContext): Promise<{ items: DeadlineRule[] }> {
  const now = context.now.toISOString()
  const versions = await listRuleVersions(context.db)
  const inForce = new Map<string, RuleVersion>()
  for (const v of versions) {
    const current = inForce.get(v.ruleId)
    if (v.effectiveFrom <= now && (!current || v.effectiveFrom >= current.effectiveFrom))
      inForce.set(v.ruleId, v)
  }
  return { items: versions.map((v) => presentRule(v, inForce.get(v.ruleId) === v)) }
}

/**
 * An administrator changes a rule: always a new version, effective now or later, so a clock that
 * already started keeps the version it started under.
 */
export async function changeDeadlineRule(
  context: WriteContext,
  ruleId: string,
  input: z.output<typeof putDeadlineRuleRequest>,
): Promise<DeadlineRule> {
  const versions = await ruleVersions(context.trx, ruleId)
  const latest = versions.at(-1)
  if (!latest) throw new AppError(casesErrors.deadline_rule_not_found)
  const now = context.now.toISOString()
  const effectiveFrom = input.effectiveFrom ? new Date(input.effectiveFrom).toISOString() : now
  if (effectiveFrom < now || versions.some((v) => v.effectiveFrom > effectiveFrom)) {
    throw new AppError(casesErrors.deadline_rule_effective_past)
  }
  const { effectiveFrom: _e, note, ...definition } = input
  const created = await insertRuleVersion(context.trx, {
    ruleId,
    version: latest.version + 1,
    effectiveFrom,
    definition,
    note,
    createdBy: context.actor.userId,
    createdAt: now,
  })
  await context.audit({
    action: 'deadlineRule.version.create',
    targetType: 'deadlineRule',
    targetId: ruleId,
    before: presentRule(latest, false),
    after: presentRule(created, effectiveFrom === now),
  })
  return presentRule(created, effectiveFrom === now)
}
