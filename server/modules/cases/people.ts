// People of a case: parties (entities by USCC, natural persons with a masked resident ID), agents
// with their power of attorney, assigned staff (case officers, experts, technical investigators)
// and recusal (回避): a person tied to a party, or with a recusal requested or granted, cannot be
// assigned; granting a recusal ends the person's assignment.
import type { z } from 'zod'
import type { Role } from '../../../contracts/access.ts'
import type {
  AddPartyRequest,
  assignableUsersQuery,
  assignRequest,
  recusalDecisionRequest,
  recusalRequest,
} from '../../../contracts/cases.ts'
import { maskIdNumber, maskPhone } from '../../../contracts/identifiers/mask.ts'
import type { Db, Tx } from '../../database.ts'
import { type Actor, can } from '../../kernel/access.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { activeUser, findActiveUsers } from '../identity/index.ts'
import { findCase } from './engine/engine.ts'
import { appendCaseEvent } from './engine/timeline.ts'
import { casesErrors } from './errors.ts'

/** Who may take each duty, by role. */
const DUTY_ROLES: Record<string, readonly Role[]> = {
  officer: ['clerk', 'examiner', 'officer', 'admin'],
  expert: ['expert'],
  technicalInvestigator: ['expert'],
}

async function caseInScope(db: Db | Tx, actor: Actor, caseId: string) {
  const row = await findCase(db, actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  return row
}

async function timeline(context: WriteContext, caseId: string, event: string, data: unknown) {
  await appendCaseEvent(context.trx, {
    caseId,
    at: context.now,
    actorId: context.actor.userId,
    actorLabel: context.actor.username ?? context.actor.kind,
    event,
    data,
  })
}

export async function addParty(context: WriteContext, caseId: string, input: AddPartyRequest) {
  const { trx, now } = context
  const row = await caseInScope(trx, context.actor, caseId)
  if (input.representsId) {
    const principal = await trx
      .selectFrom('case_parties')
      .select('id')
      .where('id', '=', input.representsId)
      .where('case_id', '=', row.id)
      .executeTakeFirst()
    if (!principal) throw new AppError(casesErrors.party_not_found)
  }
  const entity = input.uscc
    ? await trx.selectFrom('entities').select('id').where('uscc', '=', input.uscc).executeTakeFirst()
    : undefined
  const id = newId(now.getTime())
  await trx
    .insertInto('case_parties')
    .values({
      id,
      case_id: row.id,
      role: input.role,
      kind: input.kind,
      name: input.name,
      uscc: input.uscc ?? null,
      entity_id: entity?.id ?? null,
      id_number: input.idNumber ?? null,
      phone: input.phone ?? null,
      represents_id: input.representsId ?? null,
      power_of_attorney: input.powerOfAttorney ?? null,
      created_at: now.toISOString(),
    })
    .execute()
  // The timeline and the audit trail name the party, never its ID number.
  await timeline(context, row.id, 'party.added', { partyId: id, role: input.role, kind: input.kind })
  await context.audit({
    action: 'case.party.add',
    targetType: row.type,
    targetId: row.id,
    after: { partyId: id, role: input.role, kind: input.kind, name: input.name, uscc: input.uscc ?? null },
  })
  return { id }
}

/**
 * Assigns a person to the case for a duty, after the recusal checks: the person holds a role for the
 * duty, is not tied to a party (an account of a party's entity) and has no recusal requested or
 * granted on this case.
 */
export async function assignPerson(
  context: WriteContext,
  caseId: string,
  input: z.output<typeof assignRequest>,
) {
  const { trx, now } = context
  const row = await caseInScope(trx, context.actor, caseId)
  const user = await activeUser(trx, input.userId)
  if (!user?.roles.some((r) => DUTY_ROLES[input.duty]!.includes(r))) {
    throw new AppError(casesErrors.assignee_not_eligible)
  }
  const tied = user.entityId
    ? await trx
        .selectFrom('case_parties')
        .leftJoin('entities', 'entities.uscc', 'case_parties.uscc')
        .select('case_parties.id')
        .where('case_parties.case_id', '=', row.id)
        .where((eb) =>
          eb.or([eb('case_parties.entity_id', '=', user.entityId), eb('entities.id', '=', user.entityId)]),
        )
        .executeTakeFirst()
    : undefined
  const recusal = await trx
    .selectFrom('case_recusals')
    .select('id')
    .where('case_id', '=', row.id)
    .where('user_id', '=', user.id)
    .where('status', 'in', ['requested', 'granted'])
    .executeTakeFirst()
  if (tied || recusal) throw new AppError(casesErrors.assignee_must_recuse)
  const current = await trx
    .selectFrom('case_assignments')
    .select('id')
    .where('case_id', '=', row.id)
    .where('user_id', '=', user.id)
    .where('duty', '=', input.duty)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  if (current) return { id: current.id }
  const id = newId(now.getTime())
  await trx
    .insertInto('case_assignments')
    .values({
      id,
      case_id: row.id,
      user_id: user.id,
      duty: input.duty,
      assigned_by: context.actor.userId,
      assigned_at: now.toISOString(),
      ended_at: null,
      end_reason: null,
    })
    .execute()
  await timeline(context, row.id, 'assignment.made', { userId: user.id, duty: input.duty })
  await context.audit({
    action: 'case.assign',
    targetType: row.type,
    targetId: row.id,
    after: { assignmentId: id, userId: user.id, duty: input.duty },
  })
  return { id }
}

/**
 * The picker's list for a duty: active people holding a role for it — case officers of the case's
 * district or of the city, experts from anywhere — with whether they must recuse. Names and
 * organizations only; no contact data.
 */
export async function assignableUsers(
  context: ReadContext,
  caseId: string,
  query: z.output<typeof assignableUsersQuery>,
) {
  const { db, actor } = context
  const row = await caseInScope(db, actor, caseId)
  const users = await findActiveUsers(db, {
    roles: DUTY_ROLES[query.duty]!,
    districts: query.duty === 'officer' ? [row.district_id, null] : undefined,
    q: query.q,
    limit: 50,
  })
  const ids = users.map((u) => u.id)
  if (ids.length === 0) return { items: [] }
  const [recused, assigned, partyEntities] = await Promise.all([
    db
      .selectFrom('case_recusals')
      .select('user_id')
      .where('case_id', '=', row.id)
      .where('status', 'in', ['requested', 'granted'])
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('case_assignments')
      .select('user_id')
      .where('case_id', '=', row.id)
      .where('duty', '=', query.duty)
      .where('ended_at', 'is', null)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('case_parties')
      .leftJoin('entities', 'entities.uscc', 'case_parties.uscc')
      .select(['case_parties.entity_id', 'entities.id as by_uscc'])
      .where('case_parties.case_id', '=', row.id)
      .execute(),
  ])
  const conflicts = new Set(recused.map((r) => r.user_id))
  const tied = new Set(partyEntities.flatMap((p) => [p.entity_id, p.by_uscc]).filter(Boolean))
  const taken = new Set(assigned.map((a) => a.user_id))
  return {
    items: users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      orgName: u.orgName,
      mustRecuse: conflicts.has(u.id) || (u.entityId !== null && tied.has(u.entityId)),
      assigned: taken.has(u.id),
    })),
  }
}

