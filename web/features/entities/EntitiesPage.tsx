import { Card, Input, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../contracts/entities.ts'
import { api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

/** Market entities within the viewer's scope, searchable by name or credit code. */
export function EntitiesPage() {
  const { t, i18n } = useTranslation('admin')
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const list = useFetch(
    () => api.get<Page<Entity>>('/api/entities', { q, page, pageSize: 20 }),
    [q, page, i18n.language],
  )
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('entities.title')}
        </Typography.Title>
      }
    >
      <Input.Search
        aria-label={t('entities.search')}
        placeholder={t('entities.search')}
        allowClear
        onSearch={(v) => {
          setPage(1)
          setQ(v.trim())
        }}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <ProblemAlert error={list.error} />
      <Table<Entity>
        rowKey="id"
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
        columns={[
          { title: t('entities.name'), dataIndex: 'name' },
          { title: t('entities.uscc'), dataIndex: 'uscc' },
          { title: t('entities.district'), dataIndex: 'districtName', render: (v) => v ?? '—' },
          { title: t('entities.industry'), dataIndex: 'industry', render: (v) => v ?? '—' },
          { title: t('entities.address'), dataIndex: 'address', render: (v) => v ?? '—' },
        ]}
      />
    </Card>
  )
}
