import type { z } from 'zod'
import type {
  importResult,
  milestoneView,
  noticeView,
  planDetail,
  planSummary,
  reportView,
  targetView,
  taskView,
} from '../../../contracts/cockpit.ts'

export type PlanDetail = z.infer<typeof planDetail>
export type PlanSummary = z.infer<typeof planSummary>
export type ImportResult = z.infer<typeof importResult>
export type TargetView = z.infer<typeof targetView>
export type TaskView = z.infer<typeof taskView>
export type MilestoneView = z.infer<typeof milestoneView>
export type ReportView = z.infer<typeof reportView>
export type NoticeView = z.infer<typeof noticeView>
export type PeriodValue = { period: string; value: number | null; status: string; expected: number | null }
export type TargetPage = {
  target: TargetView
  history: PeriodValue[]
  districts: { district: string; name: { zh: string; en: string } | null; value: number; period: string }[]
}

export const DEFAULT_PLAN = 'suzhou-2022-83'

/** The goal as written: a range, a qualitative text, or a number with its comparator. */
export function goalText(t: TargetView): string {
  if (t.kind === 'range') return `${t.rangeMin}—${t.rangeMax}`
  if (t.targetValue === null) return t.targetText ?? '—'
  return `${t.comparator === 'moreThan' ? '>' : '≥'}${t.targetValue}`
}

/** Targets counted by group and status, for the progress chart. */
export function statusByGroup(targets: TargetView[]) {
  const groups = [...new Set(targets.map((t) => t.group))]
  const statuses = ['green', 'amber', 'red', 'grey'] as const
  return {
    groups,
    series: statuses.map((s) => ({
      status: s,
      data: groups.map((g) => targets.filter((t) => t.group === g && t.status === s).length),
    })),
  }
}
