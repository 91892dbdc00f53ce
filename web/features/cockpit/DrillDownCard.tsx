import { Card, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type DrillDown = {
  period: string
  value: number | null
  records: { type: string; id: string; label: string; role: string }[]
}

/** The records behind a computed figure for one period (a case links to its file). */
export function DrillDownCard({ targetId, periods }: { targetId: string; periods: string[] }) {
  const { t } = useTranslation('plan')
  const [period, setPeriod] = useState<string | undefined>(periods.at(-1))
  const drill = useFetch(
    () => api.get<DrillDown>(`/api/cockpit/targets/${targetId}/drilldown`, { period }),
    [targetId, period],
  )
  return (
    <Card
      title={t('drill.title')}
      extra={
        <Select
          aria-label={t('field.period')}
          style={{ width: 120 }}
          value={period}
          onChange={setPeriod}
          options={[...periods].reverse().map((p) => ({ value: p, label: p }))}
        />
      }
    >
      <ProblemAlert error={drill.error} />
      <Typography.Paragraph>
        {t('drill.value', { period: drill.data?.period ?? period ?? '', value: drill.data?.value ?? '—' })}
      </Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.type}:${r.id}:${r.role}`}
        size="small"
        loading={drill.loading}
        dataSource={drill.data?.records ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('drill.empty') }}
        columns={[
          {
            title: t('drill.record'),
            render: (_: unknown, r: DrillDown['records'][number]) =>
              r.type === 'case' ? <Link to={`/workbench/cases/${r.id}`}>{r.label}</Link> : r.label,
          },
          {
            title: t('drill.role'),
            dataIndex: 'role',
            render: (role: string) => t(`drill.roles.${role}`, { defaultValue: role }),
          },
        ]}
      />
    </Card>
  )
}
