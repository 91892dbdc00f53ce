import type { z } from 'zod'
import { ROLE_PERMISSIONS, ROLES } from '../../../contracts/access.ts'
import type {
  milestoneCompleteRequest,
  noticeActionRequest,
  noticeListQuery,
  noticeView,
} from '../../../contracts/cockpit.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, anonymousActor, can } from '../../kernel/access.ts'
import { writeAudit } from '../../kernel/audit.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import type { JobContext, JobHandler } from '../../kernel/jobs.ts'
import { enqueueJob } from '../../kernel/jobs.ts'
import { workingDayCalendar } from '../calendar/index.ts'
import { notifyUsers } from '../notify/index.ts'
import { chinaToday } from './dates.ts'
import { SWEEP_JOB } from './default-plan.ts'
import { cockpitErrors } from './errors.ts'
import { targetHistory, unitNames, unitOf } from './plans.service.ts'

type Executor = Db | Tx

/** The supervision sweep as the audit log records it. */
const sweepActor: Actor = Object.freeze({
  ...anonymousActor,
  kind: 'user',
  username: 'system',
  displayName: '督办巡查',
})
type NoticeRow = Database['cockpit_notices']
interface NoticeEvent {
  at: string
  kind: 'raised' | 'response' | 'followUp' | 'closed'
  by: string | null
  /** The actor's display name when the step was taken. */
  byName?: string | null
  text: string
}

/** Active users of the organization whose code is `unit`: the responsible unit's staff. */
async function usersOfUnit(trx: Tx, unit: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.org_id')
    .select('users.id')
    .where('organizations.code', '=', unit)
    .where('users.status', '=', 'active')
    .execute()
  return rows.map((r) => r.id)
}

/** Active holders of a role that manages plans: the plan office. */
async function planOffice(trx: Tx): Promise<string[]> {
  const roles = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('cockpit.manage'))
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', 'in', roles)
    .where('users.status', '=', 'active')
    .execute()
  return rows.map((r) => r.id)
}

const NOTICE_TITLES = {
  raised: { zh: '督办通知', en: 'Supervision notice' },
  response: { zh: '督办答复', en: 'Response to a supervision notice' },
  followUp: { zh: '督办跟进', en: 'Follow-up on a supervision notice' },
  closed: { zh: '督办办结', en: 'Supervision notice closed' },
} as const

/**
 * Puts a notice's step in the inbox of the responsible unit's staff (and, for a response, of the plan
 * office), in the transaction that made the step; step `n` of a notice is notified once.
 */
async function notifyNoticeStep(
  trx: Tx,
  now: Date,
  notice: { id: string; unit_code: string; subject_label: string; response_due: string },
  kind: NoticeEvent['kind'],
  step: number,
  text: string,
) {
  const users = await usersOfUnit(trx, notice.unit_code)
  if (kind === 'response') users.push(...(await planOffice(trx)))
  const title = NOTICE_TITLES[kind]
  await notifyUsers(trx, now, users, {
    kind: `cockpit.notice.${kind}`,
    title: { zh: `${title.zh}：${notice.subject_label}`, en: `${title.en}: ${notice.subject_label}` },
    body: `${text}\n答复期限 / Response due: ${notice.response_due}`,
    subject: { type: 'cockpitNotice', id: notice.id },
    dedupeKey: `cockpit-notice:${notice.id}:${step}`,
  })
}

async function responseDue(trx: Executor, today: string, days: number): Promise<string> {
  return (await workingDayCalendar(trx)).addWorkingDays(today, days)
}

