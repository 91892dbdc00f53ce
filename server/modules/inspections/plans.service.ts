/** Annual plans and their tasks (抽查任务): items, population filter, strata, period, agencies. */
import type { z } from 'zod'
import type {
  createPlanRequest,
  createTaskRequest,
  InspectionTask,
  taskListQuery,
} from '../../../contracts/inspections-api.ts'
import type { Database } from '../../database.ts'
import { type Actor, scopeCondition } from '../../kernel/access.ts'
import { AppError, fieldError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { inspectionsErrors } from './errors.ts'
import {
  type AnyContext,
  dbOf,
  type Executor,
  organizationsLookup,
  parseJson,
  restrictDistrict,
} from './shared.ts'

type TaskRow = Database['inspection_tasks']

const planScope = (actor: Actor) => (eb: any) =>
  scopeCondition(eb, actor, { district: 'inspection_plans.district_id' })

export async function listPlans(context: ReadContext) {
  const rows = await context.db
    .selectFrom('inspection_plans')
    .where(planScope(context.actor))
    .selectAll('inspection_plans')
    .select((eb) =>
      eb
        .selectFrom('inspection_tasks')
        .whereRef('inspection_tasks.plan_id', '=', 'inspection_plans.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('tasks'),
    )
    .orderBy('inspection_plans.year', 'desc')
    .orderBy('inspection_plans.created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    districtId: r.district_id,
    createdAt: r.created_at,
    tasks: Number(r.tasks ?? 0),
  }))
}

export async function createPlan(context: WriteContext, input: z.output<typeof createPlanRequest>) {
  const { trx, now, actor } = context
  const districtId = restrictDistrict(actor, input.districtId)
  if (districtId !== null && !(await organizationsLookup(trx)).byId.has(districtId))
    throw new AppError(inspectionsErrors.inspection_reference_unknown)
  const row = {
    id: newId(now.getTime()),
    year: input.year,
    title: input.title,
    district_id: districtId,
    created_by: actor.userId,
    created_at: now.toISOString(),
  }
  await trx.insertInto('inspection_plans').values(row).execute()
  await context.audit({
    action: 'inspection.plan.create',
    targetType: 'inspectionPlan',
    targetId: row.id,
    after: row,
  })
  return { id: row.id, year: row.year, title: row.title, districtId, createdAt: row.created_at, tasks: 0 }
}

export function presentTask(r: TaskRow, drawId: string | null): InspectionTask {
  return {
    id: r.id,
    planId: r.plan_id,
    code: r.code,
    title: r.title,
    districtId: r.district_id,
    itemIds: parseJson(r.items),
    population: parseJson(r.population),
    stratifyBy: parseJson(r.stratify_by),
    rounding: r.rounding,
    strata: parseJson(r.strata),
    inspectorsPerTarget: r.inspectors_per_target,
    agencyIds: parseJson(r.agencies),
    joint: r.joint === 1,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    status: r.status,
    drawId,
  }
}

function tasksQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('inspection_tasks')
    .leftJoin('inspection_draws', 'inspection_draws.task_id', 'inspection_tasks.id')
    .where((eb) => scopeCondition(eb, actor, { district: 'inspection_tasks.district_id' }))
}

export async function listTasks(context: ReadContext, query: z.output<typeof taskListQuery>) {
  let q = tasksQuery(context.db, context.actor)
  if (query.planId) q = q.where('inspection_tasks.plan_id', '=', query.planId)
  const [rows, count] = await Promise.all([
    q
      .selectAll('inspection_tasks')
      .select('inspection_draws.id as draw_id')
      .orderBy('inspection_tasks.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => presentTask(r, r.draw_id)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** A task in the caller's scope (404 otherwise: not even its existence leaks). */
export async function findTask(context: AnyContext, id: string): Promise<InspectionTask & { row: TaskRow }> {
  const r = await tasksQuery(dbOf(context), context.actor)
    .selectAll('inspection_tasks')
    .select('inspection_draws.id as draw_id')
    .where('inspection_tasks.id', '=', id)
    .executeTakeFirst()
  if (!r) throw new AppError(kernelErrors.not_found)
  const { draw_id, ...row } = r
  return { ...presentTask(row, draw_id), row }
}

export async function createTask(
  context: WriteContext,
  planId: string,
  input: z.output<typeof createTaskRequest>,
): Promise<InspectionTask> {
  const { trx, now, actor, lang } = context
  const plan = await trx
    .selectFrom('inspection_plans')
    .selectAll()
    .where('id', '=', planId)
    .where(planScope(actor))
    .executeTakeFirst()
  if (!plan) throw new AppError(kernelErrors.not_found)
  if (await trx.selectFrom('inspection_tasks').select('id').where('code', '=', input.code).executeTakeFirst())
    throw new AppError(inspectionsErrors.inspection_code_exists)
  if (input.periodEnd < input.periodStart)
    throw fieldError(
      'body.periodEnd',
      'order',
      { zh: '结束日期早于开始日期', en: 'The period ends before it starts' },
      lang,
    )
  const items = await trx
    .selectFrom('inspection_items')
    .select(['id', 'code'])
    .where('id', 'in', input.itemIds)
    .execute()
  if (items.length !== new Set(input.itemIds).size)
    throw new AppError(inspectionsErrors.inspection_reference_unknown)
  const codes = new Set(items.map((i) => i.code))
  for (const [i, s] of input.strata.entries())
    for (const c of s.items ?? [])
      if (!codes.has(c))
        throw fieldError(
          `body.strata.${i}.items`,
          'unknown',
          { zh: '不是本任务的抽查事项编号', en: 'Not an item code of this task' },
          lang,
        )
  const orgs = await organizationsLookup(trx)
  for (const id of [...input.agencyIds, ...input.population.districts])
    if (!orgs.byId.has(id)) throw new AppError(inspectionsErrors.inspection_reference_unknown)
  // A district plan draws only from its district.
  if (plan.district_id !== null && input.population.districts.some((d) => d !== plan.district_id))
    throw new AppError(kernelErrors.forbidden)
  const row: TaskRow = {
    id: newId(now.getTime()),
    plan_id: plan.id,
    code: input.code,
    title: input.title,
    district_id: plan.district_id,
    items: JSON.stringify([...new Set(input.itemIds)]),
    population: JSON.stringify(input.population),
    stratify_by: JSON.stringify(input.stratifyBy),
    rounding: input.rounding,
    strata: JSON.stringify(input.strata),
    inspectors_per_target: input.inspectorsPerTarget,
    agencies: JSON.stringify([...new Set(input.agencyIds)]),
    joint: new Set(input.agencyIds).size > 1 ? 1 : 0,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    status: 'draft',
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await trx.insertInto('inspection_tasks').values(row).execute()
  await context.audit({
    action: 'inspection.task.create',
    targetType: 'inspectionTask',
    targetId: row.id,
    after: row,
  })
  return presentTask(row, null)
}
