import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { type PlanFile, planFileSchema, type TargetFile, type TaskFile } from '../../../contracts/cockpit.ts'
import { type ImportedRow, readTable, writeXlsx } from '../../kernel/documents/tables.ts'
import { AppError, type FieldError } from '../../kernel/errors.ts'
import { newId } from '../../kernel/ids.ts'
import { cockpitErrors } from './errors.ts'

/** Validates a plan file; every problem is reported with its JSON path, nothing is written. */
export function parsePlanFile(input: unknown, knownUnits: ReadonlySet<string> | null): PlanFile {
  const parsed = planFileSchema.safeParse(input)
  const errors: FieldError[] = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({ path: issue.path.join('.'), code: issue.code, message: issue.message })
    }
    throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors })
  }
  if (knownUnits) {
    const check = (unit: string, path: string) => {
      if (!knownUnits.has(unit))
        errors.push({ path, code: 'unknown_unit', message: `Unknown organization code ${unit}` })
    }
    for (const [i, t] of parsed.data.targets.entries())
      check(t.responsibleUnit, `targets.${i}.responsibleUnit`)
    for (const [i, t] of parsed.data.tasks.entries()) {
      check(t.leadUnit, `tasks.${i}.leadUnit`)
      for (const [j, u] of t.coUnits.entries()) check(u, `tasks.${i}.coUnits.${j}`)
    }
    if (errors.length) throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors })
  }
  return parsed.data
}

/** The plan row's columns from a file (shared by insert and update). */
export function planColumnsOf(plan: PlanFile) {
  return {
    code: plan.code,
    title_zh: plan.title.zh,
    title_en: plan.title.en,
    issuer: plan.issuer,
    document_number: plan.documentNumber,
    issued_on: plan.issuedOn,
    period_start: plan.periodStart,
    period_end: plan.periodEnd,
    response_working_days: plan.responseWorkingDays,
  }
}

export function targetColumnsOf(t: TargetFile, seq: number) {
  return {
    code: t.code,
    seq,
    group_name: t.group,
    indicator_zh: t.indicator.zh,
    indicator_en: t.indicator.en,
    unit: t.unit,
    kind: t.kind,
    comparator: t.comparator,
    direction: t.direction,
    baseline: t.baseline,
    target_value: t.targetValue,
    range_min: t.rangeMin,
    range_max: t.rangeMax,
    target_text: t.targetText,
    due_date: t.dueDate,
    unit_code: t.responsibleUnit,
    frequency: t.frequency,
    cumulative: t.cumulative ? 1 : 0,
    by_district: t.byDistrict ? 1 : 0,
    source: t.source,
    note: t.note,
  }
}

export function taskColumnsOf(task: TaskFile, seq: number) {
  return {
    seq,
    section: task.section,
    title_zh: task.title.zh,
    title_en: task.title.en,
    summary: task.summary,
    lead_unit: task.leadUnit,
    co_units: JSON.stringify(task.coUnits),
  }
}

export function milestoneColumnsOf(m: TaskFile['milestones'][number], seq: number) {
  return { seq, title: m.title, due_date: m.dueDate, standard: m.standard, derived: m.derived ? 1 : 0 }
}

/** Inserts a validated plan with its targets, tasks and milestones; returns the plan id. */
export async function insertPlan(trx: Kysely<any>, plan: PlanFile, now: Date): Promise<string> {
  const at = now.toISOString()
  const t0 = now.getTime()
  const planId = newId(t0)
  await trx
    .insertInto('cockpit_plans')
    .values({ id: planId, ...planColumnsOf(plan), created_at: at, updated_at: at })
    .execute()
  await trx
    .insertInto('cockpit_targets')
    .values(
      plan.targets.map((t, i) => ({ id: newId(t0 + i), plan_id: planId, ...targetColumnsOf(t, i + 1) })),
    )
    .execute()
  for (const [i, task] of plan.tasks.entries()) {
    const taskId = newId(t0 + 1000 + i)
    await trx
      .insertInto('cockpit_tasks')
      .values({ id: taskId, plan_id: planId, ...taskColumnsOf(task, i + 1) })
      .execute()
    if (task.milestones.length) {
      await trx
        .insertInto('cockpit_milestones')
        .values(
          task.milestones.map((m, j) => ({
            id: newId(t0 + 2000 + i * 100 + j),
            plan_id: planId,
            task_id: taskId,
            ...milestoneColumnsOf(m, j + 1),
            completed_on: null,
            completion_note: null,
            completed_by: null,
          })),
        )
        .execute()
    }
  }
  return planId
}

