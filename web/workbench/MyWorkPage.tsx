import { Alert, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Organization, UserSummary } from '../../contracts/identity.ts'
import { api, type Page } from '../app/api.ts'
import { useAuth } from '../app/auth.tsx'
import { useFetch } from '../app/useFetch.ts'
import { RoleTags } from '../components/RoleTags.tsx'

/** 我的工作: who I am and what waits for me. Later modules add their queues and deadlines here. */
export function MyWorkPage() {
  const { t, i18n } = useTranslation('workbench')
  const { user, can } = useAuth()
  const orgs = useFetch(
    () => (can('org.read') ? api.get<Organization[]>('/api/organizations') : Promise.resolve([])),
    [user?.id],
  )
  const pending = useFetch(
    () =>
      can('registration.review')
        ? api.get<Page<UserSummary>>('/api/registrations', { status: 'pending', pageSize: 1 })
        : Promise.resolve(undefined),
    [user?.id],
  )
  if (!user) return null
  const district = orgs.data?.find((o) => o.id === user.districtId)
  const districtName = district ? (i18n.language === 'en' ? district.nameEn : district.nameZh) : undefined
  const scope = user.districtId
    ? t('mywork.scopeDistrict', { name: districtName ?? user.districtId })
    : t('mywork.scopeCity')

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('mywork.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('mywork.me')}>
            <Descriptions column={1}>
              <Descriptions.Item label={t('mywork.name')}>
                {user.displayName}（{user.username}）
              </Descriptions.Item>
              <Descriptions.Item label={t('mywork.roles')}>
                <RoleTags roles={user.roles} />
              </Descriptions.Item>
              <Descriptions.Item label={t('mywork.org')}>{user.orgName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('mywork.scope')}>{scope}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        {can('registration.review') && (
          <Col xs={24} sm={12} lg={10}>
            <Card title={t('mywork.pendingRegistrations')}>
              <Statistic value={pending.data?.total ?? 0} loading={pending.loading} />
              <Link to="/workbench/registrations">{t('mywork.toQueue')}</Link>
            </Card>
          </Col>
        )}
        <Col xs={24}>
          <Alert type="info" showIcon title={t('mywork.later')} />
        </Col>
      </Row>
    </>
  )
}
