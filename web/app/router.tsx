import { Result, Spin } from 'antd'
import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { createBrowserRouter, Link } from 'react-router'
import { RequireAuth } from '../components/RequireAuth.tsx'
import { calendarPortalRoutes } from '../features/calendar/routes.tsx'
import { casePortalRoutes, caseWorkbenchRoutes } from '../features/cases/routes.tsx'
import { classroomPortalRoutes, classroomWorkbenchRoutes } from '../features/classroom/routes.tsx'
import { cockpitPlanRoutes } from '../features/cockpit/routes.tsx'
import { contentPortalRoutes, contentWorkbenchRoutes } from '../features/content/routes.tsx'
import { EntitiesPage } from '../features/entities/EntitiesPage.tsx'
import { evidencePortalRoutes, evidenceWorkbenchRoutes } from '../features/evidence/routes.tsx'
import { RegistrationQueue } from '../features/identity/RegistrationQueue.tsx'
import { inspectionPortalRoutes, inspectionWorkbenchRoutes } from '../features/inspections/routes.tsx'
import { registryWorkbenchRoutes } from '../features/registry/routes.tsx'
import { searchPortalRoutes } from '../features/search/routes.tsx'
import { servicesPortalRoutes, servicesWorkbenchRoutes } from '../features/services/routes.tsx'
import { AccountPage } from '../portal/AccountPage.tsx'
import { HomePage } from '../portal/HomePage.tsx'
import { LoginPage } from '../portal/LoginPage.tsx'
import { PortalLayout } from '../portal/PortalLayout.tsx'
import { RegisterPage } from '../portal/RegisterPage.tsx'
import { RegisterSubmitted } from '../portal/RegisterSubmitted.tsx'
import { MyWorkPage } from '../workbench/MyWorkPage.tsx'
import { WorkbenchLayout } from '../workbench/WorkbenchLayout.tsx'
import { adminRoutes } from './adminRoutes.tsx'

// The cockpit pulls in ECharts; load it only when someone opens it.
const CockpitPage = lazy(() => import('../cockpit/CockpitPage.tsx').then((m) => ({ default: m.CockpitPage })))

export function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  )
}

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
      ...inspectionPortalRoutes,
      ...casePortalRoutes,
      ...calendarPortalRoutes,
      ...searchPortalRoutes,
      ...servicesPortalRoutes,
      ...contentPortalRoutes,
      ...classroomPortalRoutes,
      ...evidencePortalRoutes,
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
      ...inspectionWorkbenchRoutes,
      ...caseWorkbenchRoutes,
      ...evidenceWorkbenchRoutes,
      ...contentWorkbenchRoutes,
      ...classroomWorkbenchRoutes,
      ...servicesWorkbenchRoutes,
      ...registryWorkbenchRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: '/cockpit',
    element: (
      <RequireAuth permission="cockpit.access">
        <Loading>
          <CockpitPage />
        </Loading>
      </RequireAuth>
    ),
  },
  ...cockpitPlanRoutes,
])