/** A stored plan back in the file format (round-trips through `parsePlanFile`). */
export async function exportPlanFile(db: Kysely<any>, planId: string): Promise<PlanFile> {
  const p = await db.selectFrom('cockpit_plans').selectAll().where('id', '=', planId).executeTakeFirst()
  if (!p) throw new AppError(cockpitErrors.cockpit_plan_not_found)
  const targets = await db
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute()
  const tasks = await db
    .selectFrom('cockpit_tasks')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute()
  const milestones = await db
    .selectFrom('cockpit_milestones')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute()
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    format: 'zhibao-plan/1',
    code: p.code,
    title: { zh: p.title_zh, en: p.title_en },
    issuer: p.issuer,
    documentNumber: p.document_number,
    issuedOn: p.issued_on,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    responseWorkingDays: p.response_working_days,
    targets: targets.map((t) => ({
      code: t.code,
      group: t.group_name,
      indicator: { zh: t.indicator_zh, en: t.indicator_en },
      unit: t.unit,
      kind: t.kind,
      comparator: t.comparator,
      direction: t.direction,
      baseline: num(t.baseline),
      targetValue: num(t.target_value),
      rangeMin: num(t.range_min),
      rangeMax: num(t.range_max),
      targetText: t.target_text,
      dueDate: t.due_date,
      responsibleUnit: t.unit_code,
      frequency: t.frequency,
      cumulative: t.cumulative === 1,
      byDistrict: t.by_district === 1,
      source: t.source,
      note: t.note,
    })),
    tasks: tasks.map((t) => ({
      section: t.section,
      title: { zh: t.title_zh, en: t.title_en },
      summary: t.summary,
      leadUnit: t.lead_unit,
      coUnits: JSON.parse(t.co_units),
      milestones: milestones
        .filter((m) => m.task_id === t.id)
        .map((m) => ({
          title: m.title,
          dueDate: m.due_date,
          standard: m.standard,
          derived: m.derived === 1,
        })),
    })),
  }
}

// The Excel template: one sheet per part, Chinese headers a plan office can fill in by hand.
const PLAN_SHEET = '方案'
const TARGET_SHEET = '目标'
const TASK_SHEET = '任务'
const MILESTONE_SHEET = '节点'

const planColumns = [
  ['编码', 'code'],
  ['名称', 'titleZh'],
  ['英文名称', 'titleEn'],
  ['发文机关', 'issuer'],
  ['文号', 'documentNumber'],
  ['印发日期', 'issuedOn'],
  ['开始日期', 'periodStart'],
  ['结束日期', 'periodEnd'],
  ['督办答复工作日', 'responseWorkingDays'],
] as const
const targetColumns = [
  ['编号', 'code'],
  ['类别', 'group'],
  ['指标', 'indicatorZh'],
  ['英文指标', 'indicatorEn'],
  ['计量单位', 'unit'],
  ['类型', 'kind'],
  ['比较', 'comparator'],
  ['方向', 'direction'],
  ['基期值', 'baseline'],
  ['目标值', 'targetValue'],
  ['区间下限', 'rangeMin'],
  ['区间上限', 'rangeMax'],
  ['目标表述', 'targetText'],
  ['完成时限', 'dueDate'],
  ['责任单位', 'responsibleUnit'],
  ['填报频次', 'frequency'],
  ['累计', 'cumulative'],
  ['分区县', 'byDistrict'],
  ['计算来源', 'source'],
  ['备注', 'note'],
] as const
const taskColumns = [
  ['章节', 'section'],
  ['任务', 'titleZh'],
  ['英文任务', 'titleEn'],
  ['内容', 'summary'],
  ['牵头单位', 'leadUnit'],
  ['配合单位', 'coUnits'],
] as const
const milestoneColumns = [
  ['章节', 'section'],
  ['节点', 'title'],
  ['完成时限', 'dueDate'],
  ['验收标准', 'standard'],
  ['推定', 'derived'],
] as const

type Columns = readonly (readonly [string, string])[]
const sheetOf = (name: string, columns: Columns, rows: Record<string, unknown>[]) => ({
  name,
  columns: columns.map(([header, key]) => ({ header, key, width: 18 })),
  rows,
})
const yesNo = (b: boolean) => (b ? '是' : '否')

export async function planToXlsx(plan: PlanFile): Promise<Buffer> {
  return writeXlsx([
    sheetOf(PLAN_SHEET, planColumns, [
      {
        code: plan.code,
        titleZh: plan.title.zh,
        titleEn: plan.title.en,
        issuer: plan.issuer,
        documentNumber: plan.documentNumber,
        issuedOn: plan.issuedOn,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        responseWorkingDays: plan.responseWorkingDays,
      },
    ]),
    sheetOf(
      TARGET_SHEET,
      targetColumns,
      plan.targets.map((t) => ({
        ...t,
        indicatorZh: t.indicator.zh,
        indicatorEn: t.indicator.en,
        cumulative: yesNo(t.cumulative),
        byDistrict: yesNo(t.byDistrict),
      })),
    ),
    sheetOf(
      TASK_SHEET,
      taskColumns,
      plan.tasks.map((t) => ({
        ...t,
        titleZh: t.title.zh,
        titleEn: t.title.en,
        coUnits: t.coUnits.join(','),
      })),
    ),
    sheetOf(
      MILESTONE_SHEET,
      milestoneColumns,
      plan.tasks.flatMap((t) =>
        t.milestones.map((m) => ({ section: t.section, ...m, derived: yesNo(m.derived) })),
      ),
    ),
  ])
}

