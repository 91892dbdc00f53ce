import { SafetyCertificateOutlined } from '@ant-design/icons'
import { Button, Dropdown, Grid, Layout, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useNavigate } from 'react-router'
import { homeOf, useAuth } from '../app/auth.tsx'
import { ButtonLink } from '../components/ButtonLink.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'

/** The public face: header with brand, sign-in state and language switch; footer. */
export function PortalLayout() {
  const { t } = useTranslation()
  const { user, logout } = useAuth()
  const navigate = useNavigate()
  const { t: tc } = useTranslation()
  const screens = Grid.useBreakpoint()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          flexWrap: 'wrap',
          height: 'auto',
          minHeight: 64,
          lineHeight: 1.4,
          padding: '10px 16px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, marginRight: 'auto' }}>
          <SafetyCertificateOutlined style={{ fontSize: 24, color: '#b4232a' }} aria-hidden />
          <Typography.Text strong style={{ fontSize: 18 }}>
            {screens.sm === false ? t('appShort') : t('appName')}
          </Typography.Text>
        </Link>
        <nav aria-label={t('nav.services')}>
          <Space wrap size="middle">
            <Link to="/services">{t('nav.services')}</Link>
            <Link to="/guides">{t('content:nav.guides')}</Link>
            <Link to="/policies">{t('content:nav.policies')}</Link>
            <Link to="/news">{t('content:nav.news')}</Link>
            <Link to="/faq">{t('content:nav.faq')}</Link>
            <Link to="/classroom">{t('classroom:nav.classroom')}</Link>
            <Link to="/talent">{t('classroom:nav.talent')}</Link>
            <Link to="/navigation">{t('navigation:nav')}</Link>
            <Link to="/directory">{t('services:nav')}</Link>
            <Link to="/search">{t('nav.search')}</Link>
            <Link to="/verify/evidence">{t('nav.verify')}</Link>
            <Link to="/inspections">{t('nav.inspections')}</Link>
          </Space>
        </nav>
        <LanguageSwitch size="small" />
        {user ? (
          <Dropdown
            menu={{
              items: [
                { key: 'home', label: t('nav.myHome'), onClick: () => navigate(homeOf(user)) },
                {
                  key: 'logout',
                  label: t('nav.logout'),
                  onClick: () => void logout().then(() => navigate('/')),
                },
              ],
            }}
          >
            <Button type="text">{user.displayName}</Button>
          </Dropdown>
        ) : (
          <Space>
            <ButtonLink to="/login" type="primary">
              {t('nav.login')}
            </ButtonLink>
            <ButtonLink to="/register">{t('nav.register')}</ButtonLink>
          </Space>
        )}
      </Layout.Header>
      <Layout.Content style={{ padding: '24px 16px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <div id="main" tabIndex={-1}>
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0, 0, 0, 0.62)' }}>
        {t('footer')}
      </Layout.Footer>
    </Layout>
  )
}
