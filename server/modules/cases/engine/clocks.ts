// Statutory clocks: started, met, suspended and resumed by case transitions, computed on the
// working-day calendar with the rule version in force when the clock started. Reminders and the
// overdue escalation are jobs in the database (deduplicated, cancelled when the clock stops).
import { addDays, type WorkingDayCalendar } from '../../../../contracts/calendar/index.ts'
import type { Tx } from '../../../database.ts'
import { insertRows } from '../../../kernel/db/prepared.ts'
import { AppError } from '../../../kernel/errors.ts'
import { newId } from '../../../kernel/ids.ts'
import {
  cancelJobs,
  type EnqueueOptions,
  enqueueJob,
  enqueueJobs,
  type JobHandler,
} from '../../../kernel/jobs.ts'
import { SCHEDULE_LOADED_EVENT, workingDayCalendar } from '../../calendar/index.ts'
import { findOrganization } from '../../identity/organizations.repository.ts'
import { type RuleVersion, ruleInForce, ruleVersionById } from '../deadline-rules.ts'
import { casesErrors } from '../errors.ts'
import { appendCaseEvent } from './timeline.ts'

/** Agencies work on China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3600_000

/** The calendar date in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of `hour`:00 China time on a date. */
function chinaTime(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS + hour * 3600_000)
}

export const REMINDER_JOB = 'cases.clockReminder'
export const OVERDUE_JOB = 'cases.clockOverdue'
const REMINDER_HOUR = 9

interface ClockContext {
  trx: Tx
  now: Date
  caseId: string
  districtId: string | null
}

function dueOf(calendar: WorkingDayCalendar, rule: RuleVersion, from: string) {
  return calendar.computeDeadline({
    from,
    length: rule.length,
    unit: rule.dayType,
    startDayCounts: rule.startDayCounts,
    ...(rule.dayType === 'working' ? {} : { rollForwardFromHoliday: rule.rollForward }),
  })
}

export async function startClock(context: ClockContext, ruleId: string): Promise<void> {
  const { trx, now } = context
  const rule = await ruleInForce(trx, ruleId, now.toISOString())
  if (!rule) throw new AppError(casesErrors.deadline_rule_missing, { detail: { ruleId } })
  const calendar = await workingDayCalendar(trx)
  const startDate = chinaDate(now)
  const computation = dueOf(calendar, rule, startDate)
  const id = newId(now.getTime())
  await insertRows(trx, 'clocks', [
    {
      id,
      case_id: context.caseId,
      rule_id: ruleId,
      rule_version_id: rule.id,
      district_id: context.districtId,
      status: 'running',
      started_at: now.toISOString(),
      start_date: startDate,
      due_date: computation.due,
      computation: JSON.stringify({ ...computation, ruleVersion: rule.version, adjustments: [] }),
      suspended_on: null,
      suspensions: '[]',
      extensions: '[]',
      met_at: null,
      overdue_at: null,
      escalation: null,
    },
  ])
  await scheduleJobs(trx, now, calendar, rule, { id, due: computation.due, startDate })
}

async function openClocks(trx: Tx, caseId: string, ruleId: string, status: 'running' | 'suspended') {
  return trx
    .selectFrom('clocks')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('rule_id', '=', ruleId)
    .where('status', '=', status)
    .execute()
}

/** Meets every running or suspended clock of the rule on the case; a clock not running is left alone. */
export async function meetClock(context: ClockContext, ruleId: string): Promise<void> {
  const { trx, now } = context
  for (const status of ['running', 'suspended'] as const) {
    for (const clock of await openClocks(trx, context.caseId, ruleId, status)) {
      await trx
        .updateTable('clocks')
        .set({ status: 'met', met_at: now.toISOString(), suspended_on: null })
        .where('id', '=', clock.id)
        .execute()
      await cancelJobs(trx, `clock:${clock.id}:`, now)
    }
  }
}

export async function suspendClock(context: ClockContext, ruleId: string): Promise<void> {
  const { trx, now } = context
  for (const clock of await openClocks(trx, context.caseId, ruleId, 'running')) {
    await trx
      .updateTable('clocks')
      .set({ status: 'suspended', suspended_on: chinaDate(now) })
      .where('id', '=', clock.id)
      .execute()
    await cancelJobs(trx, `clock:${clock.id}:`, now)
  }
}

/**
 * Resumes a suspended clock: the due date moves by the days (of the rule's type) that passed while
 * suspended, counted like the period itself, from the day after the suspension began to the day of
 * resumption.
 */