/** The empty Excel template: the four sheets with their headers, to be filled in by hand. */
export async function planTemplateXlsx(): Promise<Buffer> {
  return writeXlsx([
    sheetOf(PLAN_SHEET, planColumns, []),
    sheetOf(TARGET_SHEET, targetColumns, []),
    sheetOf(TASK_SHEET, taskColumns, []),
    sheetOf(MILESTONE_SHEET, milestoneColumns, []),
  ])
}

/**
 * Reads the Excel template into the file format. Errors name the sheet and the spreadsheet row
 * (`目标!7.targetValue`), and all of them are reported at once.
 */
export async function planFromXlsx(data: Buffer, knownUnits: ReadonlySet<string>): Promise<PlanFile> {
  const errors: FieldError[] = []
  const read = async (sheet: string, columns: Columns) => {
    const table = await readTable(data, 'xlsx', { sheet })
    if (table.header.length === 0) {
      errors.push({ path: sheet, code: 'sheet_missing', message: `Sheet ${sheet} is missing` })
    }
    return table.rows.map((r) => ({
      row: r.row,
      values: Object.fromEntries(columns.map(([header, key]) => [key, r.values[header] ?? ''])),
    }))
  }
  const planRows = await read(PLAN_SHEET, planColumns)
  const targetRows = await read(TARGET_SHEET, targetColumns)
  const taskRows = await read(TASK_SHEET, taskColumns)
  const milestoneRows = await read(MILESTONE_SHEET, milestoneColumns)
  if (errors.length) throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors })
  const text = (v: string | undefined) => (v ? v : null)
  const number = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v))
  const flag = (v: string | undefined) => ['是', 'y', 'yes', 'true', '1'].includes((v ?? '').toLowerCase())
  const p = planRows[0]?.values ?? {}
  const file = {
    format: 'zhibao-plan/1',
    code: p.code,
    title: { zh: p.titleZh, en: p.titleEn ?? '' },
    issuer: p.issuer,
    documentNumber: p.documentNumber,
    issuedOn: p.issuedOn,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    responseWorkingDays: number(p.responseWorkingDays) ?? undefined,
    targets: targetRows.map(({ values: v }) => ({
      code: v.code,
      group: v.group,
      indicator: { zh: v.indicatorZh, en: v.indicatorEn ?? '' },
      unit: v.unit,
      kind: v.kind,
      comparator: text(v.comparator) ?? undefined,
      direction: text(v.direction) ?? undefined,
      baseline: number(v.baseline),
      targetValue: number(v.targetValue),
      rangeMin: number(v.rangeMin),
      rangeMax: number(v.rangeMax),
      targetText: text(v.targetText),
      dueDate: v.dueDate,
      responsibleUnit: v.responsibleUnit,
      frequency: text(v.frequency) ?? undefined,
      cumulative: flag(v.cumulative),
      byDistrict: flag(v.byDistrict),
      source: text(v.source),
      note: text(v.note),
    })),
    tasks: taskRows.map(({ values: v }) => ({
      section: v.section,
      title: { zh: v.titleZh, en: v.titleEn ?? '' },
      summary: v.summary ?? '',
      leadUnit: v.leadUnit,
      coUnits: (v.coUnits ?? '')
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      milestones: milestoneRows
        .filter((m) => m.values.section === v.section)
        .map(({ values: m }) => ({
          title: m.title,
          dueDate: m.dueDate,
          standard: m.standard,
          derived: flag(m.derived),
        })),
    })),
  }
  for (const [i, m] of milestoneRows.entries()) {
    if (!taskRows.some((t) => t.values.section === m.values.section)) {
      errors.push({
        path: `${MILESTONE_SHEET}!${milestoneRows[i]!.row}.section`,
        code: 'unknown_section',
        message: `No task ${m.values.section}`,
      })
    }
  }
  try {
    const parsed = parsePlanFile(file, knownUnits)
    if (errors.length) throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors })
    return parsed
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    // Translate JSON paths (targets.3.targetValue) back to sheet rows (目标!5.targetValue).
    const rowOf = (rows: { row: number }[], index: string | undefined) => rows[Number(index)]?.row ?? '?'
    const mapped = (error.options.errors ?? []).map((e) => {
      const [head, index, ...rest] = e.path.split('.')
      if (head === 'targets')
        return { ...e, path: `${TARGET_SHEET}!${rowOf(targetRows, index)}.${rest.join('.')}` }
      if (head === 'tasks' && rest[0] === 'milestones') {
        const section = taskRows[Number(index)]?.values.section
        const ms = milestoneRows.filter((m) => m.values.section === section)
        return { ...e, path: `${MILESTONE_SHEET}!${rowOf(ms, rest[1])}.${rest.slice(2).join('.')}` }
      }
      if (head === 'tasks') return { ...e, path: `${TASK_SHEET}!${rowOf(taskRows, index)}.${rest.join('.')}` }
      return { ...e, path: `${PLAN_SHEET}!2.${e.path}` }
    })
    throw new AppError(cockpitErrors.cockpit_plan_file_invalid, { errors: [...mapped, ...errors] })
  }
}

export type { ImportedRow, z }
