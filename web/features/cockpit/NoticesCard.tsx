import { Card, List, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { NoticeActions } from './NoticeActions.tsx'
import { useMyUnit } from './useMyUnit.ts'

/** Open supervision notices with their unit; the plan office follows up or closes them here. */
export function NoticesCard() {
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const myUnit = useMyUnit()
  const notices = useFetch(() => cockpitApi.notices({}), [])
  const items = (notices.data?.items ?? []).filter((n) => n.state !== 'closed')
  return (
    <Card title={`${t('unit.notices')} (${items.length})`}>
      <ProblemAlert error={notices.error} />
      <List
        size="small"
        loading={notices.loading}
        dataSource={items}
        locale={{ emptyText: t('unit.noNotices') }}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        renderItem={(n) => (
          <List.Item
            extra={
              <Space wrap>
                <Tag color={n.responseOverdue ? 'red' : undefined}>{t(`notice.state.${n.state}`)}</Tag>
                <NoticeActions notice={n} myUnit={myUnit} onDone={() => notices.reload()} />
              </Space>
            }
          >
            <List.Item.Meta
              title={
                <Link to={`/cockpit/notices/${n.id}`}>
                  {`${(en ? n.unitName?.en : n.unitName?.zh) ?? n.unit} · ${n.subjectLabel}`}
                </Link>
              }
              description={`${n.reason} · ${t('notice.due')} ${n.responseDue}${n.responseOverdue ? ` · ${t('notice.overdue')}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
