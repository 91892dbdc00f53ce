import { renderPdf } from '../../kernel/documents/pdf.ts'
import { writeXlsx } from '../../kernel/documents/tables.ts'
import { AppError, type Lang } from '../../kernel/errors.ts'
import type { ReadContext } from '../../kernel/http/context.ts'
import { chinaToday } from './dates.ts'
import { cockpitErrors } from './errors.ts'
import { findPlan, targetHistory, targetViewOf, tasksOf, unitNames } from './plans.service.ts'
import { listReports } from './reports.service.ts'
import { indicatorSource } from './sources.ts'
import { periodBounds, periodOf } from './status.ts'
import { listNotices } from './supervision.service.ts'

/** The records behind a computed figure for one period. */
export async function drillDown(context: ReadContext, targetId: string, period: string | undefined) {
  const t = await context.db
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('id', '=', targetId)
    .executeTakeFirst()
  if (!t) throw new AppError(cockpitErrors.cockpit_target_not_found)
  if (!t.source)
    throw new AppError(cockpitErrors.cockpit_target_not_found, { detail: { reason: 'not computed' } })
  const plan = await findPlan(context.db, t.plan_id)
  const p = period ?? periodOf(chinaToday(context.now), t.frequency)
  const source = indicatorSource(t.source)
  const result = source?.available
    ? await source.compute(context.db, { ...periodBounds(p), planStart: plan.period_start })
    : { value: null, records: [] }
  return { targetId: t.id, period: p, source: t.source, value: result.value, records: result.records }
}

/** Everything one unit owes: its targets, its tasks, its reports and its supervision notices. */
export async function unitPage(context: ReadContext, planId: string, unit: string) {
  const plan = await findPlan(context.db, planId)
  const today = chinaToday(context.now)
  const names = await unitNames(context.db)
  const rows = await context.db
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('unit_code', '=', unit)
    .orderBy('seq')
    .execute()
  const targets = []
  for (const t of rows) targets.push(await targetViewOf(context.db, plan, t, today, names))
  return {
    unit,
    unitName: names.get(unit) ?? null,
    targets,
    tasks: await tasksOf(context.db, plan.id, today, unit),
    reports: (await listReports(context, { planId: plan.id, unit })).items,
    notices: (await listNotices(context, { planId: plan.id, unit })).items,
  }
}

/**
 * The period report: each target's figure and status at the end of a period, and the milestones,
 * named in `lang` (the PDF and Excel files are official documents, always in Chinese).
 */
