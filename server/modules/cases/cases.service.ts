import type { z } from 'zod'
import type { caseListQuery, deadlineQueueQuery } from '../../../contracts/cases.ts'
import { scopeCondition } from '../../kernel/access.ts'
import type { ReadContext } from '../../kernel/http/context.ts'
import { chinaDate } from './engine/clocks.ts'
import { caseTypeOf } from './engine/declaration.ts'

/** Cases in the caller's scope, newest first, filtered in the query. */
export async function listCases(context: ReadContext, query: z.output<typeof caseListQuery>) {
  let q = context.db
    .selectFrom('cases')
    .where((eb) => scopeCondition(eb, context.actor, { district: 'cases.district_id' }))
  if (query.type) q = q.where('cases.type', '=', query.type)
  if (query.state) q = q.where('cases.state', '=', query.state)
  const [rows, count] = await Promise.all([
    q
      .select([
        'cases.id',
        'cases.number',
        'cases.type',
        'cases.state',
        'cases.district_id',
        'cases.matter_id',
        'cases.title',
        'cases.created_at',
        'cases.updated_at',
        'cases.version',
      ])
      .select((eb) =>
        eb
          .selectFrom('clocks')
          .select((c) => c.fn.min('clocks.due_date').as('d'))
          .whereRef('clocks.case_id', '=', 'cases.id')
          .where('clocks.status', '=', 'running')
          .as('next_due_date'),
      )
      .orderBy('cases.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      state: r.state,
      stateLabel: caseTypeOf(r.type)?.states[r.state] ?? { zh: r.state, en: r.state },
      districtId: r.district_id,
      matterId: r.matter_id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      nextDueDate: (r.next_due_date as string | null) ?? null,
    })),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** Running clocks in the caller's scope by due date: the supervision queue. */
export async function deadlineQueue(context: ReadContext, query: z.output<typeof deadlineQueueQuery>) {
  const today = chinaDate(context.now)
  let q = context.db
    .selectFrom('clocks')
    .innerJoin('cases', 'cases.id', 'clocks.case_id')
    .where('clocks.status', '=', 'running')
    .where((eb) => scopeCondition(eb, context.actor, { district: 'clocks.district_id' }))
  if (query.overdueOnly) q = q.where('clocks.due_date', '<', today)
  if (query.dueBy) q = q.where('clocks.due_date', '<=', query.dueBy)
  if (query.districtId) q = q.where('clocks.district_id', '=', query.districtId)
  if (query.mine) {
    const userId = context.actor.userId ?? ''
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_assignments')
          .select('case_assignments.id')
          .whereRef('case_assignments.case_id', '=', 'clocks.case_id')
          .where('case_assignments.user_id', '=', userId)
          .where('case_assignments.ended_at', 'is', null),
      ),
    )
  }
  const rows = await q
    .select([
      'clocks.id',
      'clocks.case_id',
      'cases.number',
      'cases.type',
      'cases.title',
      'clocks.district_id',
      'clocks.rule_id',
      'clocks.due_date',
      'clocks.overdue_at',
    ])
    .orderBy('clocks.due_date')
    .orderBy('clocks.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()
  return {
    items: rows.map((r) => ({
      clockId: r.id,
      caseId: r.case_id,
      caseNumber: r.number,
      caseType: r.type,
      caseTitle: r.title,
      districtId: r.district_id,
      ruleId: r.rule_id,
      dueDate: r.due_date,
      overdue: r.due_date < today,
      overdueAt: r.overdue_at,
    })),
    page: query.page,
  }
}
