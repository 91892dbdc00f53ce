import { Alert, Card, Col, Layout, Row, Space, Statistic, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../contracts/entities.ts'
import type { Organization } from '../../contracts/identity.ts'
import { api, type Page } from '../app/api.ts'
import { useAuth } from '../app/auth.tsx'
import { useFetch } from '../app/useFetch.ts'
import { ButtonLink } from '../components/ButtonLink.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ProblemAlert } from '../components/ProblemAlert.tsx'
import { CountBarChart } from './OrgChart.tsx'

// Panels the cockpit issues will fill (plans, targets, tasks, supervision); shown as such.
// The plan's views, built by the cockpit module (web/features/cockpit).
const VIEWS: { key: string; to: string }[] = [
  { key: 'plans', to: '/cockpit/plan' },
  { key: 'tasks', to: '/cockpit/plan' },
  { key: 'districts', to: '/cockpit/report' },
  { key: 'overdue', to: '/cockpit/unit' },
]

/** 驾驶舱 landing: real counts from the API today, labelled placeholders for what comes later. */
export function CockpitPage() {
  const { t, i18n } = useTranslation('cockpit')
  const { user, can } = useAuth()
  const { t: tc } = useTranslation()
  const orgs = useFetch(() => api.get<Organization[]>('/api/organizations'), [user?.id])
  const entities = useFetch(() => api.get<Page<Entity>>('/api/entities', { pageSize: 1 }), [user?.id])
  const en = i18n.language === 'en'

  // Entities per district is not an API yet; organizations per district is, and it is real.
  const byDistrict = useMemo(() => {
    const list = orgs.data ?? []
    const districts = list.filter((o) => o.kind === 'district' || o.functionalZone)
    return districts
      .map((d) => ({
        name: en ? d.nameEn : d.nameZh,
        value: list.filter((o) => o.districtId === d.id && o.id !== d.id).length,
      }))
      .sort((a, b) => b.value - a.value)
  }, [orgs.data, en])

  return (
    <Layout style={{ minHeight: '100vh', background: '#0f1b2d' }}>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          background: '#0b1424',
          color: '#fff',
          paddingInline: 16,
        }}
      >
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 20, margin: 0, marginRight: 'auto' }}>
          {t('title')}
        </Typography.Title>
        <LanguageSwitch size="small" />
        {can('workbench.access') && (
          <ButtonLink to="/workbench" size="small">
            {t('toWorkbench')}
          </ButtonLink>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <div id="main" tabIndex={-1}>
          <ProblemAlert error={orgs.error ?? entities.error} />
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('stats.entities')}
                  value={entities.data?.total ?? 0}
                  loading={entities.loading}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('stats.organizations')}
                  value={orgs.data?.length ?? 0}
                  loading={orgs.loading}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card title={t('chart.title')}>
                {byDistrict.length > 0 && <CountBarChart data={byDistrict} label={t('chart.title')} />}
              </Card>
            </Col>
            <Col xs={24}>
              <Alert type="info" showIcon title={t('later.note')} />
            </Col>
            {VIEWS.map(({ key, to }) => (
              <Col key={key} xs={24} sm={12} lg={6}>
                <Card title={t(`later.${key}.title`)}>
                  <Space orientation="vertical">
                    <Typography.Text type="secondary">{t(`later.${key}.desc`)}</Typography.Text>
                    <ButtonLink to={to} size="small">
                      {t('later.pending')}
                    </ButtonLink>
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        </div>
      </Layout.Content>
    </Layout>
  )
}
