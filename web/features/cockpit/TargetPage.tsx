import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { ApiError } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { Chart } from './charts.tsx'
import { DrillDownCard } from './DrillDownCard.tsx'
import { goalText, type ReportView } from './model.ts'
import { Shell } from './Shell.tsx'
import { StatusTag } from './StatusTag.tsx'
import { useMyUnit, useOrganizations } from './useMyUnit.ts'

/** The eight latest periods up to today or the target's due date, newest first (the plan's own calendar). */
function recentPeriods(frequency: string, dueDate: string): string[] {
  const today = new Date().toISOString().slice(0, 10)
  const end = today < dueDate ? today : dueDate
  const year = Number(end.slice(0, 4))
  const month = Number(end.slice(5, 7)) - 1
  const out: string[] = []
  for (let i = 0; i < 8; i++) {
    if (frequency === 'monthly') {
      const d = new Date(Date.UTC(year, month - i, 1))
      out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`)
    } else {
      const q = year * 4 + Math.floor(month / 3) - i
      out.push(`${Math.floor(q / 4)}-Q${(q % 4) + 1}`)
    }
  }
  return out
}

/** One target: its figures over time, district comparison, reports and (for its unit) the report form. */
export function TargetPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const { message } = App.useApp()
  const { can } = useAuth()
  const myUnit = useMyUnit()
  const page = useFetch(() => cockpitApi.target(id), [id])
  const reports = useFetch(() => cockpitApi.reports({ targetId: id }), [id])
  const [error, setError] = useState<ApiError>()
  const [form] = Form.useForm()
  const target = page.data?.target
  const orgs = useOrganizations()
  const districts = (orgs ?? []).filter((o) => o.kind === 'district' || o.kind === 'zone')
  const districtName = (code: string) => {
    const o = districts.find((x) => x.code === code)
    return o ? (en ? o.nameEn : o.nameZh) : undefined
  }
  const mine = target && myUnit === target.responsibleUnit && !target.computed

  const reload = () => Promise.all([page.reload(), reports.reload()])
  const submit = async (values: {
    period: string
    district?: string
    value: number
    narrative?: string
    ref?: string
  }) => {
    try {
      await cockpitApi.submit({
        targetId: id,
        period: values.period,
        district: values.district || null,
        value: values.value,
        narrative: values.narrative ?? '',
        attachments: values.ref ? [{ name: values.ref, ref: values.ref }] : [],
      })
      setError(undefined)
      message.success(t('report.submitted'))
      form.resetFields()
      await reload()
    } catch (e) {
      setError(e as ApiError)
    }
  }
  const [returning, setReturning] = useState<ReportView>()
  const [returnForm] = Form.useForm<{ comment: string }>()
  const review = async (r: ReportView, decision: 'accept' | 'return', comment = '') => {
    try {
      await cockpitApi.review(r.id, { decision, comment, version: r.version })
      setError(undefined)
      setReturning(undefined)
      message.success(t(decision === 'accept' ? 'report.accepted' : 'report.returned'))
      await reload()
    } catch (e) {
      setError(e as ApiError)
      setReturning(undefined)
    }
  }

  return (
    <Shell title={target ? `${target.code} ${en ? target.indicator.en : target.indicator.zh}` : t('title')}>
      <ProblemAlert error={page.error ?? reports.error ?? error} />
      {target && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t('target.facts')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item
                  label={t('field.goal')}
                >{`${goalText(target)} ${target.unit}`}</Descriptions.Item>
                <Descriptions.Item label={t('field.current')}>
                  {target.currentValue === null ? '—' : `${target.currentValue} (${target.currentPeriod})`}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.status')}>
                  <StatusTag status={target.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('field.unit')}>
                  {(en ? target.responsibleUnitName?.en : target.responsibleUnitName?.zh) ??
                    target.responsibleUnit}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.source')}>
                  {target.computed
                    ? t(target.sourceAvailable ? 'source.computed' : 'source.unavailable')
                    : t('source.reported')}
                </Descriptions.Item>
                <Descriptions.Item label={t('field.dueDate')}>{target.dueDate}</Descriptions.Item>
                {target.note && <Descriptions.Item label={t('field.note')}>{target.note}</Descriptions.Item>}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card title={t('overview.trend')}>
              <Chart
                label={t('overview.trend')}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
                  xAxis: { type: 'category', data: page.data!.history.map((h) => h.period) },
                  yAxis: { type: 'value' },
                  series: [
                    {
                      type: 'line',
                      name: t('overview.actual'),
                      data: page.data!.history.map((h) => h.value),
                      connectNulls: true,
                    },
                    {
                      type: 'line',
                      name: t('overview.expected'),
                      data: page.data!.history.map((h) => h.expected),
                      lineStyle: { type: 'dashed' },
                    },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('target.history')}>
              <Table
                rowKey="period"
                size="small"
                pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
                dataSource={[...page.data!.history].reverse()}
                columns={[
                  { title: t('field.period'), dataIndex: 'period' },
                  { title: t('overview.actual'), dataIndex: 'value', render: (v: number | null) => v ?? '—' },
                  {
                    title: t('overview.expected'),
                    dataIndex: 'expected',
                    render: (v: number | null) => (v === null ? '—' : Math.round(v * 100) / 100),
                  },
                  {
                    title: t('field.status'),
                    dataIndex: 'status',
                    render: (s: string) => <StatusTag status={s} />,
                  },
                ]}
              />
            </Card>
          </Col>
          {target.computed && target.sourceAvailable && can('cockpit.access') && (
            <Col xs={24} lg={12}>
              <DrillDownCard targetId={target.id} periods={page.data!.history.map((h) => h.period)} />
            </Col>
          )}
          {page.data!.districts.length > 0 && (
            <Col xs={24} lg={12}>
              <Card title={t('overview.districts')}>
                <Chart
                  label={t('overview.districts')}
                  option={{
                    tooltip: {},
                    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value' },
                    yAxis: {
                      type: 'category',
                      data: page.data!.districts.map((d) => (en ? d.name?.en : d.name?.zh) ?? d.district),
                    },
                    series: [
                      {
                        type: 'bar',
                        data: page.data!.districts.map((d) => d.value),
                        itemStyle: { color: '#1d39c4' },
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          )}
          {mine && (
            <Col xs={24} lg={12}>
              <Card title={t('report.new')}>
                <Form form={form} layout="vertical" onFinish={submit}>
                  <Form.Item
                    name="period"
                    label={t('field.period')}
                    rules={[{ required: true }]}
                    initialValue={recentPeriods(target.frequency, target.dueDate)[0]}
                  >
                    <Select
                      options={recentPeriods(target.frequency, target.dueDate).map((p) => ({
                        value: p,
                        label: p,
                      }))}
                    />
                  </Form.Item>
                  {target.byDistrict && (
                    <Form.Item name="district" label={t('field.district')}>
                      <Select
                        allowClear
                        placeholder={t('report.total')}
                        options={districts.map((o) => ({ value: o.code, label: en ? o.nameEn : o.nameZh }))}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name="value" label={t('field.value')} rules={[{ required: true }]}>
                    <InputNumber style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name="narrative" label={t('field.narrative')}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Form.Item name="ref" label={t('field.attachment')}>
                    <Input />
                  </Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('report.submit')}
                  </Button>
                </Form>
              </Card>
            </Col>
          )}
          <Col xs={24}>
            <Card title={t('report.list')}>
              <Table
                rowKey="id"
                size="small"
                dataSource={reports.data?.items ?? []}
                pagination={false}
                scroll={{ x: true }}
                columns={[
                  { title: t('field.period'), dataIndex: 'period' },
                  {
                    title: t('field.district'),
                    dataIndex: 'district',
                    render: (d: string | null) => (d ? (districtName(d) ?? d) : t('report.total')),
                  },
                  { title: t('field.value'), dataIndex: 'value' },
                  { title: t('field.narrative'), dataIndex: 'narrative' },
                  {
                    title: t('field.attachment'),
                    render: (_: unknown, r: ReportView) =>
                      r.attachments.map((a) =>
                        /^https?:\/\//.test(a.ref) ? (
                          <div key={a.ref}>
                            <a href={a.ref} target="_blank" rel="noreferrer">
                              {a.name}
                            </a>
                          </div>
                        ) : (
                          <div key={a.ref}>{a.name === a.ref ? a.ref : `${a.name} (${a.ref})`}</div>
                        ),
                      ),
                  },
                  {
                    title: t('field.state'),
                    dataIndex: 'state',
                    render: (s: string) => t(`report.state.${s}`),
                  },
                  { title: t('field.comment'), dataIndex: 'reviewComment' },
                  {
                    title: t('field.actions'),
                    render: (_: unknown, r: ReportView) =>
                      can('cockpit.manage') && r.state === 'submitted' ? (
                        <Space>
                          <Button size="small" type="primary" onClick={() => review(r, 'accept')}>
                            {t('report.accept')}
                          </Button>
                          <Button
                            size="small"
                            onClick={() => {
                              returnForm.resetFields()
                              setReturning(r)
                            }}
                          >
                            {t('report.return')}
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={returning !== undefined}
        title={t('report.return')}
        okText={t('report.return')}
        cancelText={t('notice.form.cancel')}
        onOk={() => returnForm.submit()}
        onCancel={() => setReturning(undefined)}
        destroyOnHidden
      >
        <Form
          form={returnForm}
          layout="vertical"
          onFinish={(v) => returning && review(returning, 'return', v.comment)}
        >
          <Form.Item
            name="comment"
            label={t('report.returnComment')}
            rules={[{ required: true, whitespace: true, message: t('report.returnComment') }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Shell>
  )
}
