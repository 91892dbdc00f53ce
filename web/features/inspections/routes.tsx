import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

// Inspection pages load on first visit; the verification page carries the draw library.
const InspectionsPage = lazy(() =>
  import('./InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })),
)
const DrawWizard = lazy(() => import('./DrawWizard.tsx').then((m) => ({ default: m.DrawWizard })))
const DrawResultsPage = lazy(() =>
  import('./DrawResultsPage.tsx').then((m) => ({ default: m.DrawResultsPage })),
)
const ObserverDutiesPage = lazy(() =>
  import('./ObserverDutiesPage.tsx').then((m) => ({ default: m.ObserverDutiesPage })),
)
const PublicDrawsPage = lazy(() =>
  import('./PublicDrawsPage.tsx').then((m) => ({ default: m.PublicDrawsPage })),
)
const PublicDrawPage = lazy(() => import('./PublicDrawPage.tsx').then((m) => ({ default: m.PublicDrawPage })))

const staff = (element: React.ReactNode): React.ReactNode => (
  <RequireAuth permission="inspection.read">
    <Suspense fallback={null}>{element}</Suspense>
  </RequireAuth>
)

/** Workbench pages under /workbench/inspections. */
export const inspectionWorkbenchRoutes: RouteObject[] = [
  { path: 'inspections', element: staff(<InspectionsPage />) },
  { path: 'inspections/tasks/:id/draw', element: staff(<DrawWizard />) },
  { path: 'inspections/draws/:id', element: staff(<DrawResultsPage />) },
  {
    path: 'inspections/observer',
    element: (
      <RequireAuth permission="inspection.observe">
        <Suspense fallback={null}>
          <ObserverDutiesPage />
        </Suspense>
      </RequireAuth>
    ),
  },
]

/** Portal pages: published draws and their in-browser verification. */
export const inspectionPortalRoutes: RouteObject[] = [
  {
    path: 'inspections',
    element: (
      <Suspense fallback={null}>
        <PublicDrawsPage />
      </Suspense>
    ),
  },
  {
    path: 'inspections/:id',
    element: (
      <Suspense fallback={null}>
        <PublicDrawPage />
      </Suspense>
    ),
  },
]
