import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type InspectionDraw, type InspectionTarget, OUTCOMES } from '../../../contracts/inspections-api.ts'
import { api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { outcomeColor } from './labels.ts'

/** The drawn targets of a draw: enter results, legal review, publish (谁检查、谁录入、谁公开). */
export function DrawResultsPage() {
  const { t } = useTranslation('inspections')
  const { id } = useParams()
  const { can } = useAuth()
  const { message } = App.useApp()
  const draw = useFetch(() => api.get<InspectionDraw>(`/api/inspections/draws/${id}`), [id])
  const targets = useFetch(() => api.get<InspectionTarget[]>(`/api/inspections/draws/${id}/targets`), [id])
  const [error, setError] = useState<unknown>(null)
  const [editing, setEditing] = useState<InspectionTarget | null>(null)
  const [form] = Form.useForm()
  const act = async (f: () => Promise<unknown>, done: string) => {
    setError(null)
    try {
      await f()
      message.success(t(done))
      await targets.reload()
      return true
    } catch (e) {
      setError(e)
      return false
    }
  }
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('results.title', { code: draw.data?.taskCode ?? '' })}
        </Typography.Title>
      }
      extra={
        <Space>
          {draw.data?.published && <Link to={`/inspections/${id}`}>{t('wizard.publicPage')}</Link>}
          <Link to="/workbench/inspections">{t('back')}</Link>
        </Space>
      }
    >
      <ProblemAlert error={(error as never) ?? targets.error} onClose={() => setError(null)} />
      <Table<InspectionTarget>
        rowKey="id"
        loading={targets.loading}
        dataSource={targets.data ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', dataIndex: 'position', render: (v: number) => v + 1 },
          { title: t('target.entity'), render: (_, r) => `${r.entityName ?? ''} ${r.uscc}` },
          { title: t('target.stratum'), dataIndex: 'stratum' },
          {
            title: t('target.inspectors'),
            dataIndex: 'inspectors',
            render: (v: InspectionTarget['inspectors']) => v.map((i) => `${i.name}（${i.badge}）`).join('、'),
          },
          {
            title: t('target.outcome'),
            dataIndex: 'outcome',
            render: (v: InspectionTarget['outcome']) =>
              v ? <Tag color={outcomeColor[v]}>{t(`outcome.${v}`)}</Tag> : '—',
          },
          { title: t('target.publishDue'), dataIndex: 'publishDue', render: (v) => v ?? '—' },
          {
            title: t('target.review'),
            dataIndex: 'reviewStatus',
            render: (v: string | null, r) =>
              v ? `${t(`review.${v}`)}${r.reviewedBy ? `（${r.reviewedBy}）` : ''}` : '—',
          },
          { title: t('target.enteredBy'), dataIndex: 'enteredBy', render: (v) => v ?? '—' },
          { title: t('target.publishedBy'), dataIndex: 'publishedBy', render: (v) => v ?? '—' },
          {
            title: t('target.penaltyCase'),
            render: (_, r) =>
              r.penaltyCaseId ? (
                <Link to={`/workbench/cases/${r.penaltyCaseId}`}>{r.penaltyCaseNumber}</Link>
              ) : can('case.handle') && (r.outcome === 'problemFound' || r.outcome === 'problemCorrected') ? (
                <Button
                  size="small"
                  danger
                  data-testid={`open-penalty-${r.position}`}
                  onClick={() =>
                    act(
                      () => api.post(`/api/inspections/targets/${r.id}/penalty-case`),
                      'target.penaltyOpened',
                    )
                  }
                >
                  {t('target.openPenalty')}
                </Button>
              ) : (
                '—'
              ),
          },
          {
            title: t('actions'),
            render: (_, r) =>
              r.published ? (
                <Tag color="blue">{t('target.published')}</Tag>
              ) : (
                <Space>
                  {can('inspection.result') && (
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldsValue({
                          outcome: r.outcome ?? undefined,
                          notes: r.notes ?? '',
                          evidenceRefs: r.evidenceRefs.join('\n'),
                        })
                        setEditing(r)
                      }}
                    >
                      {t('target.enter')}
                    </Button>
                  )}
                  {can('inspection.review') && r.reviewStatus === 'pending' && (
                    <Button
                      size="small"
                      onClick={() =>
                        act(
                          () => api.post(`/api/inspections/targets/${r.id}/review`, { approved: true }),
                          'target.reviewed',
                        )
                      }
                    >
                      {t('target.approve')}
                    </Button>
                  )}
                  {can('inspection.publish') && r.outcome && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() =>
                        act(() => api.post(`/api/inspections/targets/${r.id}/publish`), 'target.publishedOk')
                      }
                    >
                      {t('target.publish')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={t('target.enterTitle', { name: editing?.entityName ?? editing?.uscc ?? '' })}
        okText={t('target.save')}
        cancelText={t('cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { outcome: string; notes?: string; evidenceRefs?: string }) => {
            const ok = await act(
              () =>
                api.post(`/api/inspections/targets/${editing!.id}/result`, {
                  outcome: v.outcome,
                  notes: v.notes ?? '',
                  evidenceRefs: (v.evidenceRefs ?? '')
                    .split('\n')
                    .map((s) => s.trim())
                    .filter(Boolean),
                }),
              'target.saved',
            )
            if (ok) setEditing(null)
          }}
        >
          <Form.Item name="outcome" label={t('target.outcome')} rules={[{ required: true }]}>
            <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="notes" label={t('target.notes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="evidenceRefs" label={t('target.evidence')} extra={t('target.evidenceHelp')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
