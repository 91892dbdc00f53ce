// Supervision: reminders go to the inbox of the people handling the case; a missed deadline raises
// one supervision notice (督办) for the supervising level the rule escalates to, which the handling
// unit answers and the supervising level closes. Both follow from the clock jobs, which run once.
import type { z } from 'zod'
import type { Role } from '../../../contracts/access.ts'
import type { supervisionListQuery } from '../../../contracts/cases.ts'
import type { Db, Tx } from '../../database.ts'
import { type Actor, can, isStaff, scopeCondition } from '../../kernel/access.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { allOrganizations, districtOf, findActiveUsers } from '../identity/index.ts'
import { notifyUsers } from '../notify/index.ts'
import type { ClockHooks } from './engine/clocks.ts'
import { findCase } from './engine/engine.ts'
import { appendCaseEvent } from './engine/timeline.ts'
import { casesErrors } from './errors.ts'

const HANDLER_ROLES: Role[] = ['clerk', 'examiner', 'officer']

/** Active users holding one of `roles` whose district is `districtId` (null: city level). */
async function usersAt(trx: Tx, districtId: string | null, roles: readonly Role[]): Promise<string[]> {
  const want = districtId
    ? districtOf(districtId, new Map((await allOrganizations(trx)).map((o) => [o.id, o])))
    : null
  const users = await findActiveUsers(trx, { roles, districts: [want], limit: 10_000 })
  return users.map((u) => u.id)
}

/** Whoever handles the case: its assigned staff, else the handling unit's case handlers. */
async function handlersOf(trx: Tx, caseId: string, districtId: string | null): Promise<string[]> {
  const assigned = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('ended_at', 'is', null)
    .execute()
  if (assigned.length) return assigned.map((a) => a.user_id)
  return usersAt(trx, districtId, HANDLER_ROLES)
}

