import { App, Button, Card, Col, Input, Row, Select, Space, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaToday } from '../calendar/today.ts'
import { cockpitApi } from './api.ts'
import { ImportErrors } from './ImportErrors.tsx'
import { MilestoneComplete } from './MilestoneComplete.tsx'
import { DEFAULT_PLAN, type ImportResult, type MilestoneView, type PlanSummary } from './model.ts'
import { Shell } from './Shell.tsx'
import { MilestoneTag } from './StatusTag.tsx'

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/

/** The last quarter that has ended (or the plan's last quarter): the period usually imported. */
function lastQuarter(periodEnd: string | undefined): string {
  const today = chinaToday()
  const end = periodEnd && periodEnd < today ? periodEnd : today
  const q =
    Number(end.slice(0, 4)) * 4 + Math.floor((Number(end.slice(5, 7)) - 1) / 3) - (end === today ? 1 : 0)
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`
}

const asError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError({ code: 'invalid_file', title: String(e), status: 400 })

/** The plan office: plans in and out (JSON or Excel), a period's figures from Excel, milestones done. */
export function PlanOfficePage() {
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const { message } = App.useApp()
  const plans = useFetch(() => cockpitApi.plans(), [])
  const [planId, setPlanId] = useState(DEFAULT_PLAN)
  const plan = useFetch(() => cockpitApi.plan(planId), [planId])
  const [planError, setPlanError] = useState<ApiError>()
  const [periodError, setPeriodError] = useState<ApiError>()
  const [chosenPeriod, setPeriod] = useState<string>()
  const [busy, setBusy] = useState<'plan' | 'period'>()

  const importPlan = async (file: File) => {
    setBusy('plan')
    setPlanError(undefined)
    try {
      let result: Awaited<ReturnType<typeof cockpitApi.importPlan>>
      if (/\.json$/i.test(file.name)) {
        let body: unknown
        try {
          body = JSON.parse(await file.text())
        } catch {
          throw new ApiError({ code: 'invalid_json', title: t('office.notJson'), status: 400 })
        }
        result = await cockpitApi.importPlan(body)
      } else {
        result = await api.upload<ImportResult>('/api/cockpit/plans/import.xlsx', file)
      }
      message.success(
        result.mode === 'updated'
          ? t('office.planUpdated', {
              added: result.changes?.added ?? 0,
              updated: result.changes?.updated ?? 0,
              removed: result.changes?.removed ?? 0,
            })
          : t('office.planImported', { count: result.imported }),
      )
      await plans.reload()
      const code = (await cockpitApi.plans()).items.find((p) => p.id === result.planId)?.code
      if (code && code !== planId) setPlanId(code)
      else await plan.reload()
    } catch (e) {
      setPlanError(asError(e))
    } finally {
      setBusy(undefined)
    }
  }

  const importPeriod = async (file: File) => {
    setBusy('period')
    setPeriodError(undefined)
    try {
      const result = await api.upload<ImportResult>(`/api/cockpit/plans/${planId}/reports/import.xlsx`, file)
      message.success(t('office.periodImported', { count: result.imported }))
      await plan.reload()
    } catch (e) {
      setPeriodError(asError(e))
    } finally {
      setBusy(undefined)
    }
  }

  const period = chosenPeriod ?? lastQuarter(plan.data?.periodEnd)
  const milestones = (plan.data?.tasks ?? []).flatMap((task) =>
    task.milestones.map((m) => ({ ...m, section: task.section, lead: task.leadUnit })),
  )
  type Row = MilestoneView & { section: string; lead: string }

  return (
    <Shell title={t('office.title')}>
      <ProblemAlert error={plans.error ?? plan.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('office.plans')}>
            <Table<PlanSummary>
              rowKey="id"
              size="small"
              pagination={false}
              loading={plans.loading}
              dataSource={plans.data?.items ?? []}
              scroll={{ x: true }}
              columns={[
                { title: t('office.code'), dataIndex: 'code' },
                {
                  title: t('office.planTitle'),
                  render: (_, p) => (en ? p.title.en || p.title.zh : p.title.zh),
                },
                { title: t('office.documentNumber'), dataIndex: 'documentNumber' },
                { title: t('office.targets'), dataIndex: 'targetCount' },
                { title: t('office.tasks'), dataIndex: 'taskCount' },
                {
                  title: t('field.actions'),
                  render: (_, p) => (
                    <Space wrap>
                      <a href={`/api/cockpit/plans/${p.id}/export.json`} download={`${p.code}.json`}>
                        {t('office.exportJson')}
                      </a>
                      <a href={`/api/cockpit/plans/${p.id}/export.xlsx`}>{t('office.exportXlsx')}</a>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('office.importPlan')}>
            <Typography.Paragraph type="secondary">{t('office.importPlanHelp')}</Typography.Paragraph>
            <Space wrap data-testid="plan-import">
              <Upload
                accept=".json,.xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void importPlan(file)
                  return false
                }}
              >
                <Button type="primary" loading={busy === 'plan'}>
                  {t('office.chooseFile')}
                </Button>
              </Upload>
              <a href="/api/cockpit/plan-template.xlsx">{t('office.planTemplate')}</a>
            </Space>
            <ImportErrors error={planError} testId="plan-import-errors" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('office.importPeriod')}>
            <Typography.Paragraph type="secondary">{t('office.importPeriodHelp')}</Typography.Paragraph>
            <Space wrap data-testid="period-import">
              <Input
                aria-label={t('field.period')}
                value={period}
                onChange={(e) => setPeriod(e.target.value.trim())}
                status={PERIOD.test(period) ? undefined : 'error'}
                style={{ width: 120 }}
              />
              {PERIOD.test(period) ? (
                <a href={`/api/cockpit/plans/${planId}/reports/template.xlsx?period=${period}`}>
                  {t('office.periodTemplate')}
                </a>
              ) : (
                <Typography.Text type="danger">{t('office.periodFormat')}</Typography.Text>
              )}
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void importPeriod(file)
                  return false
                }}
              >
                <Button type="primary" loading={busy === 'period'}>
                  {t('office.chooseFile')}
                </Button>
              </Upload>
            </Space>
            <ImportErrors error={periodError} testId="period-import-errors" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('office.milestones')}
            extra={
              <Select
                aria-label={t('office.plan')}
                style={{ width: 280 }}
                value={planId}
                onChange={setPlanId}
                options={(plans.data?.items ?? []).map((p) => ({
                  value: p.code,
                  label: `${p.code} · ${p.documentNumber}`,
                }))}
              />
            }
          >
            <Table<Row>
              rowKey="id"
              size="small"
              loading={plan.loading}
              dataSource={milestones}
              pagination={{ pageSize: 15, showSizeChanger: false }}
              scroll={{ x: true }}
              columns={[
                { title: t('office.section'), dataIndex: 'section' },
                { title: t('office.milestone'), dataIndex: 'title' },
                { title: t('field.dueDate'), dataIndex: 'dueDate' },
                { title: t('office.standard'), dataIndex: 'standard' },
                { title: t('field.status'), render: (_, m) => <MilestoneTag state={m.state} /> },
                {
                  title: t('office.completion'),
                  render: (_, m) => (m.completedOn ? `${m.completedOn} · ${m.completionNote ?? ''}` : '—'),
                },
                {
                  title: t('field.actions'),
                  render: (_, m) =>
                    m.completedOn ? null : (
                      <MilestoneComplete
                        milestone={m}
                        label={`${m.section} ${m.title}`}
                        onDone={() => plan.reload()}
                      />
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Shell>
  )
}