export async function resumeClock(context: ClockContext, ruleId: string): Promise<void> {
  const { trx, now } = context
  const calendar = await workingDayCalendar(trx)
  for (const clock of await openClocks(trx, context.caseId, ruleId, 'suspended')) {
    const rule = (await ruleVersionById(trx, clock.rule_version_id))!
    const from = clock.suspended_on!
    const to = chinaDate(now)
    const days =
      rule.dayType === 'working'
        ? Math.max(0, calendar.countWorkingDays(from, to))
        : Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
    const due =
      rule.dayType === 'working'
        ? calendar.addWorkingDays(clock.due_date, days)
        : calendar.addCalendarDays(clock.due_date, days, { rollForwardFromHoliday: rule.rollForward })
    const suspensions = [...JSON.parse(clock.suspensions), { from, to, days, unit: rule.dayType }]
    const computation = JSON.parse(clock.computation)
    computation.adjustments.push({ kind: 'suspension', from, to, days, unit: rule.dayType, due })
    await trx
      .updateTable('clocks')
      .set({
        status: 'running',
        suspended_on: null,
        due_date: due,
        suspensions: JSON.stringify(suspensions),
        computation: JSON.stringify(computation),
      })
      .where('id', '=', clock.id)
      .execute()
    await scheduleJobs(trx, now, calendar, rule, { id: clock.id, due, startDate: to })
  }
}

/** Schedules the reminders and escalation of a running clock for its current due date. */
export async function rescheduleClockJobs(trx: Tx, now: Date, clockId: string): Promise<void> {
  const clock = await trx.selectFrom('clocks').selectAll().where('id', '=', clockId).executeTakeFirstOrThrow()
  const rule = (await ruleVersionById(trx, clock.rule_version_id))!
  const calendar = await workingDayCalendar(trx)
  await scheduleJobs(trx, now, calendar, rule, {
    id: clock.id,
    due: clock.due_date,
    startDate: chinaDate(now),
  })
}

/** The working day `offset` working days before `due` (due itself for 0). */
function workingDaysBefore(calendar: WorkingDayCalendar, due: string, offset: number): string {
  let d = due
  for (let i = 0; i < offset; ) {
    d = addDays(d, -1)
    if (calendar.isWorkingDay(d)) i++
  }
  return d
}

/**
 * One job per reminder offset (09:00 China time on that working day) and one at the start of the day
 * after the due date for the overdue escalation. Dedupe keys carry the due date, so that a clock
 * whose due date moved gets fresh jobs while the old ones are cancelled.
 */
async function scheduleJobs(
  trx: Tx,
  now: Date,
  calendar: WorkingDayCalendar,
  rule: RuleVersion,
  clock: { id: string; due: string; startDate: string },
) {
  const jobs: EnqueueOptions[] = []
  for (const offset of rule.reminderOffsets) {
    const day = workingDaysBefore(calendar, clock.due, offset)
    if (day <= clock.startDate) continue
    jobs.push({
      kind: REMINDER_JOB,
      runAt: chinaTime(day, REMINDER_HOUR),
      payload: { clockId: clock.id, due: clock.due, offset },
      dedupeKey: `clock:${clock.id}:remind:${clock.due}:${offset}`,
    })
  }
  jobs.push({
    kind: OVERDUE_JOB,
    runAt: chinaTime(addDays(clock.due, 1), 0),
    payload: { clockId: clock.id, due: clock.due },
    dedupeKey: `clock:${clock.id}:overdue:${clock.due}`,
  })
  await enqueueJobs(trx, now, jobs)
}

async function engineEvent(trx: Tx, now: Date, caseId: string, event: string, data: unknown) {
  await appendCaseEvent(trx, { caseId, at: now, actorId: null, actorLabel: 'system', event, data })
}

/** The organization an overdue clock escalates to: the case's district, its parent, or the city. */
async function escalationOrg(trx: Tx, districtId: string | null, level: 'same' | 'parent' | 'city') {
  if (districtId === null || level === 'same') return districtId
  let org = await findOrganization(trx, districtId)
  if (level === 'parent') return org?.parent_id ?? districtId
  while (org?.parent_id) org = await findOrganization(trx, org.parent_id)
  return org?.id ?? districtId
}

const RECOMPUTE_BATCH = 500

/**
 * After a holiday schedule is loaded: recomputes the open clocks whose due date was computed
 * without some year's holidays (warning `beyondSchedule`), from their start date with their own rule
 * version, re-applying their suspensions and extensions. Pages by id; enqueues its own next page.
 */