async function caseRef(trx: Tx, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['number', 'title', 'district_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow()
}

export const supervisionHooks: ClockHooks = {
  async onReminder({ trx, now, jobId }, clock) {
    const c = await caseRef(trx, clock.caseId)
    await notifyUsers(trx, now, await handlersOf(trx, clock.caseId, c.district_id), {
      kind: 'deadline.reminder',
      title: {
        zh: `期限提醒：${c.number} 还剩 ${clock.workingDaysLeft} 个工作日`,
        en: `Deadline: ${c.number}, ${clock.workingDaysLeft} working days left`,
      },
      body: `${c.title}（规则 ${clock.ruleId}，${clock.due} 届满）`,
      subject: { type: 'case', id: clock.caseId },
      dedupeKey: `job:${jobId}`,
    })
  },
  async onOverdue({ trx, now }, clock, escalation) {
    const c = await caseRef(trx, clock.caseId)
    const id = newId(now.getTime())
    const inserted = await trx
      .insertInto('supervision_notices')
      .values({
        id,
        clock_id: clock.id,
        case_id: clock.caseId,
        rule_id: clock.ruleId,
        due_date: clock.due,
        district_id: clock.districtId,
        supervising_org_id: escalation?.orgId ?? null,
        supervising_role: escalation?.role ?? null,
        status: 'open',
        created_at: now.toISOString(),
        response: null,
        responded_by: null,
        responded_at: null,
        closing_note: null,
        closed_by: null,
        closed_at: null,
      })
      .onConflict((oc) => oc.column('clock_id').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return
    await appendCaseEvent(trx, {
      caseId: clock.caseId,
      at: now,
      actorId: null,
      actorLabel: 'system',
      event: 'supervision.opened',
      data: { noticeId: id, ruleId: clock.ruleId, due: clock.due },
    })
    const supervisors = escalation ? await usersAt(trx, escalation.orgId, [escalation.role as Role]) : []
    const handlers = await handlersOf(trx, clock.caseId, c.district_id)
    await notifyUsers(trx, now, [...supervisors, ...handlers], {
      kind: 'supervision.opened',
      title: { zh: `督办：${c.number} 期限已届满未办结`, en: `Supervision notice: ${c.number} is overdue` },
      body: `${c.title}（规则 ${clock.ruleId}，${clock.due} 届满）`,
      subject: { type: 'supervisionNotice', id },
      dedupeKey: `supervision:${id}`,
    })
  },
}

/** Notices the caller sees: the handling unit's (case scope) and those it supervises. */
function visible(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('supervision_notices')
    .innerJoin('cases', 'cases.id', 'supervision_notices.case_id')
    .where((eb) =>
      eb.or([
        scopeCondition(eb, actor, { district: 'supervision_notices.district_id' }),
        ...(actor.districtId ? [eb('supervision_notices.supervising_org_id', '=', actor.districtId)] : []),
      ]),
    )
}

function present(r: {
  id: string
  case_id: string
  number: string
  title: string
  rule_id: string
  due_date: string
  district_id: string | null
  supervising_org_id: string | null
  supervising_role: string | null
  status: 'open' | 'responded' | 'closed'
  created_at: string
  response: string | null
  responded_at: string | null
  closing_note: string | null
  closed_at: string | null
}) {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    caseTitle: r.title,
    ruleId: r.rule_id,
    dueDate: r.due_date,
    districtId: r.district_id,
    supervisingOrgId: r.supervising_org_id,
    supervisingRole: r.supervising_role,
    status: r.status,
    createdAt: r.created_at,
    response: r.response,
    respondedAt: r.responded_at,
    closingNote: r.closing_note,
    closedAt: r.closed_at,
  }
}

const columns = [
  'supervision_notices.id',
  'supervision_notices.case_id',
  'cases.number',
  'cases.title',
  'supervision_notices.rule_id',
  'supervision_notices.due_date',
  'supervision_notices.district_id',
  'supervision_notices.supervising_org_id',
  'supervision_notices.supervising_role',
  'supervision_notices.status',
  'supervision_notices.created_at',
  'supervision_notices.response',
  'supervision_notices.responded_at',
  'supervision_notices.closing_note',
  'supervision_notices.closed_at',
] as const

export async function listSupervisionNotices(
  context: ReadContext,
  query: z.output<typeof supervisionListQuery>,
) {
  let q = visible(context.db, context.actor)
  if (query.status) q = q.where('supervision_notices.status', '=', query.status)
  const rows = await q
    .select(columns)
    .orderBy('supervision_notices.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return { items: rows.map(present), page: query.page }
}

async function noticeFor(trx: Tx, actor: Actor, id: string) {
  const row = await visible(trx, actor)
    .select(columns)
    .where('supervision_notices.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(casesErrors.supervision_notice_not_found)
  return row
}

/** The handling unit answers: what it did about the missed deadline. */
export async function respondToNotice(context: WriteContext, id: string, response: string) {
  const { trx, actor, now } = context
  const row = await noticeFor(trx, actor, id)
  if (!can(actor, 'case.handle') || !(await findCase(trx, actor, row.case_id))) {
    throw new AppError(casesErrors.supervision_not_handling_unit)
  }
  if (row.status === 'closed') throw new AppError(casesErrors.supervision_notice_closed)
  await trx
    .updateTable('supervision_notices')
    .set({ status: 'responded', response, responded_by: actor.userId, responded_at: now.toISOString() })
    .where('id', '=', id)
    .execute()
  await appendCaseEvent(trx, {
    caseId: row.case_id,
    at: now,
    actorId: actor.userId,
    actorLabel: actor.username ?? actor.kind,
    event: 'supervision.responded',
    data: { noticeId: id },
  })
  await context.audit({
    action: 'supervision.respond',
    targetType: 'supervisionNotice',
    targetId: id,
    before: { status: row.status },
    after: { status: 'responded', response },
  })
  return present({ ...row, status: 'responded', response, responded_at: now.toISOString() })
}

/** The supervising level (its role, at its level; or an administrator) closes the notice. */
export async function closeNotice(context: WriteContext, id: string, note: string) {
  const { trx, actor, now } = context
  const row = await noticeFor(trx, actor, id)
  const atLevel = actor.districtId === null || actor.districtId === row.supervising_org_id
  const hasRole =
    actor.roles.includes('admin') ||
    (row.supervising_role !== null && actor.roles.includes(row.supervising_role as Role))
  if (!isStaff(actor) || !atLevel || !hasRole) throw new AppError(casesErrors.supervision_not_supervisor)
  if (row.status === 'closed') throw new AppError(casesErrors.supervision_notice_closed)
  await trx
    .updateTable('supervision_notices')
    .set({ status: 'closed', closing_note: note, closed_by: actor.userId, closed_at: now.toISOString() })
    .where('id', '=', id)
    .execute()
  await appendCaseEvent(trx, {
    caseId: row.case_id,
    at: now,
    actorId: actor.userId,
    actorLabel: actor.username ?? actor.kind,
    event: 'supervision.closed',
    data: { noticeId: id },
  })
  await context.audit({
    action: 'supervision.close',
    targetType: 'supervisionNotice',
    targetId: id,
    before: { status: row.status },
    after: { status: 'closed', note },
  })
  return present({ ...row, status: 'closed', closing_note: note, closed_at: now.toISOString() })
}
