import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { createBrowserRouter, Link } from 'react-router'
import { CockpitPage } from '../cockpit/CockpitPage.tsx'
import { RequireAuth } from '../components/RequireAuth.tsx'
import { EntitiesPage } from '../features/entities/EntitiesPage.tsx'
import { RegistrationQueue } from '../features/identity/RegistrationQueue.tsx'
import { AccountPage } from '../portal/AccountPage.tsx'
import { HomePage } from '../portal/HomePage.tsx'
import { LoginPage } from '../portal/LoginPage.tsx'
import { PortalLayout } from '../portal/PortalLayout.tsx'
import { RegisterPage } from '../portal/RegisterPage.tsx'
import { RegisterSubmitted } from '../portal/RegisterSubmitted.tsx'
import { MyWorkPage } from '../workbench/MyWorkPage.tsx'
import { WorkbenchLayout } from '../workbench/WorkbenchLayout.tsx'
import { adminRoutes } from './adminRoutes.tsx'

function NotFound() {
  const { t } = useTranslation()
  return (
    <Result status="404" title="404" subTitle={t('notFound')} extra={<Link to="/">{t('nav.home')}</Link>} />
  )
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'register/submitted', element: <RegisterSubmitted /> },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: '/workbench',
    element: (
      <RequireAuth permission="workbench.access">
        <WorkbenchLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MyWorkPage /> },
      {
        path: 'registrations',
        element: (
          <RequireAuth permission="registration.review">
            <RegistrationQueue />
          </RequireAuth>
        ),
      },
      {
        path: 'entities',
        element: (
          <RequireAuth permission="entity.read">
            <EntitiesPage />
          </RequireAuth>
        ),
      },
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: '/cockpit',
    element: (
      <RequireAuth permission="cockpit.access">
        <CockpitPage />
      </RequireAuth>
    ),
  },
])
