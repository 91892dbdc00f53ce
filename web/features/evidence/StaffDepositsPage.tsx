import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DepositView } from '../../../contracts/evidence-api.ts'
import { api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

/**
 * Workbench: the deposits of the cases the staff member may see (the server filters by scope), with
 * their files — every download is audited by the server — and receipts.
 */
export function StaffDepositsPage() {
  const { t } = useTranslation('evidence')
  const [caseId, setCaseId] = useState('')
  const [status, setStatus] = useState<DepositView['status'] | undefined>(undefined)
  const [page, setPage] = useState(1)
  const list = useFetch(
    () =>
      api.get<Page<DepositView>>('/api/evidence/deposits', {
        page,
        pageSize: 20,
        ...(caseId.trim() ? { caseId: caseId.trim() } : {}),
        ...(status ? { status } : {}),
      }),
    [page, caseId, status],
  )

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('staff.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('staff.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('staff.caseId')}
          placeholder={t('staff.caseId')}
          allowClear
          onSearch={(v) => {
            setPage(1)
            setCaseId(v)
          }}
          style={{ width: 280 }}
        />
        <Select
          aria-label={t('status.label')}
          allowClear
          placeholder={t('status.label')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => {
            setPage(1)
            setStatus(v)
          }}
          options={[
            { value: 'pending', label: t('status.pending') },
            { value: 'integrated', label: t('staff.integrated') },
          ]}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<DepositView>
        rowKey="id"
        data-testid="staff-deposits"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('fields.title'), dataIndex: 'title' },
          {
            title: t('staff.case'),
            dataIndex: 'caseId',
            render: (id: string | null) =>
              id ? <Link to={`/workbench/cases/${id}`}>{t('staff.openCase')}</Link> : '—',
          },
          {
            title: t('receivedAt'),
            dataIndex: 'receivedAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            title: t('status.label'),
            dataIndex: 'status',
            render: (s: DepositView['status'], d) =>
              s === 'integrated' ? (
                <Tag color="green">{t('status.integrated', { index: d.leafIndex })}</Tag>
              ) : (
                <Tag color="gold">{t('status.pending')}</Tag>
              ),
          },
          {
            title: t('files'),
            dataIndex: 'files',
            render: (files: DepositView['files'], d) =>
              files.map((f) => (
                <div key={f.sha256}>
                  <a
                    href={`/api/evidence/deposits/${d.id}/files/${f.sha256}`}
                    download={f.fileName}
                    title={t('staff.audited')}
                  >
                    {f.fileName}
                  </a>{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    SHA-256 {f.sha256.slice(0, 12)}…
                  </Typography.Text>
                </div>
              )),
          },
          {
            title: t('receipt'),
            key: 'receipt',
            render: (_, d) =>
              d.status === 'integrated' ? (
                <Space>
                  <a href={`/api/evidence/deposits/${d.id}/receipt`} download={`receipt-${d.id}.json`}>
                    {t('receiptJson')}
                  </a>
                  <a href={`/api/evidence/deposits/${d.id}/receipt.pdf`} download={`receipt-${d.id}.pdf`}>
                    {t('receiptPdf')}
                  </a>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  )
}
