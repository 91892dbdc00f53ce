import { api } from '../../app/api.ts'
import type { NoticeView, PlanDetail, ReportView, TargetPage } from './model.ts'

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
  followUp: (id: string, text: string) =>
    api.post<NoticeView>(`/api/cockpit/notices/${id}/follow-up`, { text }),
  close: (id: string, text: string) => api.post<NoticeView>(`/api/cockpit/notices/${id}/close`, { text }),
  respond: (id: string, text: string) => api.post<NoticeView>(`/api/cockpit/notices/${id}/respond`, { text }),
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
