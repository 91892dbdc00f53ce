import type { z } from 'zod'
import type { milestoneView, PlanFile, Status, targetView, taskView } from '../../../contracts/cockpit.ts'
import type { Database, Db, Tx } from '../../database.ts'
import type { Actor } from '../../kernel/access.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { chinaToday } from './dates.ts'
import { cockpitErrors } from './errors.ts'
import { exportPlanFile, insertPlan, parsePlanFile } from './plan-file.ts'
import { updatePlan } from './plan-update.ts'
import { indicatorSource } from './sources.ts'
import { baselineOf, milestoneState, periodBounds, periodsBetween, statusOf } from './status.ts'

type Executor = Db | Tx
type PlanRow = Database['cockpit_plans']
type TargetRow = Database['cockpit_targets']
type TargetView = z.output<typeof targetView>
type TaskView = z.output<typeof taskView>

export async function knownUnits(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('organizations').select('code').execute()).map((o) => o.code))
}

export async function unitNames(db: Executor): Promise<Map<string, { zh: string; en: string }>> {
  const rows = await db.selectFrom('organizations').select(['code', 'name_zh', 'name_en']).execute()
  return new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }]))
}

/** The organization code of the caller's organization: the unit they report for. */
export async function unitOf(db: Executor, actor: Actor): Promise<string | null> {
  if (!actor.orgId) return null
  const row = await db
    .selectFrom('organizations')
    .select('code')
    .where('id', '=', actor.orgId)
    .executeTakeFirst()
  return row?.code ?? null
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow> {
  const plan = await db
    .selectFrom('cockpit_plans')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', id), eb('code', '=', id)]))
    .executeTakeFirst()
  if (!plan) throw new AppError(cockpitErrors.cockpit_plan_not_found)
  return plan
}

function summaryOf(p: PlanRow, counts: { targets: number; tasks: number }) {
  return {
    id: p.id,
    code: p.code,
    title: { zh: p.title_zh, en: p.title_en },
    issuer: p.issuer,
    documentNumber: p.document_number,
    issuedOn: p.issued_on,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    responseWorkingDays: p.response_working_days,
    targetCount: counts.targets,
    taskCount: counts.tasks,
  }
}

export async function listPlans(context: ReadContext) {
  const plans = await context.db
    .selectFrom('cockpit_plans')
    .selectAll()
    .orderBy('issued_on', 'desc')
    .execute()
  const count = async (table: 'cockpit_targets' | 'cockpit_tasks', planId: string) =>
    Number(
      (
        await context.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const items = []
  for (const p of plans)
    items.push(
      summaryOf(p, {
        targets: await count('cockpit_targets', p.id),
        tasks: await count('cockpit_tasks', p.id),
      }),
    )
  return { items }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

export function trajectoryOf(t: TargetRow) {
  return {
    kind: t.kind,
    direction: t.direction,
    comparator: t.comparator,
    baseline: num(t.baseline),
    targetValue: num(t.target_value),
    rangeMin: num(t.range_min),
    rangeMax: num(t.range_max),
    dueDate: t.due_date,
    cumulative: t.cumulative === 1,
  }
}

export interface PeriodValue {
  period: string
  value: number | null
  status: Status
  expected: number | null
}

/**
 * A target's value per ended period: computed by its source, or from accepted reports (the city
 * total; for a by-district count or amount without a total, the sum of the districts). A cumulative
 * target's value is the running sum since the plan started.
 */
export async function targetHistory(
  db: Executor,
  plan: PlanRow,
  t: TargetRow,
  today: string,
): Promise<PeriodValue[]> {
  // Ended periods only: a period's figure is due once it is over.
  const periods = periodsBetween(plan.period_start, t.due_date, t.frequency).filter(
    (p) => periodBounds(p).to < today,
  )
  const trajectory = trajectoryOf(t)
  const values = new Map<string, number | null>()
  if (t.source) {
    const source = indicatorSource(t.source)
    for (const p of periods) {
      const b = periodBounds(p)
      values.set(
        p,
        source?.available ? (await source.compute(db, { ...b, planStart: plan.period_start })).value : null,
      )
    }
  } else {
    const reports = await db
      .selectFrom('cockpit_reports')
      .select(['period', 'district', 'value'])
      .where('target_id', '=', t.id)
      .where('state', '=', 'accepted')
      .execute()
    const summable = t.kind === 'count' || t.kind === 'amount'
    let running = 0
    for (const p of periods) {
      const rows = reports.filter((r) => r.period === p)
      const total = rows.find((r) => r.district === '')
      const districts = rows.filter((r) => r.district !== '')
      let v: number | null = total ? Number(total.value) : null
      if (v === null && summable && districts.length) v = districts.reduce((s, r) => s + Number(r.value), 0)
      if (t.cumulative) {
        running += v ?? 0
        values.set(p, v === null && running === 0 ? null : running)
      } else values.set(p, v)
    }
  }
  // Without a declared baseline a level target's line starts at its first known value.
  const firstKnown = periods.map((p) => values.get(p)).find((v) => v !== null && v !== undefined) ?? null
  const baseline = baselineOf(trajectory) ?? firstKnown
  return periods.map((p) => {
    const value = values.get(p) ?? null
    const { status, expected } = statusOf(trajectory, plan.period_start, value, periodBounds(p).to, baseline)
    return { period: p, value, status, expected }
  })
}

export async function targetViewOf(
  db: Executor,
  plan: PlanRow,
  t: TargetRow,
  today: string,
  names: Map<string, { zh: string; en: string }>,
): Promise<TargetView> {
  const history = await targetHistory(db, plan, t, today)
  const latest = [...history].reverse().find((h) => h.value !== null) ?? null
  const source = t.source ? indicatorSource(t.source) : undefined
  return {
    id: t.id,
    code: t.code,
    group: t.group_name,
    indicator: { zh: t.indicator_zh, en: t.indicator_en },
    unit: t.unit,
    kind: t.kind as TargetView['kind'],
    comparator: t.comparator as TargetView['comparator'],
    direction: t.direction as TargetView['direction'],
    baseline: num(t.baseline),
    targetValue: num(t.target_value),
    rangeMin: num(t.range_min),
    rangeMax: num(t.range_max),
    targetText: t.target_text,
    dueDate: t.due_date,
    responsibleUnit: t.unit_code,
    responsibleUnitName: names.get(t.unit_code) ?? null,
    frequency: t.frequency as TargetView['frequency'],
    cumulative: t.cumulative === 1,
    byDistrict: t.by_district === 1,
    source: t.source,
    note: t.note,
    computed: t.source !== null,
    sourceAvailable: t.source ? (source?.available ?? false) : null,
    currentValue: latest?.value ?? null,
    currentPeriod: latest?.period ?? null,
    expectedValue: latest?.expected ?? null,
    status: latest?.status ?? 'grey',
  }
}

export async function tasksOf(
  db: Executor,
  planId: string,
  today: string,
  unit?: string,
): Promise<TaskView[]> {
  let q = db.selectFrom('cockpit_tasks').selectAll().where('plan_id', '=', planId)
  if (unit) q = q.where((eb) => eb.or([eb('lead_unit', '=', unit), eb('co_units', 'like', `%"${unit}"%`)]))
  const tasks = await q.orderBy('seq').execute()
  const milestones = await db
    .selectFrom('cockpit_milestones')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute()
  return tasks.map((t) => ({
    id: t.id,
    section: t.section,
    title: { zh: t.title_zh, en: t.title_en },
    summary: t.summary,
    leadUnit: t.lead_unit,
    coUnits: JSON.parse(t.co_units) as string[],
    milestones: milestones
      .filter((m) => m.task_id === t.id)
      .map(
        (m): z.output<typeof milestoneView> => ({
          id: m.id,
          title: m.title,
          dueDate: m.due_date,
          standard: m.standard,
          derived: m.derived === 1,
          completedOn: m.completed_on,
          completionNote: m.completion_note,
          state: milestoneState(m.due_date, m.completed_on, today),
        }),
      ),
  }))
}

export async function getPlan(context: ReadContext, id: string) {
  const plan = await findPlan(context.db, id)
  const today = chinaToday(context.now)
  const names = await unitNames(context.db)
  const rows = await context.db
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('seq')
    .execute()
  const targets: TargetView[] = []
  for (const t of rows) targets.push(await targetViewOf(context.db, plan, t, today, names))
  const tasks = await tasksOf(context.db, plan.id, today)
  return { ...summaryOf(plan, { targets: targets.length, tasks: tasks.length }), targets, tasks }
}

export async function getTarget(context: ReadContext, id: string) {
  const t = await context.db.selectFrom('cockpit_targets').selectAll().where('id', '=', id).executeTakeFirst()
  if (!t) throw new AppError(cockpitErrors.cockpit_target_not_found)
  const plan = await findPlan(context.db, t.plan_id)
  const today = chinaToday(context.now)
  const view = await targetViewOf(context.db, plan, t, today, await unitNames(context.db))
  const history = await targetHistory(context.db, plan, t, today)
  // District comparison: the latest period with accepted district figures.
  const byDistrict = await context.db
    .selectFrom('cockpit_reports')
    .select(['period', 'district', 'value'])
    .where('target_id', '=', t.id)
    .where('state', '=', 'accepted')
    .where('district', '!=', '')
    .orderBy('period', 'desc')
    .execute()
  const period = byDistrict[0]?.period ?? null
  const names = await unitNames(context.db)
  const districts = byDistrict
    .filter((r) => r.period === period)
    .map((r) => ({
      district: r.district,
      name: names.get(r.district) ?? null,
      value: Number(r.value),
      period: r.period,
    }))
  return { target: view, history, districts }
}

/**
 * Imports a plan file: validated whole (every unit must exist), then written in one transaction. A
 * file whose code and document number match a stored plan updates it (`updatePlan`); the same code
 * under another document number is refused, since a new version of a plan takes its own code.
 */
export async function importPlan(context: WriteContext, file: unknown | PlanFile, validated = false) {
  const plan = validated ? (file as PlanFile) : parsePlanFile(file, await knownUnits(context.trx))
  const exists = await context.trx
    .selectFrom('cockpit_plans')
    .select(['id', 'document_number'])
    .where('code', '=', plan.code)
    .executeTakeFirst()
  const imported = plan.targets.length + plan.tasks.length
  if (exists) {
    if (exists.document_number !== plan.documentNumber)
      throw new AppError(cockpitErrors.cockpit_plan_exists, {
        detail: { planId: exists.id, documentNumber: exists.document_number },
      })
    const before = await exportPlanFile(context.trx, exists.id)
    const changes = await updatePlan(context.trx, exists.id, plan, context.now)
    await context.audit({
      action: 'cockpit.plan.updated',
      targetType: 'cockpit_plan',
      targetId: exists.id,
      before: { targets: before.targets.length, tasks: before.tasks.length },
      after: { code: plan.code, targets: plan.targets.length, tasks: plan.tasks.length, ...changes },
    })
    return { planId: exists.id, imported, mode: 'updated' as const, changes }
  }
  const planId = await insertPlan(context.trx, plan, context.now)
  await context.audit({
    action: 'cockpit.plan.imported',
    targetType: 'cockpit_plan',
    targetId: planId,
    after: { code: plan.code, targets: plan.targets.length, tasks: plan.tasks.length },
  })
  return { planId, imported, mode: 'created' as const }
}

export async function exportPlan(context: ReadContext, id: string): Promise<PlanFile> {
  const plan = await findPlan(context.db, id)
  return exportPlanFile(context.db, plan.id)
}
