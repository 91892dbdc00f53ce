import {
  AuditOutlined,
  BankOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  SafetyOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Article } from '../../contracts/content.ts'
import { api, type Page } from '../app/api.ts'
import { useAuth } from '../app/auth.tsx'
import { useFetch } from '../app/useFetch.ts'
import { ButtonLink } from '../components/ButtonLink.tsx'
import { ProblemAlert } from '../components/ProblemAlert.tsx'
import { contentPath } from '../features/content/paths.ts'

// Entry points to the services: a card links to its page once the module ships, and says so until then.
const SERVICES: { key: string; icon: ReactNode; to?: string }[] = [
  { key: 'complaint', icon: <AuditOutlined />, to: '/services' },
  { key: 'assistance', icon: <SolutionOutlined />, to: '/services/assistance' },
  { key: 'evidence', icon: <FileProtectOutlined />, to: '/evidence' },
  { key: 'search', icon: <FileSearchOutlined />, to: '/search' },
  { key: 'inspection', icon: <TeamOutlined />, to: '/inspections' },
  { key: 'deadline', icon: <SafetyOutlined />, to: '/deadline-calculator' },
  { key: 'preexam', icon: <FileSearchOutlined /> },
  { key: 'credit', icon: <SafetyOutlined /> },
  { key: 'operations', icon: <BankOutlined /> },
  { key: 'overseas', icon: <GlobalOutlined /> },
]

export function HomePage() {
  const { t, i18n } = useTranslation('portal')
  const { user } = useAuth()
  const notices = useFetch(
    () => api.get<Page<Article>>('/api/articles', { kind: 'notice,news', pageSize: 8 }),
    [i18n.language],
  )
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <section
        aria-labelledby="hero-title"
        style={{
          background: 'linear-gradient(120deg, #8c1d22, #c7412f)',
          color: '#fff',
          borderRadius: 12,
          padding: '40px 24px',
        }}
      >
        <Typography.Title
          id="hero-title"
          level={1}
          style={{ color: '#fff', marginTop: 0, fontSize: 'clamp(28px, 6vw, 40px)' }}
        >
          {t('hero.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: '#fde8e4', fontSize: 16, maxWidth: 720 }}>
          {t('hero.subtitle')}
        </Typography.Paragraph>
        {!user && (
          <Space wrap>
            <ButtonLink to="/register" size="large">
              {t('hero.register')}
            </ButtonLink>
            <ButtonLink to="/login" size="large" ghost>
              {t('hero.login')}
            </ButtonLink>
          </Space>
        )}
      </section>

      <section aria-labelledby="services-title">
        <Typography.Title id="services-title" level={2}>
          {t('services.title')}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {SERVICES.map((s) => (
            <Col key={s.key} xs={12} sm={12} md={8} lg={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Space orientation="vertical" size={4}>
                  <span style={{ fontSize: 24, color: '#b4232a' }} aria-hidden>
                    {s.icon}
                  </span>
                  <Typography.Text strong>{t(`services.${s.key}.title`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t(`services.${s.key}.desc`)}
                  </Typography.Text>
                  {s.to ? <Link to={s.to}>{t('services.open')}</Link> : <Tag>{t('services.comingSoon')}</Tag>}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section aria-labelledby="notices-title">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="baseline">
          <Typography.Title id="notices-title" level={2}>
            {t('content:home.title')}
          </Typography.Title>
          <Link to="/news">{t('content:home.more')}</Link>
        </Space>
        <ProblemAlert error={notices.error} />
        <Card>
          <List<Article>
            loading={notices.loading}
            dataSource={notices.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
            renderItem={(a) => (
              <List.Item
                extra={<Typography.Text type="secondary">{a.publishedAt?.slice(0, 10)}</Typography.Text>}
              >
                <List.Item.Meta
                  title={<Link to={contentPath(a.kind, a.id)}>{a.title}</Link>}
                  description={a.summary}
                />
              </List.Item>
            )}
          />
        </Card>
      </section>
    </Space>
  )
}