/** Records a recusal request (a party's, or a person's own declared conflict). */
export async function requestRecusal(
  context: WriteContext,
  caseId: string,
  input: z.output<typeof recusalRequest>,
) {
  const { trx, now } = context
  const row = await caseInScope(trx, context.actor, caseId)
  if (input.partyId) {
    const party = await trx
      .selectFrom('case_parties')
      .select('id')
      .where('id', '=', input.partyId)
      .where('case_id', '=', row.id)
      .executeTakeFirst()
    if (!party) throw new AppError(casesErrors.party_not_found)
  }
  const id = newId(now.getTime())
  await trx
    .insertInto('case_recusals')
    .values({
      id,
      case_id: row.id,
      user_id: input.userId,
      party_id: input.partyId,
      reason: input.reason,
      status: 'requested',
      requested_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute()
  await timeline(context, row.id, 'recusal.requested', { recusalId: id, userId: input.userId })
  await context.audit({
    action: 'case.recusal.request',
    targetType: row.type,
    targetId: row.id,
    after: { id, ...input },
  })
  return { id }
}

/** Decides a recusal request; the person concerned cannot decide their own. Granting ends their assignments. */
export async function decideRecusal(
  context: WriteContext,
  caseId: string,
  recusalId: string,
  input: z.output<typeof recusalDecisionRequest>,
) {
  const { trx, now, actor } = context
  const row = await caseInScope(trx, actor, caseId)
  const recusal = await trx
    .selectFrom('case_recusals')
    .selectAll()
    .where('id', '=', recusalId)
    .where('case_id', '=', row.id)
    .executeTakeFirst()
  if (!recusal) throw new AppError(casesErrors.recusal_not_found)
  if (recusal.status !== 'requested') throw new AppError(casesErrors.recusal_decided)
  if (recusal.user_id === actor.userId) throw new AppError(casesErrors.recusal_self_decision)
  const status = input.grant ? 'granted' : 'refused'
  await trx
    .updateTable('case_recusals')
    .set({ status, decided_by: actor.userId, decided_at: now.toISOString(), decision_note: input.note })
    .where('id', '=', recusal.id)
    .execute()
  if (input.grant) {
    await trx
      .updateTable('case_assignments')
      .set({ ended_at: now.toISOString(), end_reason: 'recused' })
      .where('case_id', '=', row.id)
      .where('user_id', '=', recusal.user_id)
      .where('ended_at', 'is', null)
      .execute()
  }
  await timeline(context, row.id, `recusal.${status}`, { recusalId: recusal.id, userId: recusal.user_id })
  await context.audit({
    action: 'case.recusal.decide',
    targetType: row.type,
    targetId: row.id,
    before: { status: 'requested' },
    after: { id: recusal.id, status, note: input.note },
  })
}

/**
 * The case's people. Resident IDs and phones are masked unless the caller handles cases (case
 * officers need them for service of documents); reads never return them in clear otherwise.
 */
export async function casePeople(context: ReadContext, caseId: string) {
  const { db, actor } = context
  const row = await caseInScope(db, actor, caseId)
  const clear = can(actor, 'case.handle')
  const [parties, assignments, recusals] = await Promise.all([
    db.selectFrom('case_parties').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
    db
      .selectFrom('case_assignments')
      .leftJoin('users', 'users.id', 'case_assignments.user_id')
      .selectAll('case_assignments')
      .select('users.display_name')
      .where('case_id', '=', row.id)
      .orderBy('case_assignments.id')
      .execute(),
    db.selectFrom('case_recusals').selectAll().where('case_id', '=', row.id).orderBy('id').execute(),
  ])
  return {
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role as AddPartyRequest['role'],
      kind: p.kind,
      name: p.name,
      uscc: p.uscc,
      entityId: p.entity_id,
      idNumber: p.id_number && !clear ? maskIdNumber(p.id_number) : p.id_number,
      phone: p.phone && !clear ? maskPhone(p.phone) : p.phone,
      representsId: p.represents_id,
      powerOfAttorney: p.power_of_attorney,
      createdAt: p.created_at,
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      userId: a.user_id,
      displayName: a.display_name,
      duty: a.duty as 'officer',
      assignedAt: a.assigned_at,
      endedAt: a.ended_at,
      endReason: a.end_reason,
    })),
    recusals: recusals.map((r) => ({
      id: r.id,
      userId: r.user_id,
      partyId: r.party_id,
      reason: r.reason,
      status: r.status,
      requestedAt: r.requested_at,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
    })),
  }
}
