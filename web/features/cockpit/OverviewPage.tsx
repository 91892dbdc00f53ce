import { Card, Col, Row, Select, Statistic, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { Chart, STATUS_COLORS } from './charts.tsx'
import { DEFAULT_PLAN, goalText, statusByGroup, type TargetView } from './model.ts'
import { NoticesCard } from './NoticesCard.tsx'
import { Shell } from './Shell.tsx'
import { StatusTag } from './StatusTag.tsx'

/** The plan at a glance: status per target group, a target's trend, district bars, the task timeline. */
export function OverviewPage() {
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const plan = useFetch(() => cockpitApi.plan(DEFAULT_PLAN), [])
  const targets = plan.data?.targets ?? []
  const [trendId, setTrendId] = useState<string>()
  const [districtId, setDistrictId] = useState<string>()
  const trendTarget = trendId ?? targets.find((x) => x.code === 'T13')?.id
  const districtTarget = districtId ?? targets.find((x) => x.byDistrict)?.id
  const trend = useFetch(
    () => (trendTarget ? cockpitApi.target(trendTarget) : Promise.resolve(undefined)),
    [trendTarget],
  )
  const districts = useFetch(
    () => (districtTarget ? cockpitApi.target(districtTarget) : Promise.resolve(undefined)),
    [districtTarget],
  )
  const byGroup = useMemo(() => statusByGroup(targets), [targets])
  const label = (x: TargetView) => `${x.code} ${en ? x.indicator.en : x.indicator.zh}`
  const milestones = (plan.data?.tasks ?? []).flatMap((task) =>
    task.milestones.map((m) => ({ task: task.section, ...m })),
  )
  const counts = (s: string) => targets.filter((x) => x.status === s).length

  return (
    <Shell title={plan.data ? (en ? plan.data.title.en : plan.data.title.zh) : t('title')}>
      <ProblemAlert error={plan.error} />
      <Row gutter={[16, 16]}>
        {(['green', 'amber', 'red', 'grey'] as const).map((s) => (
          <Col key={s} xs={12} md={6}>
            <Card>
              <Statistic
                title={t(`status.${s}`)}
                value={counts(s)}
                loading={plan.loading}
                valueStyle={{ color: STATUS_COLORS[s] }}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title={t('overview.groups')}>
            <Chart
              label={t('overview.groups')}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: byGroup.groups },
                series: byGroup.series.map((s) => ({
                  type: 'bar',
                  stack: 'status',
                  name: t(`status.${s.status}`),
                  data: s.data,
                  itemStyle: { color: STATUS_COLORS[s.status] },
                })),
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('overview.trend')}
            extra={
              <Select
                aria-label={t('overview.trendTarget')}
                style={{ width: 240 }}
                value={trendTarget}
                onChange={setTrendId}
                options={targets.map((x) => ({ value: x.id, label: label(x) }))}
              />
            }
          >
            <Chart
              label={t('overview.trend')}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
                xAxis: { type: 'category', data: (trend.data?.history ?? []).map((h) => h.period) },
                yAxis: { type: 'value' },
                series: [
                  {
                    type: 'line',
                    name: t('overview.actual'),
                    data: (trend.data?.history ?? []).map((h) => h.value),
                    connectNulls: true,
                  },
                  {
                    type: 'line',
                    name: t('overview.expected'),
                    data: (trend.data?.history ?? []).map((h) => h.expected),
                    lineStyle: { type: 'dashed' },
                  },
                ],
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('overview.districts')}
            extra={
              <Select
                aria-label={t('overview.districtTarget')}
                style={{ width: 240 }}
                value={districtTarget}
                onChange={setDistrictId}
                options={targets.filter((x) => x.byDistrict).map((x) => ({ value: x.id, label: label(x) }))}
              />
            }
          >
            {districts.data?.districts.length ? (
              <Chart
                label={t('overview.districts')}
                option={{
                  tooltip: {},
                  grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
                  xAxis: { type: 'value' },
                  yAxis: {
                    type: 'category',
                    data: districts.data.districts.map((d) => (en ? d.name?.en : d.name?.zh) ?? d.district),
                  },
                  series: [
                    {
                      type: 'bar',
                      data: districts.data.districts.map((d) => d.value),
                      itemStyle: { color: '#1d39c4' },
                    },
                  ],
                }}
              />
            ) : (
              <Typography.Text type="secondary">{t('overview.noDistricts')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.timeline')}>
            <Chart
              label={t('overview.timeline')}
              option={{
                tooltip: {
                  formatter: (p: { data: [string, string, string] }) =>
                    `${p.data[1]} ${p.data[2]}<br/>${p.data[0]}`,
                },
                grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
                xAxis: { type: 'time' },
                yAxis: {
                  type: 'category',
                  data: (plan.data?.tasks ?? []).map((x) => x.section),
                  inverse: true,
                },
                series: (['pending', 'done', 'late', 'overdue'] as const).map((state) => ({
                  type: 'scatter',
                  name: t(`milestone.${state}`),
                  symbolSize: 12,
                  itemStyle: {
                    color: { pending: '#8c8c8c', done: '#389e0d', late: '#d48806', overdue: '#cf1322' }[
                      state
                    ],
                  },
                  data: milestones.filter((m) => m.state === state).map((m) => [m.dueDate, m.task, m.title]),
                })),
              }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <NoticesCard />
        </Col>
        <Col xs={24}>
          <Card title={t('overview.targets')}>
            <Table
              rowKey="id"
              size="small"
              loading={plan.loading}
              dataSource={targets}
              pagination={false}
              scroll={{ x: true }}
              columns={[
                {
                  title: t('field.code'),
                  dataIndex: 'code',
                  render: (_: string, x: TargetView) => <Link to={`/cockpit/targets/${x.id}`}>{x.code}</Link>,
                },
                { title: t('field.group'), dataIndex: 'group' },
                {
                  title: t('field.indicator'),
                  render: (_: unknown, x: TargetView) => (en ? x.indicator.en : x.indicator.zh),
                },
                { title: t('field.goal'), render: (_: unknown, x: TargetView) => `${goalText(x)} ${x.unit}` },
                {
                  title: t('field.current'),
                  render: (_: unknown, x: TargetView) =>
                    x.currentValue === null ? '—' : `${x.currentValue} (${x.currentPeriod})`,
                },
                {
                  title: t('field.source'),
                  render: (_: unknown, x: TargetView) =>
                    x.computed
                      ? t(x.sourceAvailable ? 'source.computed' : 'source.unavailable')
                      : t('source.reported'),
                },
                {
                  title: t('field.status'),
                  render: (_: unknown, x: TargetView) => <StatusTag status={x.status} />,
                },
                {
                  title: t('field.unit'),
                  render: (_: unknown, x: TargetView) => (
                    <Link to={`/cockpit/units/${x.responsibleUnit}`}>
                      {(en ? x.responsibleUnitName?.en : x.responsibleUnitName?.zh) ?? x.responsibleUnit}
                    </Link>
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
