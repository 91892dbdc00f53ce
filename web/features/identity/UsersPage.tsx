import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STAFF_ROLES } from '../../../contracts/access.ts'
import { createUserRequest, type Organization, type UserSummary } from '../../../contracts/identity.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, compact, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { RoleTags, roleLabel } from '../../components/RoleTags.tsx'
import { buildOrgTree, orgOptions } from './orgTree.ts'

const STATUS_COLORS: Record<UserSummary['status'], string> = {
  active: 'green',
  pending: 'gold',
  disabled: 'default',
  rejected: 'red',
}
const shape = createUserRequest.shape

/** Users: search and filter; administrators create staff accounts and disable or enable users. */
export function UsersPage() {
  const { t, i18n } = useTranslation('admin')
  const { user: me, can } = useAuth()
  const { message } = App.useApp()
  const manage = can('user.manage')
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<UserSummary['status'] | undefined>(undefined)
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const list = useFetch(
    () => api.get<Page<UserSummary>>('/api/users', { q, status, page, pageSize: 20 }),
    [q, status, page, i18n.language],
  )

  async function setUserStatus(user: UserSummary, next: 'active' | 'disabled') {
    setError(null)
    try {
      await api.patch(`/api/users/${encodeURIComponent(user.id)}/status`, { status: next })
      message.success(t(next === 'disabled' ? 'users.disabledDone' : 'users.enabledDone'))
      await list.reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
      }
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          allowClear
          onSearch={(v) => {
            setPage(1)
            setQ(v.trim())
          }}
          style={{ width: 260 }}
        />
        <Select
          aria-label={t('users.status')}
          placeholder={t('users.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setPage(1)
            setStatus(v)
          }}
          options={(['active', 'pending', 'disabled', 'rejected'] as const).map((s) => ({
            value: s,
            label: t(`users.statuses.${s}`),
          }))}
        />
      </Space>
      <ProblemAlert error={list.error ?? error} />
      <Table<UserSummary>
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
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.roles'), dataIndex: 'roles', render: (roles) => <RoleTags roles={roles} /> },
          {
            title: t('users.orgOrEntity'),
            key: 'org',
            render: (_, u) => u.orgName ?? u.entityName ?? '—',
          },
          { title: t('users.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
          {
            title: t('users.status'),
            dataIndex: 'status',
            render: (s: UserSummary['status']) => (
              <Tag color={STATUS_COLORS[s]}>{t(`users.statuses.${s}`)}</Tag>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('users.actions'),
                  key: 'actions',
                  render: (_: unknown, u: UserSummary) =>
                    u.id === me?.id ? null : u.status === 'active' ? (
                      <Popconfirm
                        title={t('users.confirmDisable', { name: u.displayName })}
                        onConfirm={() => setUserStatus(u, 'disabled')}
                      >
                        <Button size="small" danger>
                          {t('users.disable')}
                        </Button>
                      </Popconfirm>
                    ) : u.status === 'disabled' ? (
                      <Button size="small" onClick={() => void setUserStatus(u, 'active')}>
                        {t('users.enable')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {manage && (
        <CreateUserDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={async () => {
            setCreating(false)
            await list.reload()
          }}
        />
      )}
    </Card>
  )
}

function CreateUserDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: () => void | Promise<void>
}) {
  const { t, i18n } = useTranslation('admin')
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const orgs = useFetch(
    () => (open ? api.get<Organization[]>('/api/organizations') : Promise.resolve([])),
    [open],
  )
  const lang = i18n.language
  const orgTree = useMemo(
    () =>
      orgOptions(
        buildOrgTree(
          (orgs.data ?? []).filter((o) => o.active),
          lang,
        ),
      ),
    [orgs.data, lang],
  )

  async function submit(values: Record<string, unknown>) {
    setBusy(true)
    setError(null)
    try {
      await api.post('/api/users', compact(values))
      message.success(t('users.created'))
      form.resetFields()
      await onCreated()
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('users.createTitle')}
      size={480}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          {t('users.save')}
        </Button>
      }
    >
      <ProblemAlert error={error ?? orgs.error} />
      <Form key={lang} form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="username" label={t('users.username')} required rules={[zodRule(shape.username)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          required
          rules={[zodRule(shape.displayName)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          required
          extra={t('users.passwordHelp')}
          rules={[zodRule(shape.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} required rules={[zodRule(shape.roles)]}>
          <Select
            mode="multiple"
            options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} required rules={[zodRule(shape.orgId)]}>
          <TreeSelect
            treeData={orgTree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            loading={orgs.loading}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phoneOptional')}
          rules={[zodRule(shape.phone.unwrap(), { optional: true })]}
        >
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.emailOptional')}
          rules={[zodRule(shape.email.unwrap(), { optional: true })]}
        >
          <Input type="email" />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
