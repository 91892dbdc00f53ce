import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import type {
  InspectionItem,
  InspectionTask,
  InspectorEntry,
  statsSchema,
} from '../../../contracts/inspections-api.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type Plan = { id: string; year: number; title: string; districtId: string | null; tasks: number }
type Org = { id: string; code: string; nameZh?: string; name?: string; kind?: string }

/** 双随机抽查 in the workbench: tasks and their draws, annual plans, and the lists (一单两库). */
export function InspectionsPage() {
  const { t } = useTranslation('inspections')
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('title')}
        </Typography.Title>
      }
    >
      <Tabs
        items={[
          { key: 'tasks', label: t('tabs.tasks'), children: <TasksTab /> },
          { key: 'plans', label: t('tabs.plans'), children: <PlansTab /> },
          { key: 'lists', label: t('tabs.lists'), children: <ListsTab /> },
          { key: 'stats', label: t('tabs.stats'), children: <StatsTab /> },
        ]}
      />
    </Card>
  )
}

function TasksTab() {
  const { t } = useTranslation('inspections')
  const [page, setPage] = useState(1)
  const tasks = useFetch(
    () => api.get<Page<InspectionTask>>('/api/inspections/tasks', { page, pageSize: 20 }),
    [page],
  )
  return (
    <>
      <ProblemAlert error={tasks.error} />
      <Table<InspectionTask>
        rowKey="id"
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          total: tasks.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('task.code'), dataIndex: 'code' },
          { title: t('task.title'), dataIndex: 'title' },
          { title: t('task.period'), render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
          { title: t('task.joint'), dataIndex: 'joint', render: (v: boolean) => (v ? t('yes') : t('no')) },
          {
            title: t('task.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag>{t(`status.${v}`)}</Tag>,
          },
          {
            title: t('actions'),
            render: (_, r) =>
              r.status === 'drawn' && r.drawId ? (
                <Link to={`/workbench/inspections/draws/${r.drawId}`}>{t('task.results')}</Link>
              ) : (
                <Link to={`/workbench/inspections/tasks/${r.id}/draw`}>{t('task.draw')}</Link>
              ),
          },
        ]}
      />
    </>
  )
}

