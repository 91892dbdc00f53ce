import { Card, Col, List, Row, Space, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { MilestoneComplete } from './MilestoneComplete.tsx'
import { DEFAULT_PLAN, goalText, type TargetView } from './model.ts'
import { NoticeActions } from './NoticeActions.tsx'
import { Shell } from './Shell.tsx'
import { MilestoneTag, StatusTag } from './StatusTag.tsx'
import { useMyUnit } from './useMyUnit.ts'

/** Everything one unit owes: targets, milestones, reports, supervision notices. */
export function UnitPage() {
  const params = useParams()
  const myUnit = useMyUnit()
  const unit = params.unit ?? myUnit ?? ''
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const page = useFetch(
    () => (unit ? cockpitApi.unit(DEFAULT_PLAN, unit) : Promise.resolve(undefined)),
    [unit],
  )
  const name = page.data?.unitName ? (en ? page.data.unitName.en : page.data.unitName.zh) : unit
  return (
    <Shell title={`${t('unit.title')} · ${name}`}>
      <ProblemAlert error={page.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('unit.targets')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={page.data?.targets ?? []}
              loading={page.loading}
              scroll={{ x: true }}
              columns={[
                {
                  title: t('field.code'),
                  render: (_: unknown, x: TargetView) => (
                    <Link to={`/cockpit/targets/${x.id}`}>{x.code}</Link>
                  ),
                },
                {
                  title: t('field.indicator'),
                  render: (_: unknown, x: TargetView) => (en ? x.indicator.en : x.indicator.zh),
                },
                { title: t('field.goal'), render: (_: unknown, x: TargetView) => `${goalText(x)} ${x.unit}` },
                {
                  title: t('field.frequency'),
                  render: (_: unknown, x: TargetView) => t(`frequency.${x.frequency}`),
                },
                { title: t('field.current'), render: (_: unknown, x: TargetView) => x.currentValue ?? '—' },
                {
                  title: t('field.status'),
                  render: (_: unknown, x: TargetView) => <StatusTag status={x.status} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('unit.milestones')}>
            <List
              size="small"
              dataSource={(page.data?.tasks ?? []).flatMap((task) =>
                task.milestones.map((m) => ({ ...m, section: task.section, lead: task.leadUnit === unit })),
              )}
              renderItem={(m) => (
                <List.Item
                  extra={
                    <Space wrap>
                      <MilestoneTag state={m.state} />
                      {m.lead && unit === myUnit && !m.completedOn && (
                        <MilestoneComplete
                          milestone={m}
                          label={`${m.section} ${m.title}`}
                          onDone={() => page.reload()}
                        />
                      )}
                    </Space>
                  }
                >
                  <List.Item.Meta
                    title={`${m.section} ${m.title}`}
                    description={`${m.dueDate} · ${m.standard}${m.lead ? '' : ` · ${t('unit.coUnit')}`}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('unit.notices')}>
            <List
              size="small"
              dataSource={page.data?.notices ?? []}
              locale={{ emptyText: t('unit.noNotices') }}
              renderItem={(n) => (
                <List.Item
                  extra={
                    <Space wrap>
                      <Tag color={n.responseOverdue ? 'red' : undefined}>{t(`notice.state.${n.state}`)}</Tag>
                      <NoticeActions notice={n} myUnit={myUnit} onDone={() => page.reload()} />
                    </Space>
                  }
                >
                  <List.Item.Meta
                    title={<Link to={`/cockpit/notices/${n.id}`}>{n.subjectLabel}</Link>}
                    description={`${n.reason} · ${t('notice.due')} ${n.responseDue}${n.responseOverdue ? ` · ${t('notice.overdue')}` : ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Shell>
  )
}