async function raise(
  trx: Tx,
  now: Date,
  notice: Omit<NoticeRow, 'id' | 'raised_at' | 'response_due' | 'state' | 'events' | 'updated_at'>,
  days: number,
): Promise<boolean> {
  const today = chinaToday(now)
  const due = await responseDue(trx, today, days)
  const events: NoticeEvent[] = [{ at: now.toISOString(), kind: 'raised', by: null, text: notice.reason }]
  const id = newId(now.getTime())
  const result = await trx
    .insertInto('cockpit_notices')
    .values({
      id,
      ...notice,
      raised_at: now.toISOString(),
      response_due: due,
      state: 'open',
      events: JSON.stringify(events),
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst()
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0
  if (inserted) {
    await notifyNoticeStep(trx, now, { id, ...notice, response_due: due }, 'raised', 0, notice.reason)
    await writeAudit(
      trx,
      { actor: sweepActor, at: now },
      {
        action: 'cockpit.notice.raised',
        targetType: 'cockpit_notice',
        targetId: notice.dedupe_key,
        after: { ...notice, responseDue: due },
      },
    )
  }
  return inserted
}

/**
 * The supervision rule (docs/plan-format.md): a milestone past its due date and not done raises one
 * notice to its task's lead unit; a target red in its two latest ended periods raises a notice to its
 * responsible unit, unless one for that target is still open. Returns the notices raised.
 */
export async function sweep(trx: Tx, now: Date): Promise<number> {
  const today = chinaToday(now)
  let raised = 0
  const plans = await trx.selectFrom('cockpit_plans').selectAll().execute()
  for (const plan of plans) {
    const overdue = await trx
      .selectFrom('cockpit_milestones')
      .innerJoin('cockpit_tasks', 'cockpit_tasks.id', 'cockpit_milestones.task_id')
      .select([
        'cockpit_milestones.id',
        'cockpit_milestones.title',
        'cockpit_milestones.due_date',
        'cockpit_tasks.section',
        'cockpit_tasks.lead_unit',
      ])
      .where('cockpit_milestones.plan_id', '=', plan.id)
      .where('cockpit_milestones.completed_on', 'is', null)
      .where('cockpit_milestones.due_date', '<', today)
      .execute()
    for (const m of overdue) {
      const ok = await raise(
        trx,
        now,
        {
          plan_id: plan.id,
          kind: 'milestoneOverdue',
          unit_code: m.lead_unit,
          subject_type: 'milestone',
          subject_id: m.id,
          subject_label: `${m.section} ${m.title}`,
          reason: `任务节点逾期未完成（时限 ${m.due_date}）/ Milestone overdue (due ${m.due_date})`,
          dedupe_key: `milestone:${m.id}`,
        },
        plan.response_working_days,
      )
      if (ok) raised++
    }
    const targets = await trx
      .selectFrom('cockpit_targets')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .execute()
    for (const t of targets) {
      const history = await targetHistory(trx, plan, t, today)
      const [previous, latest] = history.slice(-2)
      if (!previous || !latest || previous.status !== 'red' || latest.status !== 'red') continue
      const open = await trx
        .selectFrom('cockpit_notices')
        .select('id')
        .where('subject_id', '=', t.id)
        .where('state', '!=', 'closed')
        .executeTakeFirst()
      if (open) continue
      const ok = await raise(
        trx,
        now,
        {
          plan_id: plan.id,
          kind: 'offTrajectory',
          unit_code: t.unit_code,
          subject_type: 'target',
          subject_id: t.id,
          subject_label: `${t.code} ${t.indicator_zh}`,
          reason: `连续两期落后于进度（${previous.period}、${latest.period}）/ Behind trajectory two periods running (${previous.period}, ${latest.period})`,
          dedupe_key: `target:${t.id}:${latest.period}`,
        },
        plan.response_working_days,
      )
      if (ok) raised++
    }
  }
  return raised
}

/** The daily sweep: runs, then schedules tomorrow's at 01:00 China time (one job per date). */
export function sweepJobs(): JobHandler[] {
  return [
    {
      kind: SWEEP_JOB,
      async run({ trx, now }: JobContext) {
        await sweep(trx, now)
        const tomorrow = new Date(Date.parse(`${chinaToday(now)}T01:00:00+08:00`) + 86_400_000)
        await enqueueJob(trx, now, {
          kind: SWEEP_JOB,
          runAt: tomorrow,
          dedupeKey: `${SWEEP_JOB}:${tomorrow.toISOString().slice(0, 10)}`,
        })
      },
    },
  ]
}

function noticeViewOf(
  n: NoticeRow,
  today: string,
  names: Map<string, { zh: string; en: string }>,
): z.output<typeof noticeView> {
  const events = JSON.parse(n.events) as NoticeEvent[]
  return {
    id: n.id,
    planId: n.plan_id,
    kind: n.kind as 'offTrajectory',
    unit: n.unit_code,
    unitName: names.get(n.unit_code) ?? null,
    subjectType: n.subject_type as 'target',
    subjectId: n.subject_id,
    subjectLabel: n.subject_label,
    reason: n.reason,
    raisedAt: n.raised_at,
    responseDue: n.response_due,
    responseOverdue: n.state === 'open' && today > n.response_due,
    state: n.state as 'open',
    events,
  }
}

export async function listNotices(context: ReadContext, query: z.output<typeof noticeListQuery>) {
  let q = context.db.selectFrom('cockpit_notices').selectAll()
  if (!can(context.actor, 'cockpit.access'))
    q = q.where('unit_code', '=', (await unitOf(context.db, context.actor)) ?? '')
  if (query.planId) q = q.where('plan_id', '=', query.planId)
  if (query.state) q = q.where('state', '=', query.state)
  if (query.unit) q = q.where('unit_code', '=', query.unit)
  const rows = await q.orderBy('raised_at', 'desc').limit(2000).execute()
  const today = chinaToday(context.now)
  const names = await unitNames(context.db)
  return { items: rows.map((r) => noticeViewOf(r, today, names)) }
}

/** One notice with its trail: its unit's staff and readers of the whole cockpit see it. */
export async function getNotice(context: ReadContext, id: string) {
  let q = context.db.selectFrom('cockpit_notices').selectAll().where('id', '=', id)
  if (!can(context.actor, 'cockpit.access'))
    q = q.where('unit_code', '=', (await unitOf(context.db, context.actor)) ?? '')
  const n = await q.executeTakeFirst()
  if (!n) throw new AppError(cockpitErrors.cockpit_notice_not_found)
  return noticeViewOf(n, chinaToday(context.now), await unitNames(context.db))
}

/**
 * A step on a notice: the unit responds; the plan office follows up (optionally with a new response
 * deadline) or closes it. Each step is appended to the notice's trail and audited.
 */
export async function actOnNotice(
  context: WriteContext,
  id: string,
  action: 'response' | 'followUp' | 'closed',
  input: z.output<typeof noticeActionRequest>,
) {
  const n = await context.trx
    .selectFrom('cockpit_notices')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!n) throw new AppError(cockpitErrors.cockpit_notice_not_found)
  if (n.state === 'closed') throw new AppError(cockpitErrors.cockpit_notice_closed)
  if (action === 'response') {
    if ((await unitOf(context.trx, context.actor)) !== n.unit_code)
      throw new AppError(cockpitErrors.cockpit_not_responsible_unit)
  }
  const events = JSON.parse(n.events) as NoticeEvent[]
  events.push({
    at: context.now.toISOString(),
    kind: action,
    by: context.actor.userId,
    byName: context.actor.displayName ?? null,
    text: input.text,
  })
  const today = chinaToday(context.now)
  const state = action === 'response' ? 'responded' : action === 'closed' ? 'closed' : 'open'
  const due =
    action === 'followUp' && input.responseWorkingDays
      ? await responseDue(context.trx, today, input.responseWorkingDays)
      : n.response_due
  await context.trx
    .updateTable('cockpit_notices')
    .set({ events: JSON.stringify(events), state, response_due: due, updated_at: context.now.toISOString() })
    .where('id', '=', id)
    .execute()
  await notifyNoticeStep(
    context.trx,
    context.now,
    { ...n, response_due: due },
    action,
    events.length - 1,
    input.text,
  )
  await context.audit({
    action: `cockpit.notice.${action}`,
    targetType: 'cockpit_notice',
    targetId: id,
    before: { state: n.state, responseDue: n.response_due },
    after: { state, responseDue: due, text: input.text },
  })
  const updated = await context.trx
    .selectFrom('cockpit_notices')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return noticeViewOf(updated, today, await unitNames(context.trx))
}

/** The lead unit (or the plan office) records a milestone as done, with its evidence. */
export async function completeMilestone(
  context: WriteContext,
  id: string,
  input: z.output<typeof milestoneCompleteRequest>,
) {
  const m = await context.trx
    .selectFrom('cockpit_milestones')
    .innerJoin('cockpit_tasks', 'cockpit_tasks.id', 'cockpit_milestones.task_id')
    .selectAll('cockpit_milestones')
    .select('cockpit_tasks.lead_unit')
    .where('cockpit_milestones.id', '=', id)
    .executeTakeFirst()
  if (!m) throw new AppError(cockpitErrors.cockpit_milestone_not_found)
  if (input.completedOn > chinaToday(context.now))
    throw new AppError(cockpitErrors.cockpit_milestone_date_invalid, {
      errors: [
        { path: 'body.completedOn', code: 'future_date', message: 'The completion date is after today' },
      ],
    })
  if (!can(context.actor, 'cockpit.manage') && (await unitOf(context.trx, context.actor)) !== m.lead_unit) {
    throw new AppError(cockpitErrors.cockpit_not_responsible_unit)
  }
  await context.trx
    .updateTable('cockpit_milestones')
    .set({ completed_on: input.completedOn, completion_note: input.note, completed_by: context.actor.userId })
    .where('id', '=', id)
    .execute()
  await context.audit({
    action: 'cockpit.milestone.completed',
    targetType: 'cockpit_milestone',
    targetId: id,
    before: { completedOn: m.completed_on },
    after: input,
  })
  return { ok: true as const }
}
