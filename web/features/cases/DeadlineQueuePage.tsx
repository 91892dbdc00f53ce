import { Card, Space, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import type { QueueItem } from './model.ts'

/** Workbench: the supervision queue — running clocks in scope, earliest due first. */
export function DeadlineQueuePage() {
  const { t } = useTranslation('cases')
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [mine, setMine] = useState(false)
  const [page, setPage] = useState(1)
  const queue = useFetch(
    () =>
      api.get<{ items: QueueItem[]; page: number }>('/api/deadlines/queue', {
        overdueOnly: overdueOnly ? 'true' : undefined,
        mine: mine ? 'true' : undefined,
        page,
        pageSize: 50,
      }),
    [overdueOnly, mine, page],
  )
  const items = queue.data?.items ?? []
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Switch
          checked={overdueOnly}
          onChange={(v) => {
            setOverdueOnly(v)
            setPage(1)
          }}
          aria-label={t('queue.overdueOnly')}
        />
        <span>{t('queue.overdueOnly')}</span>
        <Switch
          checked={mine}
          onChange={(v) => {
            setMine(v)
            setPage(1)
          }}
          aria-label={t('queue.mine')}
        />
        <span>{t('queue.mine')}</span>
      </Space>
      <ProblemAlert error={queue.error} />
      <Table<QueueItem>
        rowKey="clockId"
        loading={queue.loading}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 50,
          // The queue does not count; offer a next page while a page comes back full.
          total: (page - 1) * 50 + items.length + (items.length === 50 ? 1 : 0),
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('queue.dueDate'),
            dataIndex: 'dueDate',
            render: (d: string, q) => (
              <Space>
                {d}
                {q.overdue && <Tag color="red">{t('queue.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('list.number'),
            dataIndex: 'caseNumber',
            render: (n: string, q) => <Link to={`/workbench/cases/${q.caseId}`}>{n}</Link>,
          },
          { title: t('list.type'), dataIndex: 'caseType', render: (v: string) => t(`type.${v}`) },
          { title: t('list.caseTitle'), dataIndex: 'caseTitle' },
          { title: t('queue.rule'), dataIndex: 'ruleId' },
        ]}
      />
    </Card>
  )
}