async function recomputeBeyondSchedule(trx: Tx, now: Date, payload: { year: number; after?: string }) {
  const calendar = await workingDayCalendar(trx)
  const clocks = await trx
    .selectFrom('clocks')
    .selectAll()
    .where('status', 'in', ['running', 'suspended'])
    .where('computation', 'like', '%"beyondSchedule"%')
    .where('id', '>', payload.after ?? '')
    .orderBy('id')
    .limit(RECOMPUTE_BATCH)
    .execute()
  for (const clock of clocks) {
    const rule = (await ruleVersionById(trx, clock.rule_version_id))!
    const base = dueOf(calendar, rule, clock.start_date)
    const old = JSON.parse(clock.computation) as { adjustments: Record<string, unknown>[] }
    let due = base.due
    for (const a of old.adjustments) {
      const unit = (a.kind === 'suspension' ? a.unit : a.dayType) as string
      const n = (a.kind === 'suspension' ? a.days : a.length) as number
      const roll = { rollForwardFromHoliday: rule.rollForward }
      due =
        unit === 'working'
          ? calendar.addWorkingDays(due, n)
          : unit === 'calendar'
            ? calendar.addCalendarDays(due, n, roll)
            : calendar.addMonths(due, n, roll)
    }
    const warnings = base.warnings.length || calendar.isBeyondSchedule(due) ? ['beyondSchedule'] : []
    const computation = {
      ...base,
      warnings,
      ruleVersion: rule.version,
      adjustments: old.adjustments,
      recomputedAt: now.toISOString(),
    }
    const moved = due !== clock.due_date
    await trx
      .updateTable('clocks')
      .set({
        due_date: due,
        computation: JSON.stringify(computation),
        ...(moved ? { overdue_at: null, escalation: null } : {}),
      })
      .where('id', '=', clock.id)
      .execute()
    if (moved) {
      await cancelJobs(trx, `clock:${clock.id}:`, now)
      if (clock.status === 'running')
        await scheduleJobs(trx, now, calendar, rule, { id: clock.id, due, startDate: chinaDate(now) })
    }
    await engineEvent(trx, now, clock.case_id, 'deadline.recomputed', {
      clockId: clock.id,
      ruleId: clock.rule_id,
      scheduleYear: payload.year,
      from: clock.due_date,
      to: due,
    })
  }
  if (clocks.length === RECOMPUTE_BATCH) {
    await enqueueJob(trx, now, {
      kind: SCHEDULE_LOADED_EVENT,
      payload: { year: payload.year, after: clocks.at(-1)!.id },
    })
  }
}

/** The clock jobs: a reminder ahead of the due date, the escalation of an overdue clock, and
 * the recomputation after a holiday schedule is loaded. */
/**
 * Called when a clock runs out, before any escalation; returns true when the case's procedure
 * handled the expiry itself (e.g. takedown measures lapse), so that nothing escalates.
 */
export type ExpiryHandler = (
  context: { trx: Tx; now: Date; jobId: string },
  clock: { id: string; caseId: string; ruleId: string },
) => Promise<boolean>

/** Follow-ups of a reminder or an escalation (inbox notifications, supervision notices), in the job's transaction. */
export interface ClockHooks {
  onReminder?(
    context: { trx: Tx; now: Date; jobId: string },
    clock: { id: string; caseId: string; ruleId: string; due: string; workingDaysLeft: number },
  ): Promise<void>
  onOverdue?(
    context: { trx: Tx; now: Date; jobId: string },
    clock: { id: string; caseId: string; ruleId: string; due: string; districtId: string | null },
    escalation: { role: string; level: string; orgId: string | null } | null,
  ): Promise<void>
}

export function clockJobs(onExpiry?: ExpiryHandler, hooks: ClockHooks = {}): JobHandler[] {
  return [
    {
      kind: SCHEDULE_LOADED_EVENT,
      run: ({ trx, now }, payload: { year: number; after?: string }) =>
        recomputeBeyondSchedule(trx, now, payload),
    },
    {
      kind: REMINDER_JOB,
      async run({ trx, now, jobId }, payload: { clockId: string; due: string; offset: number }) {
        const clock = await trx
          .selectFrom('clocks')
          .selectAll()
          .where('id', '=', payload.clockId)
          .executeTakeFirst()
        if (clock?.status !== 'running' || clock.due_date !== payload.due) return
        await engineEvent(trx, now, clock.case_id, 'deadline.reminder', {
          clockId: clock.id,
          ruleId: clock.rule_id,
          due: clock.due_date,
          workingDaysLeft: payload.offset,
        })
        await hooks.onReminder?.(
          { trx, now, jobId },
          {
            id: clock.id,
            caseId: clock.case_id,
            ruleId: clock.rule_id,
            due: clock.due_date,
            workingDaysLeft: payload.offset,
          },
        )
      },
    },
    {
      kind: OVERDUE_JOB,
      async run({ trx, now, jobId }, payload: { clockId: string; due: string }) {
        const clock = await trx
          .selectFrom('clocks')
          .selectAll()
          .where('id', '=', payload.clockId)
          .executeTakeFirst()
        if (clock?.status !== 'running' || clock.due_date !== payload.due || clock.overdue_at) return
        if (
          await onExpiry?.(
            { trx, now, jobId },
            { id: clock.id, caseId: clock.case_id, ruleId: clock.rule_id },
          )
        ) {
          return
        }
        const rule = (await ruleVersionById(trx, clock.rule_version_id))!
        const escalation = rule.escalation
          ? {
              role: rule.escalation.role,
              level: rule.escalation.level,
              orgId: await escalationOrg(trx, clock.district_id, rule.escalation.level),
            }
          : null
        await trx
          .updateTable('clocks')
          .set({ overdue_at: now.toISOString(), escalation: escalation ? JSON.stringify(escalation) : null })
          .where('id', '=', clock.id)
          .execute()
        await engineEvent(trx, now, clock.case_id, 'deadline.overdue', {
          clockId: clock.id,
          ruleId: clock.rule_id,
          due: clock.due_date,
          escalation,
        })
        await hooks.onOverdue?.(
          { trx, now, jobId },
          {
            id: clock.id,
            caseId: clock.case_id,
            ruleId: clock.rule_id,
            due: clock.due_date,
            districtId: clock.district_id,
          },
          escalation,
        )
      },
    },
  ]
}