export async function periodReport(context: ReadContext, planId: string, period: string, lang: Lang) {
  const en = lang === 'en'
  const plan = await findPlan(context.db, planId)
  const { to } = periodBounds(period)
  const today = chinaToday(context.now)
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.min would give NaN
  const asOf = to < today ? to : today
  const names = await unitNames(context.db)
  const targets = await context.db
    .selectFrom('cockpit_targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('seq')
    .execute()
  const rows = []
  for (const t of targets) {
    // The figure as it stood at the period's end: the history up to the day after it.
    const history = await targetHistory(context.db, plan, t, nextDay(asOf))
    const latest = [...history].reverse().find((h) => h.value !== null) ?? null
    rows.push({
      code: t.code,
      group: t.group_name,
      indicator: en ? t.indicator_en : t.indicator_zh,
      unit: t.unit,
      target:
        t.kind === 'range' ? `${t.range_min}—${t.range_max}` : (t.target_text ?? String(t.target_value)),
      value: latest?.value ?? null,
      period: latest?.period ?? null,
      expected:
        latest?.expected === null || latest?.expected === undefined
          ? null
          : Math.round(latest.expected * 100) / 100,
      status: latest?.status ?? 'grey',
      responsibleUnit: names.get(t.unit_code)?.[en ? 'en' : 'zh'] ?? t.unit_code,
      computed: t.source !== null,
    })
  }
  const tasks = await tasksOf(context.db, plan.id, asOf)
  const milestones = tasks.flatMap((task) =>
    task.milestones
      .filter((m) => m.dueDate <= to || m.completedOn)
      .map((m) => ({
        section: task.section,
        title: m.title,
        dueDate: m.dueDate,
        state: m.state,
        leadUnit: names.get(task.leadUnit)?.[en ? 'en' : 'zh'] ?? task.leadUnit,
      })),
  )
  return {
    plan: { id: plan.id, title: en ? plan.title_en : plan.title_zh, documentNumber: plan.document_number },
    period,
    asOf,
    targets: rows,
    milestones,
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

const STATUS_ZH: Record<string, string> = {
  green: '绿（正常）',
  amber: '黄（预警）',
  red: '红（滞后）',
  grey: '灰（无数据）',
}
const MILESTONE_ZH: Record<string, string> = {
  pending: '未到期',
  done: '按期完成',
  late: '逾期完成',
  overdue: '逾期未完成',
}

export async function periodReportPdf(report: Awaited<ReturnType<typeof periodReport>>): Promise<Buffer> {
  const cell = (v: unknown) => ({ text: v === null || v === undefined ? '—' : String(v), fontSize: 8 })
  return renderPdf({
    pageOrientation: 'landscape',
    content: [
      { text: `${report.plan.title}（${report.plan.documentNumber}）`, bold: true, fontSize: 14 },
      { text: `期间报告 ${report.period}（截至 ${report.asOf}）`, margin: [0, 4, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: [24, 60, '*', 50, 50, 50, 60, 90],
          body: [
            ['编号', '类别', '指标', '目标', '当前值', '进度应达', '状态', '责任单位'].map((h) => ({
              text: h,
              bold: true,
              fontSize: 8,
            })),
            ...report.targets.map((t) => [
              cell(t.code),
              cell(t.group),
              cell(`${t.indicator}${t.computed ? '（系统计算）' : ''}`),
              cell(`${t.target} ${t.unit}`),
              cell(t.value),
              cell(t.expected),
              cell(STATUS_ZH[t.status]),
              cell(t.responsibleUnit),
            ]),
          ],
        },
      },
      { text: '任务节点', bold: true, margin: [0, 12, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [40, '*', 60, 60, 100],
          body: [
            ['章节', '节点', '时限', '状态', '牵头单位'].map((h) => ({ text: h, bold: true, fontSize: 8 })),
            ...report.milestones.map((m) => [
              cell(m.section),
              cell(m.title),
              cell(m.dueDate),
              cell(MILESTONE_ZH[m.state]),
              cell(m.leadUnit),
            ]),
          ],
        },
      },
    ],
  })
}

export async function periodReportXlsx(report: Awaited<ReturnType<typeof periodReport>>): Promise<Buffer> {
  return writeXlsx([
    {
      name: '目标',
      columns: [
        { header: '编号', key: 'code' },
        { header: '类别', key: 'group' },
        { header: '指标', key: 'indicator', width: 40 },
        { header: '目标', key: 'target' },
        { header: '计量单位', key: 'unit' },
        { header: '当前值', key: 'value' },
        { header: '所属期间', key: 'period' },
        { header: '进度应达', key: 'expected' },
        { header: '状态', key: 'status' },
        { header: '责任单位', key: 'responsibleUnit', width: 30 },
      ],
      rows: report.targets.map((t) => ({ ...t, status: STATUS_ZH[t.status] })),
    },
    {
      name: '节点',
      columns: [
        { header: '章节', key: 'section' },
        { header: '节点', key: 'title', width: 50 },
        { header: '时限', key: 'dueDate' },
        { header: '状态', key: 'state' },
        { header: '牵头单位', key: 'leadUnit', width: 30 },
      ],
      rows: report.milestones.map((m) => ({ ...m, state: MILESTONE_ZH[m.state] })),
    },
  ])
}
