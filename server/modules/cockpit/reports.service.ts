import type { z } from 'zod'
import type { reportListQuery, reportRequest, reportView, reviewRequest } from '../../../contracts/cockpit.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { can } from '../../kernel/access.ts'
import { readTable, writeXlsx } from '../../kernel/documents/tables.ts'
import { AppError, type FieldError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { cockpitErrors } from './errors.ts'
import { unitOf } from './plans.service.ts'
import { matchesFrequency, periodBounds } from './status.ts'

type Executor = Db | Tx
type ReportRow = Database['cockpit_reports']
type TargetRow = Database['cockpit_targets']

export function reportViewOf(r: ReportRow & { target_code: string }): z.output<typeof reportView> {
  return {
    id: r.id,
    targetId: r.target_id,
    targetCode: r.target_code,
    period: r.period,
    district: r.district === '' ? null : r.district,
    unit: r.unit_code,
    value: Number(r.value),
    narrative: r.narrative,
    attachments: JSON.parse(r.attachments),
    state: r.state as 'submitted',
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    reviewComment: r.review_comment,
    version: r.version,
  }
}

async function districtCodes(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('organizations')
    .select('code')
    .where('kind', 'in', ['district', 'zone'])
    .execute()
  return new Set(rows.map((r) => r.code))
}

/** Why a report for this target cannot be accepted as input, or null. */
async function checkReport(
  db: Executor,
  target: TargetRow,
  plan: { period_start: string; period_end: string },
  input: { period: string; district: string | null },
  districts: Set<string>,
): Promise<string | null> {
  if (target.source) return cockpitErrors.cockpit_target_computed
  const bounds = periodBounds(input.period)
  if (
    !matchesFrequency(input.period, target.frequency) ||
    bounds.to < plan.period_start ||
    bounds.from > plan.period_end
  ) {
    return cockpitErrors.cockpit_period_mismatch
  }
  if (input.district !== null && (target.by_district !== 1 || !districts.has(input.district))) {
    return cockpitErrors.cockpit_district_mismatch
  }
  void db
  return null
}

async function loadTarget(db: Executor, id: string) {
  const target = await db.selectFrom('cockpit_targets').selectAll().where('id', '=', id).executeTakeFirst()
  if (!target) throw new AppError(cockpitErrors.cockpit_target_not_found)
  const plan = await db
    .selectFrom('cockpit_plans')
    .selectAll()
    .where('id', '=', target.plan_id)
    .executeTakeFirstOrThrow()
  return { target, plan }
}

/** Writes (or revises) one figure; a resubmission after a return goes back to review. */
async function upsertReport(
  context: WriteContext,
  target: TargetRow,
  input: z.output<typeof reportRequest>,
  state: 'submitted' | 'accepted',
) {
  const { trx, now, actor } = context
  const district = input.district ?? ''
  const existing = await trx
    .selectFrom('cockpit_reports')
    .selectAll()
    .where('target_id', '=', target.id)
    .where('period', '=', input.period)
    .where('district', '=', district)
    .executeTakeFirst()
  if (existing?.state === 'accepted') throw new AppError(cockpitErrors.cockpit_report_not_editable)
  const values = {
    value: input.value,
    narrative: input.narrative,
    attachments: JSON.stringify(input.attachments),
    state,
    submitted_by: actor.userId,
    submitted_at: now.toISOString(),
    reviewed_by: state === 'accepted' ? actor.userId : null,
    reviewed_at: state === 'accepted' ? now.toISOString() : null,
    review_comment: null,
  }
  let id: string
  if (existing) {
    id = existing.id
    await trx
      .updateTable('cockpit_reports')
      .set({ ...values, version: existing.version + 1 })
      .where('id', '=', id)
      .execute()
  } else {
    id = newId(now.getTime())
    await trx
      .insertInto('cockpit_reports')
      .values({
        id,
        plan_id: target.plan_id,
        target_id: target.id,
        period: input.period,
        district,
        unit_code: target.unit_code,
        version: 1,
        ...values,
      })
      .execute()
  }
  await context.audit({
    action: existing ? 'cockpit.report.revised' : 'cockpit.report.submitted',
    targetType: 'cockpit_report',
    targetId: id,
    before: existing ? { value: Number(existing.value), state: existing.state } : null,
    after: { target: target.code, period: input.period, district: input.district, value: input.value, state },
  })
  return id
}

async function reportById(db: Executor, id: string) {
  const row = await db
    .selectFrom('cockpit_reports')
    .innerJoin('cockpit_targets', 'cockpit_targets.id', 'cockpit_reports.target_id')
    .selectAll('cockpit_reports')
    .select('cockpit_targets.code as target_code')
    .where('cockpit_reports.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(cockpitErrors.cockpit_report_not_found)
  return row
}

/** A responsible unit's staff report a figure for their own target. */
export async function submitReport(context: WriteContext, input: z.output<typeof reportRequest>) {
  const { target, plan } = await loadTarget(context.trx, input.targetId)
  if ((await unitOf(context.trx, context.actor)) !== target.unit_code) {
    throw new AppError(cockpitErrors.cockpit_not_responsible_unit)
  }
  const problem = await checkReport(context.trx, target, plan, input, await districtCodes(context.trx))
  if (problem) throw new AppError(problem)
  const id = await upsertReport(context, target, input, 'submitted')
  return reportViewOf(await reportById(context.trx, id))
}

/** The plan office accepts a submitted figure or returns it for revision with comments. */
export async function reviewReport(context: WriteContext, id: string, input: z.output<typeof reviewRequest>) {
  const row = await reportById(context.trx, id)
  if (row.state !== 'submitted') throw new AppError(cockpitErrors.cockpit_report_not_reviewable)
  if (input.version !== undefined && input.version !== row.version)
    throw new AppError(cockpitErrors.cockpit_stale_version)
  if (input.decision === 'return' && input.comment.trim() === '') {
    throw new AppError(kernelErrors.validation_failed, {
      errors: [
        {
          path: 'body.comment',
          code: 'required',
          message: context.lang === 'en' ? 'Say what to revise' : '退回修改须写明意见',
        },
      ],
    })
  }
  const state = input.decision === 'accept' ? 'accepted' : 'returned'
  await context.trx
    .updateTable('cockpit_reports')
    .set({
      state,
      reviewed_by: context.actor.userId,
      reviewed_at: context.now.toISOString(),
      review_comment: input.comment || null,
      version: row.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .execute()
  await context.audit({
    action: `cockpit.report.${state}`,
    targetType: 'cockpit_report',
    targetId: id,
    before: { state: row.state },
    after: { state, comment: input.comment },
  })
  return reportViewOf(await reportById(context.trx, id))
}

/** Reports: the plan office and leaders see all; a unit sees its own (filtered in the query). */
export async function listReports(context: ReadContext, query: z.output<typeof reportListQuery>) {
  let q = context.db
    .selectFrom('cockpit_reports')
    .innerJoin('cockpit_targets', 'cockpit_targets.id', 'cockpit_reports.target_id')
    .selectAll('cockpit_reports')
    .select('cockpit_targets.code as target_code')
  if (!can(context.actor, 'cockpit.access')) {
    q = q.where('cockpit_reports.unit_code', '=', (await unitOf(context.db, context.actor)) ?? '')
  }
  if (query.planId) q = q.where('cockpit_reports.plan_id', '=', query.planId)
  if (query.targetId) q = q.where('cockpit_reports.target_id', '=', query.targetId)
  if (query.period) q = q.where('cockpit_reports.period', '=', query.period)
  if (query.state) q = q.where('cockpit_reports.state', '=', query.state)
  if (query.unit) q = q.where('cockpit_reports.unit_code', '=', query.unit)
  const rows = await q
    .orderBy('cockpit_reports.period', 'desc')
    .orderBy('cockpit_targets.seq')
    .limit(2000)
    .execute()
  return { items: rows.map(reportViewOf) }
}

export const PERIOD_SHEET = '填报'
export const periodColumns = [
  ['目标编号', 'target'],
  ['期间', 'period'],
  ['区县', 'district'],
  ['数值', 'value'],
  ['说明', 'narrative'],
] as const

/**
 * The period template: sheet 填报 with one row per reported (not computed) target whose frequency
 * fits `period` — the caller's own targets unless they manage plans — and the latest value to fill.
 */
export async function periodTemplateXlsx(context: ReadContext, planId: string, period: string) {
  const plan = await context.db
    .selectFrom('cockpit_plans')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', planId), eb('code', '=', planId)]))
    .executeTakeFirst()
  if (!plan) throw new AppError(cockpitErrors.cockpit_plan_not_found)
  let q = context.db
    .selectFrom('cockpit_targets')
    .select(['code', 'frequency', 'indicator_zh'])
    .where('plan_id', '=', plan.id)
    .where('source', 'is', null)
  if (!can(context.actor, 'cockpit.manage'))
    q = q.where('unit_code', '=', (await unitOf(context.db, context.actor)) ?? '')
  const targets = (await q.orderBy('seq').execute()).filter((t) => matchesFrequency(period, t.frequency))
  return writeXlsx([
    {
      name: PERIOD_SHEET,
      columns: periodColumns.map(([header, key]) => ({ header, key, width: key === 'narrative' ? 40 : 14 })),
      rows: targets.map((t) => ({ target: t.code, period, district: '', value: '', narrative: '' })),
    },
  ])
}

/**
 * A whole period's figures from the Excel template, all or nothing: every row is checked (target,
 * period, district, value, and that the caller's unit owns the target unless it is the plan office)
 * before anything is written. The plan office's import is accepted at once; a unit's awaits review.
 */
export async function importPeriod(context: WriteContext, planId: string, data: Buffer) {
  const table = await readTable(data, 'xlsx', { sheet: PERIOD_SHEET })
  const errors: FieldError[] = []
  const at = (row: number, field: string, code: string, message: string) =>
    errors.push({ path: `${PERIOD_SHEET}!${row}.${field}`, code, message })
  if (table.header.length === 0) at(1, 'sheet', 'sheet_missing', `Sheet ${PERIOD_SHEET} is missing`)
  const plan = await context.trx
    .selectFrom('cockpit_plans')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', planId), eb('code', '=', planId)]))
    .executeTakeFirst()
  if (!plan) throw new AppError(cockpitErrors.cockpit_plan_not_found)
  const targets = await context.trx
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .execute()
  const byCode = new Map(targets.map((t) => [t.code, t]))
  const manager = can(context.actor, 'cockpit.manage')
  const unit = await unitOf(context.trx, context.actor)
  const districts = await districtCodes(context.trx)
  const accepted: { target: TargetRow; input: z.output<typeof reportRequest> }[] = []
  const seen = new Set<string>()
  for (const { row, values } of table.rows) {
    const v = Object.fromEntries(periodColumns.map(([h, k]) => [k, values[h] ?? '']))
    const target = byCode.get(v.target!)
    if (!target) {
      at(row, 'target', 'unknown_target', `Unknown target ${v.target}`)
      continue
    }
    if (!manager && target.unit_code !== unit) {
      at(row, 'target', 'cockpit_not_responsible_unit', `Your unit is not responsible for ${v.target}`)
      continue
    }
    if (!/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(v.period!)) {
      at(row, 'period', 'invalid_period', 'Expected 2024-05 or 2024-Q2')
      continue
    }
    const value = Number(v.value)
    if (v.value === '' || !Number.isFinite(value)) {
      at(row, 'value', 'invalid_number', 'Expected a number')
      continue
    }
    const district = v.district === '' ? null : v.district!
    const problem = await checkReport(context.trx, target, plan, { period: v.period!, district }, districts)
    if (problem) {
      at(row, problem === cockpitErrors.cockpit_district_mismatch ? 'district' : 'period', problem, problem)
      continue
    }
    const key = `${target.code}|${v.period}|${district ?? ''}`
    if (seen.has(key)) at(row, 'target', 'duplicate', `${target.code} ${v.period} appears twice`)
    seen.add(key)
    accepted.push({
      target,
      input: {
        targetId: target.id,
        period: v.period!,
        district,
        value,
        narrative: v.narrative ?? '',
        attachments: [],
      },
    })
  }
  if (table.rows.length === 0 && errors.length === 0) at(2, 'target', 'empty', 'No rows')
  if (errors.length) throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors })
  for (const a of accepted) {
    const existing = await context.trx
      .selectFrom('cockpit_reports')
      .select('state')
      .where('target_id', '=', a.target.id)
      .where('period', '=', a.input.period)
      .where('district', '=', a.input.district ?? '')
      .executeTakeFirst()
    if (existing?.state === 'accepted') {
      throw new AppError(cockpitErrors.cockpit_report_not_editable, {
        detail: { target: a.target.code, period: a.input.period },
      })
    }
    await upsertReport(context, a.target, a.input, manager ? 'accepted' : 'submitted')
  }
  return { imported: accepted.length }
}
