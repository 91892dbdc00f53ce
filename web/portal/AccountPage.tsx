import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../contracts/entities.ts'
import { api, type Page } from '../app/api.ts'
import { useAuth } from '../app/auth.tsx'
import { useFetch } from '../app/useFetch.ts'
import { ButtonLink } from '../components/ButtonLink.tsx'
import { ProblemAlert } from '../components/ProblemAlert.tsx'
import { RoleTags } from '../components/RoleTags.tsx'

/** An enterprise user's home in the portal: their account, their entity, services to come. */
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
        </Descriptions>
      </Card>
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