function PlansTab() {
  const { t } = useTranslation('inspections')
  const { can } = useAuth()
  const { message } = App.useApp()
  const plans = useFetch(() => api.get<Plan[]>('/api/inspections/plans'), [])
  const items = useFetch(() => api.get<InspectionItem[]>('/api/inspections/items'), [])
  const orgs = useFetch(() => api.get<Org[]>('/api/organizations'), [])
  const [error, setError] = useState<unknown>(null)
  const [planFor, setPlanFor] = useState<string | null>(null)
  const [planForm] = Form.useForm()
  const [taskForm] = Form.useForm()
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.nameZh ?? o.name ?? o.code }))

  const createPlan = async (v: { year: number; title: string }) => {
    setError(null)
    try {
      await api.post('/api/inspections/plans', { year: v.year, title: v.title })
      planForm.resetFields()
      message.success(t('plan.created'))
      await plans.reload()
    } catch (e) {
      setError(e)
    }
  }
  const createTask = async (v: Record<string, unknown>) => {
    setError(null)
    const strata = String(v.strata ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [stratum, value] = l.split('=').map((s) => s.trim())
        return value?.includes('.') || value === '0' || value === '1'
          ? { stratum, ratio: value }
          : { stratum, count: Number(value) }
      })
    const period = v.period as [{ format(f: string): string }, { format(f: string): string }] | undefined
    try {
      await api.post(`/api/inspections/plans/${planFor}/tasks`, {
        code: v.code,
        title: v.title,
        itemIds: v.itemIds,
        stratifyBy: v.stratifyBy,
        strata,
        agencyIds: v.agencyIds,
        population: {
          districts: v.districts ?? [],
          categories: [],
          creditLevels: [],
          keyEnterprisesOnly: false,
        },
        periodStart: period?.[0].format('YYYY-MM-DD'),
        periodEnd: period?.[1].format('YYYY-MM-DD'),
      })
      taskForm.resetFields()
      setPlanFor(null)
      message.success(t('task.created'))
      await plans.reload()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={(error as never) ?? plans.error} onClose={() => setError(null)} />
      <Table<Plan>
        rowKey="id"
        loading={plans.loading}
        dataSource={plans.data ?? []}
        pagination={false}
        columns={[
          { title: t('plan.year'), dataIndex: 'year' },
          { title: t('plan.title'), dataIndex: 'title' },
          { title: t('plan.tasks'), dataIndex: 'tasks' },
          {
            title: t('actions'),
            render: (_, r) =>
              can('inspection.plan') ? (
                <Button size="small" onClick={() => setPlanFor(r.id)}>
                  {t('task.add')}
                </Button>
              ) : null,
          },
        ]}
      />
      {can('inspection.plan') && (
        <Card size="small" title={t('plan.new')}>
          <Form
            form={planForm}
            layout="inline"
            onFinish={createPlan}
            initialValues={{ year: new Date().getFullYear() }}
          >
            <Form.Item name="year" label={t('plan.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="title" label={t('plan.title')} rules={[{ required: true }]}>
              <Input style={{ width: 360 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('plan.create')}
            </Button>
          </Form>
        </Card>
      )}
      {planFor && (
        <Card size="small" title={t('task.new')}>
          <Form
            form={taskForm}
            layout="vertical"
            onFinish={createTask}
            initialValues={{ stratifyBy: ['credit'] }}
          >
            <Form.Item name="code" label={t('task.code')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="title" label={t('task.title')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="itemIds" label={t('task.items')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
              />
            </Form.Item>
            <Form.Item name="districts" label={t('task.districts')}>
              <Select
                mode="multiple"
                options={orgOptions.filter(
                  (o) => (orgs.data ?? []).find((x) => x.id === o.value)?.kind === 'district',
                )}
              />
            </Form.Item>
            <Form.Item name="stratifyBy" label={t('task.stratifyBy')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={['district', 'category', 'credit'].map((v) => ({
                  value: v,
                  label: t(`attribute.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="strata"
              label={t('task.strata')}
              extra={t('task.strataHelp')}
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={4} placeholder={'A=0.05\nC=0.2\nD=3'} />
            </Form.Item>
            <Form.Item name="agencyIds" label={t('task.agencies')} rules={[{ required: true }]}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={orgOptions} />
            </Form.Item>
            <Form.Item name="period" label={t('task.period')} rules={[{ required: true }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('task.create')}
              </Button>
              <Button onClick={() => setPlanFor(null)}>{t('cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  )
}

function ListsTab() {
  const { t } = useTranslation('inspections')
  const { can } = useAuth()
  const { message } = App.useApp()
  const items = useFetch(() => api.get<InspectionItem[]>('/api/inspections/items'), [])
  const inspectors = useFetch(() => api.get<InspectorEntry[]>('/api/inspections/inspectors'), [])
  const [error, setError] = useState<unknown>(null)
  const importFile = (path: string, after?: () => void) => async (file: File) => {
    setError(null)
    try {
      const r = await api.upload<{ rows: number; created: number; updated: number }>(path, file)
      message.success(t('lists.imported', r))
      after?.()
    } catch (e) {
      setError(e)
    }
    return false
  }
  const rowErrors = (error instanceof ApiError ? (error.problem.errors ?? []) : [])
    .map((e) => ({ match: /^rows\.(\d+)\.(\w+)$/.exec(e.path), message: e.message }))
    .filter((e) => e.match !== null)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={error as never} onClose={() => setError(null)} />
      {rowErrors.length > 0 && (
        <ul data-testid="import-errors">
          {rowErrors.map((e) => (
            <li key={`${e.match![1]}.${e.match![2]}`}>
              {t('lists.rowError', { row: e.match![1], column: e.match![2], message: e.message })}
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('lists.items')}
      </Typography.Title>
      <Table<InspectionItem>
        rowKey="id"
        size="small"
        dataSource={items.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('item.code'), dataIndex: 'code' },
          { title: t('item.name'), dataIndex: 'name' },
          { title: t('item.legalBasis'), dataIndex: 'legalBasis' },
          { title: t('item.method'), dataIndex: 'method', render: (v: string) => t(`method.${v}`) },
          { title: t('item.agency'), dataIndex: 'agencyName' },
          {
            title: t('item.legalReview'),
            dataIndex: 'legalReview',
            render: (v: boolean) => (v ? t('yes') : t('no')),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('lists.directory')}
      </Typography.Title>
      {can('inspection.plan') && (
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={importFile('/api/inspections/directory/import')}
        >
          <Button data-testid="import-directory">{t('lists.import')}</Button>
        </Upload>
      )}
      <Typography.Text type="secondary">{t('lists.importHelp')}</Typography.Text>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('lists.inspectors')}
      </Typography.Title>
      {can('inspection.plan') && (
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={importFile('/api/inspections/inspectors/import', inspectors.reload)}
        >
          <Button data-testid="import-inspectors">{t('lists.importInspectors')}</Button>
        </Upload>
      )}
      <Typography.Text type="secondary">{t('lists.importInspectorsHelp')}</Typography.Text>
      <Table<InspectorEntry>
        rowKey="id"
        size="small"
        dataSource={inspectors.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('inspector.badge'), dataIndex: 'badge' },
          { title: t('inspector.name'), dataIndex: 'name' },
          { title: t('inspector.agency'), dataIndex: 'agencyName' },
          {
            title: t('inspector.qualifications'),
            dataIndex: 'qualifications',
            render: (v: string[]) => v.join('、'),
          },
          { title: t('inspector.capacity'), dataIndex: 'capacity' },
          {
            title: t('inspector.conflicts'),
            dataIndex: 'conflicts',
            render: (v: InspectorEntry['conflicts']) => v.length,
          },
        ]}
      />
    </Space>
  )
}

type Stats = z.infer<typeof statsSchema>
const percent = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`)

/** Coverage and ratios achieved, problem rate by item and district, publication timeliness. */
function StatsTab() {
  const { t } = useTranslation('inspections')
  const stats = useFetch(() => api.get<Stats>('/api/inspections/stats'), [])
  const orgs = useFetch(() => api.get<Org[]>('/api/organizations'), [])
  const name = (id: string | null) => (id ? (orgs.data?.find((o) => o.id === id)?.nameZh ?? id) : '—')
  const p = stats.data?.publication
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={stats.error} />
      {p && (
        <Typography.Paragraph>
          {t('stats.publication', {
            resulted: p.resulted,
            onTime: p.publishedOnTime,
            late: p.publishedLate,
            pending: p.pendingWithinDeadline,
            overdue: p.overdue,
          })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey={(r) => `${r.taskCode}|${r.stratum}`}
        size="small"
        loading={stats.loading}
        dataSource={stats.data?.strata ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('task.code'), dataIndex: 'taskCode' },
          { title: t('target.stratum'), dataIndex: 'stratum' },
          { title: t('stats.eligible'), dataIndex: 'eligible' },
          { title: t('stats.required'), dataIndex: 'required' },
          { title: t('stats.drawn'), dataIndex: 'drawn' },
          { title: t('stats.ratio'), render: (_, r) => percent(r.drawn, r.eligible) },
        ]}
      />
      <Table
        rowKey="itemId"
        size="small"
        dataSource={stats.data?.byItem ?? []}
        pagination={false}
        columns={[
          { title: t('item.code'), dataIndex: 'itemId' },
          { title: t('stats.inspected'), dataIndex: 'inspected' },
          { title: t('stats.problems'), dataIndex: 'problems' },
          { title: t('stats.problemRate'), render: (_, r) => percent(r.problems, r.inspected) },
        ]}
      />
      <Table
        rowKey={(r) => r.districtId ?? 'none'}
        size="small"
        dataSource={stats.data?.byDistrict ?? []}
        pagination={false}
        columns={[
          { title: t('attribute.district'), dataIndex: 'districtId', render: (v: string | null) => name(v) },
          { title: t('stats.inspected'), dataIndex: 'inspected' },
          { title: t('stats.problems'), dataIndex: 'problems' },
          { title: t('stats.problemRate'), render: (_, r) => percent(r.problems, r.inspected) },
        ]}
      />
    </Space>
  )
}
