import { Card, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { DEFAULT_PLAN } from './model.ts'
import { Shell } from './Shell.tsx'
import { StatusTag } from './StatusTag.tsx'

function quarters(): string[] {
  const out: string[] = []
  for (let y = new Date().getUTCFullYear(); y >= 2022; y--)
    for (let q = 4; q >= 1; q--) out.push(`${y}-Q${q}`)
  return out
}

/** The period report: every target at a quarter's end, downloadable as PDF and Excel. */
export function PeriodReportPage() {
  const { t } = useTranslation('plan')
  const [period, setPeriod] = useState(quarters()[4]!)
  const report = useFetch(() => cockpitApi.periodReport(DEFAULT_PLAN, period), [period])
  const href = (format: string) =>
    `/api/cockpit/plans/${DEFAULT_PLAN}/period-report?period=${period}&format=${format}`
  return (
    <Shell title={t('periodReport.title')}>
      <ProblemAlert error={report.error} />
      <Card
        title={
          <Space>
            {t('field.period')}
            <Select
              aria-label={t('field.period')}
              value={period}
              onChange={setPeriod}
              options={quarters().map((q) => ({ value: q, label: q }))}
              style={{ width: 120 }}
            />
          </Space>
        }
        extra={
          <Space>
            <a href={href('pdf')}>{t('periodReport.pdf')}</a>
            <a href={href('xlsx')}>{t('periodReport.xlsx')}</a>
          </Space>
        }
      >
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          loading={report.loading}
          dataSource={report.data?.targets ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('field.code'), dataIndex: 'code' },
            { title: t('field.indicator'), dataIndex: 'indicator' },
            {
              title: t('field.goal'),
              render: (_: unknown, r: { target: string; unit: string }) => `${r.target} ${r.unit}`,
            },
            { title: t('field.current'), dataIndex: 'value', render: (v: number | null) => v ?? '—' },
            { title: t('overview.expected'), dataIndex: 'expected', render: (v: number | null) => v ?? '—' },
            {
              title: t('field.status'),
              dataIndex: 'status',
              render: (s: string) => <StatusTag status={s} />,
            },
            { title: t('field.unit'), dataIndex: 'responsibleUnit' },
          ]}
        />
      </Card>
    </Shell>
  )
}
