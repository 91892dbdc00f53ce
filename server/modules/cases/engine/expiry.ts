import { makeWriteContext } from '../../../kernel/http/context.ts'
import type { ExpiryHandler } from './clocks.ts'
import { caseTypeOf } from './declaration.ts'
import { applyTransition } from './engine.ts'
import { systemActor } from './system.ts'

/**
 * Takes the transition a case type declares for a rule's expiry (`onExpiry`), in the job's
 * transaction, with timeline and audit like any other step. The transition must meet the clock.
 */
export const expireByDeclaration: ExpiryHandler = async ({ trx, now, jobId }, clock) => {
  const row = await trx
    .selectFrom('cases')
    .select(['type', 'state'])
    .where('id', '=', clock.caseId)
    .executeTakeFirst()
  const declaration = row ? caseTypeOf(row.type) : undefined
  const name = declaration?.onExpiry?.[clock.ruleId]
  const transition = declaration?.transitions.find((t) => t.name === name)
  if (!row || !transition?.from.includes(row.state)) return false
  const context = makeWriteContext(trx, systemActor, now, 'zh-CN', { ip: 'system', requestId: jobId })
  await applyTransition(context, clock.caseId, transition.name, { ruleId: clock.ruleId })
  return true
}
