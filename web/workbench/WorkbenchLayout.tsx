import { DownOutlined, MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { useAuth } from '../app/auth.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { ChangePasswordModal } from './ChangePasswordModal.tsx'
import { menuFor } from './menu.tsx'

/** Staff shell: permission-driven side menu (a drawer below md), user menu, language switch. */
export function WorkbenchLayout() {
  const { t } = useTranslation('workbench')
  const { user, logout } = useAuth()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { t: tc } = useTranslation()
  const location = useLocation()
  const screens = Grid.useBreakpoint()
  const narrow = !screens.md
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [passwordOpen, setPasswordOpen] = useState(false)

  const entries = useMemo(() => menuFor(user?.permissions ?? []), [user])
  const items: MenuProps['items'] = useMemo(() => {
    const plain = entries.filter((e) => !e.group)
    const admin = entries.filter((e) => e.group === 'admin')
    const toItem = (e: (typeof entries)[number]) => ({ key: e.path, icon: e.icon, label: t(e.labelKey) })
    return [
      ...plain.filter((e) => e.path !== '/cockpit').map(toItem),
      ...(admin.length
        ? [{ type: 'group' as const, key: 'admin', label: t('menu.admin'), children: admin.map(toItem) }]
        : []),
      ...plain.filter((e) => e.path === '/cockpit').map(toItem),
    ]
  }, [entries, t])
  // The longest menu path that prefixes the location is the selected entry.
  const selected = entries
    .map((e) => e.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0]

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false)
        navigate(key)
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  )

  async function signOut(everywhere: boolean) {
    await logout(everywhere)
    message.success(t(everywhere ? 'user.loggedOutEverywhere' : 'user.loggedOut'))
    navigate('/')
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {tc('skipToContent')}
      </a>
      {!narrow && (
        <Layout.Sider theme="light" width={232} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <Brand />
          <nav aria-label={t('menu.label')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Drawer
        placement="left"
        open={narrow && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        title={<Brand />}
        size={260}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={t('menu.label')}>{menu}</nav>
      </Drawer>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            paddingInline: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('menu.open')}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Typography.Text strong style={{ marginRight: 'auto' }}>
            {t('title')}
          </Typography.Text>
          <LanguageSwitch size="small" />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'portal', label: <Link to="/">{t('user.portal')}</Link> },
                { key: 'account', label: <Link to="/account">{t('user.account')}</Link> },
                { key: 'password', label: t('user.changePassword'), onClick: () => setPasswordOpen(true) },
                { type: 'divider' },
                { key: 'logout', label: t('user.logout'), onClick: () => void signOut(false) },
                { key: 'logoutAll', label: t('user.logoutEverywhere'), onClick: () => void signOut(true) },
              ],
            }}
          >
            <Button type="text" aria-label={t('user.menu')}>
              {user?.displayName} <DownOutlined />
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <div id="main" tabIndex={-1}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  )
}

function Brand() {
  const { t } = useTranslation()
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '16px 20px' }}>
      <SafetyCertificateOutlined style={{ fontSize: 22, color: '#b4232a' }} aria-hidden />
      <Typography.Text strong style={{ fontSize: 16 }}>
        {t('appShort')}
      </Typography.Text>
    </Link>
  )
}
