import { Card, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { InspectionDraw } from '../../../contracts/inspections-api.ts'
import { api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

/** Portal: the published draws (一公开), each reproducible by anyone. */
export function PublicDrawsPage() {
  const { t } = useTranslation('inspections')
  const [page, setPage] = useState(1)
  const list = useFetch(
    () => api.get<Page<InspectionDraw>>('/api/inspections/draws', { page, pageSize: 20 }),
    [page],
  )
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('portal.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t('portal.intro')}</Typography.Paragraph>
      <ProblemAlert error={list.error} />
      <Table<InspectionDraw>
        rowKey="id"
        loading={list.loading}
        dataSource={(list.data?.items ?? []).filter((d) => d.published)}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('task.title'),
            render: (_, d) => (
              <Link to={`/inspections/${d.id}`}>
                {d.taskTitle} {d.demo && <Tag>{t('draw.demo')}</Tag>}
                {d.status === 'aborted' && <Tag color="red">{t('status.aborted')}</Tag>}
              </Link>
            ),
          },
          { title: t('task.code'), dataIndex: 'taskCode' },
          { title: t('draw.targets'), dataIndex: 'targetCount' },
          {
            title: t('draw.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => (v ? v.slice(0, 10) : '—'),
          },
        ]}
      />
    </Card>
  )
}
