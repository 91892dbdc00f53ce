import { InboxOutlined } from '@ant-design/icons'
import type { UploadFile } from 'antd'
import { Button, Card, Form, Input, message, Space, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DepositView } from '../../../contracts/evidence-api.ts'
import { type ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { uploadDeposit } from './upload.ts'

/** Portal: deposit evidence (files streamed to the server, hashed there) and the caller's deposits with receipts. */
export function EvidencePage() {
  const { t } = useTranslation('evidence')
  const [form] = Form.useForm()
  const [files, setFiles] = useState<UploadFile[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const list = useFetch(() => api.get<Page<DepositView>>('/api/evidence/deposits', { pageSize: 50 }), [])

  const submit = async (values: Record<string, string | undefined>) => {
    setBusy(true)
    setError(null)
    try {
      await uploadDeposit(
        values,
        files.map((f) => f.originFileObj as File),
      )
      message.success(t('deposited'))
      form.resetFields()
      setFiles([])
      await list.reload()
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('title')}
          </Typography.Title>
        }
        extra={<Link to="/verify/evidence">{t('verifyLink')}</Link>}
      >
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        <ProblemAlert error={error} onClose={() => setError(null)} />
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
          <Form.Item label={t('files')} required>
            <Upload.Dragger
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
              aria-label={t('files')}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{t('dropHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item
            name="title"
            label={t('fields.title')}
            rules={[{ required: true, message: t('titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('fields.description')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="captureUrl" label={t('fields.captureUrl')}>
            <Input type="url" placeholder="https://" />
          </Form.Item>
          <Form.Item name="caseId" label={t('fields.caseId')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={files.length === 0}>
            {t('submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('mine')}>
        <ProblemAlert error={list.error} />
        <Table<DepositView>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('fields.title'), dataIndex: 'title' },
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
              render: (fs: DepositView['files']) => fs.map((f) => <div key={f.sha256}>{f.fileName}</div>),
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
                  <Button size="small" onClick={() => list.reload()}>
                    {t('refresh')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  )
}
