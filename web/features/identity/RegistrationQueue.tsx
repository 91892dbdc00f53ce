import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserSummary } from '../../../contracts/identity.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type Decision = { user: UserSummary; decision: 'approve' | 'reject' }

/** Pending enterprise registrations, approved or rejected with a note. */
export function RegistrationQueue() {
  const { t, i18n } = useTranslation('admin')
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const list = useFetch(
    () => api.get<Page<UserSummary>>('/api/registrations', { status: 'pending', page, pageSize: 20 }),
    [page, i18n.language],
  )
  const [deciding, setDeciding] = useState<Decision | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function decide() {
    if (!deciding) return
    setBusy(true)
    setError(null)
    try {
      await api.post(`/api/registrations/${encodeURIComponent(deciding.user.id)}/review`, {
        decision: deciding.decision,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      message.success(
        t(deciding.decision === 'approve' ? 'registrations.approved' : 'registrations.rejected'),
      )
      setDeciding(null)
      setNote('')
      await list.reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('registrations.title')}
        </Typography.Title>
      }
    >
      <ProblemAlert error={list.error} />
      <Table<UserSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        locale={{ emptyText: t('registrations.empty') }}
        columns={[
          { title: t('registrations.entity'), dataIndex: 'entityName' },
          { title: t('registrations.uscc'), dataIndex: 'entityUscc' },
          { title: t('registrations.contact'), dataIndex: 'displayName' },
          { title: t('registrations.phone'), dataIndex: 'phone' },
          { title: t('registrations.username'), dataIndex: 'username' },
          {
            title: t('registrations.submittedAt'),
            dataIndex: 'createdAt',
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          {
            title: t('registrations.actions'),
            key: 'actions',
            render: (_, user) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setDeciding({ user, decision: 'approve' })}
                >
                  {t('registrations.approve')}
                </Button>
                <Button danger size="small" onClick={() => setDeciding({ user, decision: 'reject' })}>
                  {t('registrations.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={
          deciding &&
          t(
            deciding.decision === 'approve' ? 'registrations.confirmApprove' : 'registrations.confirmReject',
            {
              name: deciding.user.entityName ?? deciding.user.username,
            },
          )
        }
        okText={
          deciding && t(deciding.decision === 'approve' ? 'registrations.approve' : 'registrations.reject')
        }
        okButtonProps={{ danger: deciding?.decision === 'reject' }}
        confirmLoading={busy}
        onOk={() => void decide()}
        onCancel={() => {
          setDeciding(null)
          setError(null)
        }}
      >
        <ProblemAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={t('registrations.note')} htmlFor="review-note">
            <Input.TextArea
              id="review-note"
              rows={3}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
