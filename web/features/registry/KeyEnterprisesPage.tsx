import { App, Button, Form, Input, List, Popconfirm, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ASSET_KIND_LABELS, ASSET_STATUS_LABELS, type KeyEnterprise } from '../../../contracts/registry.ts'
import { type ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, compact } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { label } from './AssetForm.tsx'

/** Workbench: the key-enterprise protection list (重点企业保护名录), each enterprise with its assets. */
export function KeyEnterprisesPage() {
  const { t, i18n } = useTranslation('registry')
  const { message } = App.useApp()
  const list = useFetch(() => api.get<KeyEnterprise[]>('/api/registry/key-enterprises'), [i18n.language])
  const [problem, setProblem] = useState<ApiError | undefined>()
  const [form] = Form.useForm()

  const add = async (values: Record<string, string>) => {
    setProblem(undefined)
    try {
      await api.post('/api/registry/key-enterprises', compact(values))
      form.resetFields()
      message.success(t('key.added'))
      await list.reload()
    } catch (error) {
      if (!applyProblemToForm(form, error)) setProblem(error as ApiError)
    }
  }
  const remove = async (e: KeyEnterprise) => {
    setProblem(undefined)
    try {
      await api.delete(`/api/registry/key-enterprises/${e.id}`)
      message.success(t('key.removed'))
      await list.reload()
    } catch (error) {
      setProblem(error as ApiError)
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('key.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('key.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="uscc" label={t('key.uscc')} rules={[{ required: true }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="listedOn" label={t('key.listedOn')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('key.reason')}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('key.add')}
        </Button>
      </Form>
      <ProblemAlert error={problem ?? list.error} onClose={() => setProblem(undefined)} />
      <Table<KeyEnterprise>
        rowKey="id"
        data-testid="key-enterprises"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (e) =>
            e.assets.length === 0 ? (
              t('key.noAssets')
            ) : (
              <List
                size="small"
                dataSource={e.assets}
                renderItem={(a) => (
                  <List.Item>
                    <Space wrap>
                      <span>{label(ASSET_KIND_LABELS[a.kind])}</span>
                      <span>{a.number}</span>
                      <Link to={`/registry/assets/${a.id}`}>{a.title}</Link>
                      <span>{label(ASSET_STATUS_LABELS[a.status])}</span>
                    </Space>
                  </List.Item>
                )}
              />
            ),
        }}
        columns={[
          { title: t('key.name'), dataIndex: 'name' },
          { title: t('key.uscc'), dataIndex: 'uscc' },
          { title: t('key.listedOn'), dataIndex: 'listedOn' },
          { title: t('key.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
          {
            title: t('key.assets'),
            key: 'assets',
            render: (_: unknown, e) => t('key.assetCount', { count: e.assets.length }),
          },
          {
            title: t('key.actions'),
            key: 'actions',
            render: (_: unknown, e) => (
              <Popconfirm title={t('key.confirmRemove')} onConfirm={() => remove(e)}>
                <Button size="small" danger aria-label={`${t('key.remove')} ${e.name}`}>
                  {t('key.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  )
}
