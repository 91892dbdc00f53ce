import { Card, Col, Form, Input, Row, Select, Statistic, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { caseStatisticsResponse } from '../../../contracts/cases.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaToday } from '../calendar/today.ts'
import { CASE_TYPES, type CaseType } from './model.ts'

type Stats = z.infer<typeof caseStatisticsResponse>
type Org = { id: string; name: string; nameEn?: string | null }

/** Workbench: received and closed per type and district, closure ratio, handling times, on-time rates. */
export function StatisticsPage() {
  const { t } = useTranslation('cases')
  const today = chinaToday()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [type, setType] = useState<CaseType | undefined>()
  const stats = useFetch(() => api.get<Stats>('/api/cases/statistics', { from, to, type }), [from, to, type])
  // District names for the groups; the organization list is public.
  const orgs = useFetch(() => api.get<Org[]>('/api/organizations'), [])
  const orgName = (id: string | null) =>
    id === null ? t('stats.noDistrict') : (orgs.data?.find((o) => o.id === id)?.name ?? id)
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)
  const days = (v: number | null) => (v === null ? '—' : v.toFixed(1))
  const s = stats.data
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
      }
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('stats.from')}>
          <Input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('stats.to')}>
          <Input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('list.type')}>
          <Select<CaseType>
            allowClear
            style={{ minWidth: 180 }}
            value={type}
            onChange={setType}
            placeholder={t('stats.allTypes')}
            options={Object.keys(CASE_TYPES).map((k) => ({ value: k as CaseType, label: t(`type.${k}`) }))}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={stats.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.received')} value={s?.received ?? 0} loading={stats.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('stats.closed')} value={s?.closed ?? 0} loading={stats.loading} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('stats.closureRatio')}
            value={pct(s?.closureRatio ?? null)}
            loading={stats.loading}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('stats.handlingDays')}
            value={`${days(s?.handlingDays.mean ?? null)} / ${days(s?.handlingDays.p90 ?? null)}`}
            loading={stats.loading}
          />
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('stats.byTypeDistrict')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(g) => `${g.type}-${g.districtId}`}
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={stats.loading}
        dataSource={s?.groups ?? []}
        columns={[
          { title: t('list.type'), dataIndex: 'type', render: (v: string) => t(`type.${v}`) },
          { title: t('stats.district'), dataIndex: 'districtId', render: (v: string | null) => orgName(v) },
          { title: t('stats.received'), dataIndex: 'received' },
          { title: t('stats.closed'), dataIndex: 'closed' },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('stats.onTime')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="ruleId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={stats.loading}
        dataSource={s?.onTime ?? []}
        columns={[
          { title: t('queue.rule'), dataIndex: 'ruleId' },
          { title: t('stats.met'), dataIndex: 'met' },
          { title: t('stats.metOnTime'), dataIndex: 'onTime' },
          { title: t('stats.rate'), dataIndex: 'rate', render: (v: number) => pct(v) },
        ]}
      />
    </Card>
  )
}
