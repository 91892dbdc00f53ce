import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { auditRecordSchema, auditVerification } from '../../../contracts/audit.ts'
import { ApiError, api, type Page, withQuery } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type AuditRecord = z.infer<typeof auditRecordSchema>
type Verification = z.infer<typeof auditVerification>
type Filter = { action?: string; actor?: string; targetType?: string; from?: string; to?: string }

/** The append-only, hash-chained audit trail: filter, export as CSV, verify the chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation('admin')
  const [filter, setFilter] = useState<Filter>({})
  const [page, setPage] = useState(1)
  const list = useFetch(
    () => api.get<Page<AuditRecord>>('/api/audit', { ...filter, page, pageSize: 20 }),
    [filter, page, i18n.language],
  )
  const [verification, setVerification] = useState<Verification | null>(null)
  const [verifyError, setVerifyError] = useState<ApiError | null>(null)
  const [verifying, setVerifying] = useState(false)

  async function verify() {
    setVerifying(true)
    setVerifyError(null)
    try {
      setVerification(await api.get<Verification>('/api/audit/verify'))
    } catch (e) {
      if (e instanceof ApiError) setVerifyError(e)
    } finally {
      setVerifying(false)
    }
  }

  function apply(values: { action?: string; actor?: string; targetType?: string; range?: unknown }) {
    const range = values.range as
      | [{ format: (f: string) => string }, { format: (f: string) => string }]
      | null
    setPage(1)
    setFilter({
      action: values.action?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      targetType: values.targetType?.trim() || undefined,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
    })
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button href={withQuery('/api/audit/export', filter)} icon={<DownloadOutlined />} download>
            {t('audit.export')}
          </Button>
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={verifyError} />
      {verification && (
        <Alert
          role="status"
          style={{ marginBottom: 16 }}
          showIcon
          type={verification.ok ? 'success' : 'error'}
          title={
            verification.ok
              ? t('audit.verifyOk', { rows: verification.rows })
              : t('audit.verifyBroken', { seq: verification.seq ?? '?', rows: verification.rows })
          }
          description={verification.problem}
          closable={{ onClose: () => setVerification(null) }}
        />
      )}
      <Form layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder="user.create" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="targetType" label={t('audit.targetType')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dates')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('audit.filter')}
          </Button>
        </Form.Item>
      </Form>
      <ProblemAlert error={list.error} />
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          expandedRowRender: (r) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>
              {JSON.stringify({ before: r.before, after: r.after, hash: r.hash }, null, 2)}
            </pre>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
          { title: t('audit.actor'), dataIndex: 'actorLabel' },
          { title: t('audit.action'), dataIndex: 'action' },
          { title: t('audit.targetType'), dataIndex: 'targetType' },
          { title: t('audit.targetId'), dataIndex: 'targetId', render: (v) => v ?? '—' },
          { title: t('audit.ip'), dataIndex: 'ip', render: (v) => v ?? '—' },
        ]}
      />
    </Card>
  )
}
