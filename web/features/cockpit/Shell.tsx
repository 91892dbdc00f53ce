import { Layout, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAuth } from '../../app/auth.tsx'
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx'

/** The frame of the plan pages under /cockpit: title, navigation, language. */
export function Shell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('plan')
  const { t: tc } = useTranslation()
  const { can } = useAuth()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b1424', paddingInline: 16 }}
      >
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 18, margin: 0, marginRight: 'auto' }}>
          {title}
        </Typography.Title>
        <nav aria-label={t('nav.label')}>
          <Space>
            {can('cockpit.access') && (
              <Link to="/cockpit/plan" style={{ color: '#fff' }}>
                {t('nav.overview')}
              </Link>
            )}
            <Link to="/cockpit/unit" style={{ color: '#fff' }}>
              {t('nav.myUnit')}
            </Link>
            {can('cockpit.access') && (
              <Link to="/cockpit/report" style={{ color: '#fff' }}>
                {t('nav.report')}
              </Link>
            )}
            {can('cockpit.manage') && (
              <Link to="/cockpit/office" style={{ color: '#fff' }}>
                {t('nav.office')}
              </Link>
            )}
            {can('workbench.access') && (
              <Link to="/workbench" style={{ color: '#fff' }}>
                {t('nav.workbench')}
              </Link>
            )}
          </Space>
        </nav>
        <LanguageSwitch size="small" />
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <div id="main" tabIndex={-1}>
          {children}
        </div>
      </Layout.Content>
    </Layout>
  )
}
