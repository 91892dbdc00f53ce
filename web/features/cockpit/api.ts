import { api } from '../../app/api.ts'
import type { ImportResult, NoticeView, PlanDetail, PlanSummary, ReportView, TargetPage } from './model.ts'

export type NoticeAction = { text: string; responseWorkingDays?: number }

export const cockpitApi = {
  plan: (id: string) => api.get<PlanDetail>(`/api/cockpit/plans/${id}`),
  target: (id: string) => api.get<TargetPage>(`/api/cockpit/targets/${id}`),
  reports: (query: Record<string, string | undefined>) =>
    api.get<{ items: ReportView[] }>('/api/cockpit/reports', query),
  submit: (body: unknown) => api.post<ReportView>('/api/cockpit/reports', body),
  review: (id: string, body: { decision: 'accept' | 'return'; comment?: string; version?: number }) =>
    api.post<ReportView>(`/api/cockpit/reports/${id}/review`, body),
  unit: (planId: string, unit: string) =>
    api.get<{
      unit: string
      unitName: { zh: string; en: string } | null
      targets: PlanDetail['targets']
      tasks: PlanDetail['tasks']
      reports: ReportView[]
      notices: NoticeView[]
    }>(`/api/cockpit/plans/${planId}/units/${unit}`),
  notices: (query: Record<string, string | undefined>) =>
    api.get<{ items: NoticeView[] }>('/api/cockpit/notices', query),
  notice: (id: string) => api.get<NoticeView>(`/api/cockpit/notices/${id}`),
  followUp: (id: string, body: NoticeAction) =>
    api.post<NoticeView>(`/api/cockpit/notices/${id}/follow-up`, body),
  close: (id: string, body: NoticeAction) => api.post<NoticeView>(`/api/cockpit/notices/${id}/close`, body),
  respond: (id: string, body: NoticeAction) =>
    api.post<NoticeView>(`/api/cockpit/notices/${id}/respond`, body),
  plans: () => api.get<{ items: PlanSummary[] }>('/api/cockpit/plans'),
  importPlan: (file: unknown) => api.post<ImportResult>('/api/cockpit/plans', file),
  completeMilestone: (id: string, body: { completedOn: string; note: string }) =>
    api.post<{ ok: true }>(`/api/cockpit/milestones/${id}/complete`, body),
  periodReport: (planId: string, period: string) =>
    api.get<{
      targets: {
        code: string
        indicator: string
        target: string
        unit: string
        value: number | null
        expected: number | null
        status: string
        responsibleUnit: string
      }[]
    }>(`/api/cockpit/plans/${planId}/period-report`, { period }),
}
