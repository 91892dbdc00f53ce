import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

// The plan pages carry ECharts: loaded on first visit.
const OverviewPage = lazy(() => import('./OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })))
const TargetPage = lazy(() => import('./TargetPage.tsx').then((m) => ({ default: m.TargetPage })))
const UnitPage = lazy(() => import('./UnitPage.tsx').then((m) => ({ default: m.UnitPage })))
const PlanOfficePage = lazy(() => import('./PlanOfficePage.tsx').then((m) => ({ default: m.PlanOfficePage })))
const NoticePage = lazy(() => import('./NoticePage.tsx').then((m) => ({ default: m.NoticePage })))
const PeriodReportPage = lazy(() =>
  import('./PeriodReportPage.tsx').then((m) => ({ default: m.PeriodReportPage })),
)

const guard = (
  permission: 'cockpit.access' | 'cockpit.report' | 'cockpit.manage',
  element: React.ReactNode,
): React.ReactNode => (
  <RequireAuth permission={permission}>
    <Suspense fallback={null}>{element}</Suspense>
  </RequireAuth>
)

/** The plan's pages under /cockpit: leaders read everything; responsible units report on theirs; the plan office manages plans. */
export const cockpitPlanRoutes: RouteObject[] = [
  { path: '/cockpit/plan', element: guard('cockpit.access', <OverviewPage />) },
  { path: '/cockpit/report', element: guard('cockpit.access', <PeriodReportPage />) },
  { path: '/cockpit/targets/:id', element: guard('cockpit.report', <TargetPage />) },
  { path: '/cockpit/unit', element: guard('cockpit.report', <UnitPage />) },
  { path: '/cockpit/units/:unit', element: guard('cockpit.report', <UnitPage />) },
  { path: '/cockpit/notices/:id', element: guard('cockpit.report', <NoticePage />) },
  { path: '/cockpit/office', element: guard('cockpit.manage', <PlanOfficePage />) },
]
