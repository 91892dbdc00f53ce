import type { z } from 'zod'
import type { extendClockRequest } from '../../../../contracts/cases.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { WriteContext } from '../../../kernel/http/context.ts'
import { cancelJobs } from '../../../kernel/jobs.ts'
import { workingDayCalendar } from '../../calendar/index.ts'
import { ruleVersionById } from '../deadline-rules.ts'
import { casesErrors } from '../errors.ts'
import { rescheduleClockJobs } from './clocks.ts'
import { findCase } from './engine.ts'
import { appendCaseEvent } from './timeline.ts'

interface Extension {
  length: number
  dayType: string
  reason: string
  by: string | null
  at: string
  from: string
  to: string
}

/**
 * Extends a clock as its rule allows (who, and how much in total, e.g. rules.md 5.10: +15 working
 * days; 7.11: up to 20 working days): the due date moves, with the reason, in the timeline and audit.
 */
export async function extendClock(
  context: WriteContext,
  caseId: string,
  clockId: string,
  input: z.output<typeof extendClockRequest>,
): Promise<void> {
  const { trx, actor, now } = context
  const row = await findCase(trx, actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  const clock = await trx
    .selectFrom('clocks')
    .selectAll()
    .where('id', '=', clockId)
    .where('case_id', '=', caseId)
    .executeTakeFirst()
  if (!clock) throw new AppError(casesErrors.clock_not_found)
  if (clock.status === 'met') throw new AppError(casesErrors.clock_not_open)
  const rule = (await ruleVersionById(trx, clock.rule_version_id))!
  const extension = rule.extension
  if (!extension?.roles.some((r) => actor.roles.includes(r))) {
    throw new AppError(casesErrors.clock_extension_not_allowed)
  }
  const previous = JSON.parse(clock.extensions) as Extension[]
  const used = previous.reduce((sum, e) => sum + e.length, 0)
  if (used + input.length > extension.maxLength) {
    throw new AppError(casesErrors.clock_extension_exceeds, {
      detail: { maxLength: extension.maxLength, used, dayType: extension.dayType },
    })
  }
  const calendar = await workingDayCalendar(trx)
  const due =
    extension.dayType === 'working'
      ? calendar.addWorkingDays(clock.due_date, input.length)
      : extension.dayType === 'calendar'
        ? calendar.addCalendarDays(clock.due_date, input.length, { rollForwardFromHoliday: rule.rollForward })
        : calendar.addMonths(clock.due_date, input.length, { rollForwardFromHoliday: rule.rollForward })
  const entry: Extension = {
    length: input.length,
    dayType: extension.dayType,
    reason: input.reason,
    by: actor.userId,
    at: now.toISOString(),
    from: clock.due_date,
    to: due,
  }
  const computation = JSON.parse(clock.computation)
  computation.adjustments.push({ kind: 'extension', ...entry })
  await trx
    .updateTable('clocks')
    .set({
      due_date: due,
      extensions: JSON.stringify([...previous, entry]),
      computation: JSON.stringify(computation),
      // A new due date: an escalation of the old one no longer stands.
      overdue_at: null,
      escalation: null,
    })
    .where('id', '=', clock.id)
    .execute()
  await cancelJobs(trx, `clock:${clock.id}:`, now)
  if (clock.status === 'running') await rescheduleClockJobs(trx, now, clock.id)
  await appendCaseEvent(trx, {
    caseId,
    at: now,
    actorId: actor.userId,
    actorLabel: actor.username ?? actor.kind,
    event: 'deadline.extended',
    data: { clockId: clock.id, ruleId: clock.rule_id, ...entry },
  })
  await context.audit({
    action: 'clock.extend',
    targetType: 'clock',
    targetId: clock.id,
    before: { dueDate: clock.due_date },
    after: { dueDate: due, extension: entry },
  })
}
