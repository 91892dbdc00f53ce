import { Badge, Button, Card, List, Space, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { pick } from './model.ts'

type InboxItem = {
  id: string
  kind: string
  title: { zh: string; en: string }
  body: string
  subject: { type: string; id: string }
  createdAt: string
  readAt: string | null
}
type Inbox = { items: InboxItem[]; unread: number; page: number }

/** Workbench: the in-app notifications — deadline reminders and supervision notices, newest first. */
export function InboxPage() {
  const { t, i18n } = useTranslation('cases')
  const [unreadOnly, setUnreadOnly] = useState(false)
  const [page, setPage] = useState(1)
  const [error, setError] = useState<ApiError | null>(null)
  const inbox = useFetch(
    () => api.get<Inbox>('/api/inbox', { unreadOnly: unreadOnly ? 'true' : undefined, page, pageSize: 20 }),
    [unreadOnly, page],
  )
  async function markRead(id: string) {
    setError(null)
    try {
      await api.post(`/api/inbox/${id}/read`)
      await inbox.reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    }
  }
  const items = inbox.data?.items ?? []
  return (
    <Card
      title={
        <Space>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('inbox.title')}
          </Typography.Title>
          <Badge count={inbox.data?.unread ?? 0} />
        </Space>
      }
      extra={
        <Button size="small" disabled={!inbox.data?.unread} onClick={() => void markRead('all')}>
          {t('inbox.markAllRead')}
        </Button>
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Switch
          checked={unreadOnly}
          aria-label={t('inbox.unreadOnly')}
          onChange={(v) => {
            setUnreadOnly(v)
            setPage(1)
          }}
        />
        <span>{t('inbox.unreadOnly')}</span>
      </Space>
      <ProblemAlert error={error ?? inbox.error} />
      <List<InboxItem>
        loading={inbox.loading}
        dataSource={items}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: (page - 1) * 20 + items.length + (items.length === 20 ? 1 : 0),
          onChange: setPage,
          showSizeChanger: false,
        }}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => void markRead(n.id)}>
                      {t('inbox.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {!n.readAt && <Badge status="processing" />}
                  {n.subject.type === 'case' ? (
                    <Link to={`/workbench/cases/${n.subject.id}`}>{pick(n.title, i18n.language)}</Link>
                  ) : n.subject.type === 'supervisionNotice' ? (
                    <Link to="/workbench/supervision">{pick(n.title, i18n.language)}</Link>
                  ) : n.subject.type === 'cockpitNotice' ? (
                    <Link to={`/cockpit/notices/${n.subject.id}`}>{pick(n.title, i18n.language)}</Link>
                  ) : (
                    pick(n.title, i18n.language)
                  )}
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                  <Typography.Text type="secondary">
                    {new Date(n.createdAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
