import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

const NavigationPage = lazy(() =>
  import('../navigation/NavigationPage.tsx').then((m) => ({ default: m.NavigationPage })),
)
const DirectoryPage = lazy(() => import('./DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })))
const PointPage = lazy(() => import('./PointPage.tsx').then((m) => ({ default: m.PointPage })))
const ManagePage = lazy(() => import('./ManagePage.tsx').then((m) => ({ default: m.ManagePage })))

const lazyPage = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>

/** Portal pages: 保护导航 and the service directory with its map. */
export const servicesPortalRoutes: RouteObject[] = [
  { path: 'navigation', element: lazyPage(<NavigationPage />) },
  { path: 'directory', element: lazyPage(<DirectoryPage />) },
  { path: 'directory/:id', element: lazyPage(<PointPage />) },
]

/** Workbench: managing the directory (permission directory.manage). */
export const servicesWorkbenchRoutes: RouteObject[] = [
  {
    path: 'service-points',
    element: <RequireAuth permission="directory.manage">{lazyPage(<ManagePage />)}</RequireAuth>,
  },
]
