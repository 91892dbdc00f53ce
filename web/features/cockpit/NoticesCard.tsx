import { App, Button, Card, List, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import type { NoticeView } from './model.ts'

/** Open supervision notices; the plan office follows up or closes them. */
export function NoticesCard() {
  const { t } = useTranslation('plan')
  const { can } = useAuth()
  const { message } = App.useApp()
  const notices = useFetch(() => cockpitApi.notices({}), [])
  const [error, setError] = useState<ApiError>()
  const act = async (n: NoticeView, action: 'followUp' | 'close') => {
    const text = window.prompt(t(action === 'close' ? 'notice.closePrompt' : 'notice.followUpPrompt'))
    if (!text) return
    try {
      await (action === 'close' ? cockpitApi.close(n.id, text) : cockpitApi.followUp(n.id, text))
      message.success(t('notice.saved'))
      await notices.reload()
    } catch (e) {
      setError(e as ApiError)
    }
  }
  const items = (notices.data?.items ?? []).filter((n) => n.state !== 'closed')
  return (
    <Card title={`${t('unit.notices')} (${items.length})`}>
      <ProblemAlert error={notices.error ?? error} />
      <List
        size="small"
        loading={notices.loading}
        dataSource={items}
        locale={{ emptyText: t('unit.noNotices') }}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        renderItem={(n) => (
          <List.Item
            extra={
              <Space>
                <Tag color={n.responseOverdue ? 'red' : undefined}>{t(`notice.state.${n.state}`)}</Tag>
                {can('cockpit.manage') && (
                  <>
                    <Button size="small" onClick={() => act(n, 'followUp')}>
                      {t('notice.followUp')}
                    </Button>
                    <Button size="small" onClick={() => act(n, 'close')}>
                      {t('notice.close')}
                    </Button>
                  </>
                )}
              </Space>
            }
          >
            <List.Item.Meta
              title={`${n.unit} · ${n.subjectLabel}`}
              description={`${n.reason} · ${t('notice.due')} ${n.responseDue}${n.responseOverdue ? ` · ${t('notice.overdue')}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
