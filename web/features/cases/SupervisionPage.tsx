import { Button, Card, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { supervisionNoticeSchema } from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type Notice = z.infer<typeof supervisionNoticeSchema>
type Status = 'open' | 'responded' | 'closed'
type Step = { notice: Notice; kind: 'respond' | 'close' }

/**
 * Workbench: supervision notices (督办) raised when a deadline was missed — the handling unit answers,
 * the supervising level closes. The server decides who may do which; a refusal is shown localized.
 */
export function SupervisionPage() {
  const { t } = useTranslation('cases')
  const { can } = useAuth()
  const [status, setStatus] = useState<Status | 'all'>('open')
  const [page, setPage] = useState(1)
  const [step, setStep] = useState<Step | null>(null)
  const list = useFetch(
    () =>
      api.get<{ items: Notice[]; page: number }>('/api/supervision-notices', {
        status: status === 'all' ? undefined : status,
        page,
        pageSize: 50,
      }),
    [status, page],
  )
  const items = list.data?.items ?? []
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('supervision.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('supervision.intro')}</Typography.Paragraph>
      <Segmented<Status | 'all'>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => {
          setStatus(v)
          setPage(1)
        }}
        options={(['open', 'responded', 'closed', 'all'] as const).map((s) => ({
          value: s,
          label: t(`supervision.status.${s}`),
        }))}
      />
      <ProblemAlert error={list.error} />
      <Table<Notice>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 50,
          total: (page - 1) * 50 + items.length + (items.length === 50 ? 1 : 0),
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('list.number'),
            dataIndex: 'caseNumber',
            render: (n: string, r) => <Link to={`/workbench/cases/${r.caseId}`}>{n}</Link>,
          },
          { title: t('list.caseTitle'), dataIndex: 'caseTitle' },
          { title: t('queue.rule'), dataIndex: 'ruleId' },
          { title: t('queue.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('list.state'),
            dataIndex: 'status',
            render: (s: Status) => (
              <Tag color={s === 'open' ? 'red' : s === 'responded' ? 'gold' : 'green'}>
                {t(`supervision.status.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('supervision.response'),
            dataIndex: 'response',
            render: (v: string | null, r) => (
              <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
                {v ?? '—'}
                {r.closingNote && (
                  <div>
                    <Typography.Text type="secondary">{r.closingNote}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('supervision.actions'),
            render: (_, r) =>
              r.status === 'closed' ? null : (
                <Space>
                  {can('case.handle') && (
                    <Button size="small" onClick={() => setStep({ notice: r, kind: 'respond' })}>
                      {t('supervision.respond')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setStep({ notice: r, kind: 'close' })}>
                    {t('supervision.close')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {step && (
        <NoticeStepModal
          step={step}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null)
            void list.reload()
          }}
        />
      )}
    </Card>
  )
}

function NoticeStepModal({ step, onClose, onDone }: { step: Step; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('cases')
  const [form] = Form.useForm<{ text: string }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const field = step.kind === 'respond' ? 'response' : 'note'
  async function submit({ text }: { text: string }) {
    setBusy(true)
    setError(null)
    try {
      if (step.kind === 'respond')
        await api.post(`/api/supervision-notices/${step.notice.id}/response`, { response: text })
      else await api.post(`/api/supervision-notices/${step.notice.id}/close`, { note: text })
      onDone()
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={`${step.kind === 'respond' ? t('supervision.respond') : t('supervision.close')} · ${step.notice.caseNumber}`}
      onCancel={onClose}
      okText={t('action.confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="text"
          label={field === 'response' ? t('supervision.responseLabel') : t('supervision.noteLabel')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
