import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { PERMISSIONS } from '../../../contracts/access.ts'
import {
  type apiTokenSchema,
  createApiTokenRequest,
  type createApiTokenResponse,
  type UserSummary,
} from '../../../contracts/identity.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type ApiToken = z.infer<typeof apiTokenSchema>
type CreatedToken = z.infer<typeof createApiTokenResponse>

const fmt = (v: string | null) => (v ? v.slice(0, 16).replace('T', ' ') : '—')

/** API tokens for integrations: created with scopes, shown once, revocable. */
export function TokensPage() {
  const { t, i18n } = useTranslation('admin')
  const { message } = App.useApp()
  const tokens = useFetch(() => api.get<ApiToken[]>('/api/tokens'), [i18n.language])
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function revoke(token: ApiToken) {
    setError(null)
    try {
      await api.post(`/api/tokens/${encodeURIComponent(token.id)}/revoke`)
      message.success(t('tokens.revokedDone'))
      await tokens.reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('tokens.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <ProblemAlert error={tokens.error ?? error} />
      <Table<ApiToken>
        rowKey="id"
        loading={tokens.loading}
        dataSource={tokens.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.owner'), dataIndex: 'username' },
          {
            title: t('tokens.scopes'),
            dataIndex: 'scopes',
            render: (scopes: string[]) => scopes.map((s) => <Tag key={s}>{s}</Tag>),
          },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: fmt },
          { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: fmt },
          { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: fmt },
          {
            title: t('tokens.status'),
            key: 'status',
            render: (_, tok) =>
              tok.revokedAt ? (
                <Tag>{t('tokens.revoked')}</Tag>
              ) : tok.expiresAt && tok.expiresAt < new Date().toISOString() ? (
                <Tag color="orange">{t('tokens.expired')}</Tag>
              ) : (
                <Tag color="green">{t('tokens.active')}</Tag>
              ),
          },
          {
            title: t('tokens.actions'),
            key: 'actions',
            render: (_, tok) =>
              !tok.revokedAt && (
                <Popconfirm
                  title={t('tokens.confirmRevoke', { name: tok.name })}
                  onConfirm={() => revoke(tok)}
                >
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (tok) => {
          setCreating(false)
          setCreated(tok)
          await tokens.reload()
        }}
      />
      <Modal
        open={created !== null}
        title={t('tokens.createdTitle')}
        onCancel={() => setCreated(null)}
        onOk={() => setCreated(null)}
        okText={t('tokens.done')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: created?.token ?? '' }}
          code
          style={{ wordBreak: 'break-all' }}
        >
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Card>
  )
}

function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: (token: CreatedToken) => void | Promise<void>
}) {
  const { t } = useTranslation('admin')
  const [form] = Form.useForm()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const users = useFetch(
    () =>
      open
        ? api.get<Page<UserSummary>>('/api/users', { status: 'active', pageSize: 200 })
        : Promise.resolve(undefined),
    [open],
  )

  async function submit(values: {
    name: string
    userId: string
    scopes: string[]
    expires?: { format: (f: string) => string }
  }) {
    setBusy(true)
    setError(null)
    try {
      const { expires, ...rest } = values
      // The token lapses at the end of the chosen day, local time.
      const expiresAt = expires
        ? new Date(`${expires.format('YYYY-MM-DD')}T23:59:59`).toISOString()
        : undefined
      const token = await api.post<CreatedToken>('/api/tokens', {
        ...rest,
        ...(expiresAt ? { expiresAt } : {}),
      })
      form.resetFields()
      await onCreated(token)
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      okText={t('tokens.create')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error ?? users.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('tokens.name')}
          required
          rules={[zodRule(createApiTokenRequest.shape.name)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t('tokens.owner')}
          rules={[{ required: true, message: t('tokens.ownerRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={users.loading}
            options={(users.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName} (${u.username})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('tokens.scopes')}
          required
          rules={[zodRule(createApiTokenRequest.shape.scopes)]}
        >
          <Select mode="multiple" options={PERMISSIONS.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="expires" label={t('tokens.expiresOptional')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
