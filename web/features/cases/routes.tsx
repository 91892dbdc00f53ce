import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

const CaseListPage = lazy(() => import('./CaseListPage.tsx').then((m) => ({ default: m.CaseListPage })))
const CasePage = lazy(() => import('./CasePage.tsx').then((m) => ({ default: m.CasePage })))
const DeadlineQueuePage = lazy(() =>
  import('./DeadlineQueuePage.tsx').then((m) => ({ default: m.DeadlineQueuePage })),
)
const SupervisionPage = lazy(() =>
  import('./SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })),
)
const InboxPage = lazy(() => import('./InboxPage.tsx').then((m) => ({ default: m.InboxPage })))
const StatisticsPage = lazy(() => import('./StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })))
const ServicesPage = lazy(() =>
  import('../../portal/cases/ServicesPage.tsx').then((m) => ({ default: m.ServicesPage })),
)
const IntakePage = lazy(() =>
  import('../../portal/cases/IntakePage.tsx').then((m) => ({ default: m.IntakePage })),
)
const IntakeSubmittedPage = lazy(() =>
  import('../../portal/cases/IntakeSubmittedPage.tsx').then((m) => ({ default: m.IntakeSubmittedPage })),
)
const MyCasesPage = lazy(() =>
  import('../../portal/cases/MyCasesPage.tsx').then((m) => ({ default: m.MyCasesPage })),
)
const TrackPage = lazy(() =>
  import('../../portal/cases/TrackPage.tsx').then((m) => ({ default: m.TrackPage })),
)

const lazyPage = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>
const staff = (element: ReactNode) => <RequireAuth permission="case.read">{lazyPage(element)}</RequireAuth>

/** Workbench pages under /workbench: cases, a case, the supervision queue. */
export const caseWorkbenchRoutes: RouteObject[] = [
  { path: 'cases', element: staff(<CaseListPage />) },
  { path: 'cases/:id', element: staff(<CasePage />) },
  { path: 'deadlines', element: staff(<DeadlineQueuePage />) },
  { path: 'supervision', element: staff(<SupervisionPage />) },
  { path: 'case-statistics', element: staff(<StatisticsPage />) },
  // Every staff member gets reminders, case reader or not.
  {
    path: 'inbox',
    element: <RequireAuth permission="workbench.access">{lazyPage(<InboxPage />)}</RequireAuth>,
  },
]

/** Portal pages: the services hub, intake forms, the result, "my cases" and tracking by code. */
export const casePortalRoutes: RouteObject[] = [
  { path: 'services', element: lazyPage(<ServicesPage />) },
  { path: 'services/submitted', element: lazyPage(<IntakeSubmittedPage />) },
  { path: 'services/track', element: lazyPage(<TrackPage />) },
  { path: 'services/mine', element: <RequireAuth>{lazyPage(<MyCasesPage />)}</RequireAuth> },
  { path: 'services/:kind', element: lazyPage(<IntakePage />) },
]
