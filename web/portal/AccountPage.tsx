import { App, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../contracts/entities.ts'
import { changeEmailRequest } from '../../contracts/identity.ts'
import { ApiError, api, type Page } from '../app/api.ts'
import { useAuth } from '../app/auth.tsx'
import { useFetch } from '../app/useFetch.ts'
import { ButtonLink } from '../components/ButtonLink.tsx'
import { applyProblemToForm, zodRule } from '../components/forms.ts'
import { ProblemAlert } from '../components/ProblemAlert.tsx'
import { RoleTags } from '../components/RoleTags.tsx'

/** A signed-in user's account in the portal (enterprise users land here): profile, e-mail, entity. */
export function AccountPage() {
  const { t } = useTranslation('portal')
  const { user, can } = useAuth()
  const entities = useFetch(
    () => (can('entity.read') ? api.get<Page<Entity>>('/api/entities') : Promise.resolve(undefined)),
    [user?.id],
  )
  if (!user) return null
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('account.title', { name: user.displayName })}
      </Typography.Title>
      <Card title={t('account.profile')}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.roles')}>
            <RoleTags roles={user.roles} />
          </Descriptions.Item>
          <Descriptions.Item label={t('account.entity')}>{user.entityName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.org')}>{user.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('account.email')}>
            <span data-testid="account-email">{user.email ?? t('account.emailNone')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <EmailCard />
      <Card title={t('account.myEntities')}>
        <ProblemAlert error={entities.error} />
        <Table<Entity>
          rowKey="id"
          size="small"
          loading={entities.loading}
          pagination={false}
          dataSource={entities.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('account.entityName'), dataIndex: 'name' },
            { title: t('account.uscc'), dataIndex: 'uscc' },
            { title: t('account.district'), dataIndex: 'districtName', render: (v) => v ?? '—' },
          ]}
        />
      </Card>
      <Card title={t('account.services')}>
        <Typography.Paragraph type="secondary">{t('account.servicesLater')}</Typography.Paragraph>
        <Space wrap>
          <Tag>{t('services.complaint.title')}</Tag>
          <Tag>{t('services.assistance.title')}</Tag>
          <Tag>{t('services.evidence.title')}</Tag>
          <Tag>{t('services.preexam.title')}</Tag>
        </Space>
      </Card>
      {can('workbench.access') && (
        <ButtonLink to="/workbench" type="primary">
          {t('account.toWorkbench')}
        </ButtonLink>
      )}
    </Space>
  )
}

/** Change the own e-mail address (where notifications are mailed), confirmed by the current password. */
function EmailCard() {
  const { t, i18n } = useTranslation('portal')
  const { refresh } = useAuth()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ email: string; currentPassword: string }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(values: { email: string; currentPassword: string }) {
    setBusy(true)
    setError(null)
    try {
      await api.post('/api/auth/email', { ...values, email: values.email.trim() })
      message.success(t('account.emailChanged'))
      form.resetFields()
      await refresh()
    } catch (e) {
      if (!applyProblemToForm(form, e) && e instanceof ApiError) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={t('account.emailTitle')}>
      <Typography.Paragraph type="secondary">{t('account.emailIntro')}</Typography.Paragraph>
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Form key={i18n.language} form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item
          name="email"
          label={t('account.newEmail')}
          required
          rules={[{ transform: (v: string) => v?.trim(), ...zodRule(changeEmailRequest.shape.email) }]}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          required
          rules={[zodRule(changeEmailRequest.shape.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('account.saveEmail')}
        </Button>
      </Form>
    </Card>
  )
}
