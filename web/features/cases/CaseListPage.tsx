import { Card, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import {
  CASE_TYPES,
  type CaseListItem,
  type CaseListPage as CaseListResult,
  type CaseType,
  pick,
} from './model.ts'

/** Workbench: the cases in the user's scope (the server filters), by type and state. */
export function CaseListPage() {
  const { t, i18n } = useTranslation('cases')
  const [type, setType] = useState<CaseType | undefined>()
  const [state, setState] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const list = useFetch(
    () => api.get<CaseListResult>('/api/cases', { type, state, page, pageSize: 20 }),
    [type, state, page],
  )
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<CaseType>
          allowClear
          aria-label={t('list.filterType')}
          placeholder={t('list.filterType')}
          style={{ minWidth: 180 }}
          value={type}
          onChange={(v) => {
            setType(v)
            setState(undefined)
            setPage(1)
          }}
          options={Object.keys(CASE_TYPES).map((k) => ({ value: k as CaseType, label: t(`type.${k}`) }))}
        />
        <Select<string>
          allowClear
          aria-label={t('list.filterState')}
          placeholder={t('list.filterState')}
          style={{ minWidth: 200 }}
          disabled={!type}
          value={state}
          onChange={(v) => {
            setState(v)
            setPage(1)
          }}
          options={(type ? CASE_TYPES[type] : []).map((s) => ({ value: s, label: t(`state.${type}.${s}`) }))}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<CaseListItem>
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
          {
            title: t('list.number'),
            dataIndex: 'number',
            render: (n: string, c) => <Link to={`/workbench/cases/${c.id}`}>{n}</Link>,
          },
          { title: t('list.type'), dataIndex: 'type', render: (v: string) => t(`type.${v}`) },
          { title: t('list.caseTitle'), dataIndex: 'title' },
          {
            title: t('list.state'),
            dataIndex: 'stateLabel',
            render: (l: CaseListItem['stateLabel']) => <Tag>{pick(l, i18n.language)}</Tag>,
          },
          { title: t('list.nextDue'), dataIndex: 'nextDueDate', render: (v: string | null) => v ?? '—' },
          { title: t('list.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
        ]}
      />
    </Card>
  )
}
