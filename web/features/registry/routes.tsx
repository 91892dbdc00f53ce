import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

const AssetsAdminPage = lazy(() =>
  import('./AssetsAdminPage.tsx').then((m) => ({ default: m.AssetsAdminPage })),
)
const KeyEnterprisesPage = lazy(() =>
  import('./KeyEnterprisesPage.tsx').then((m) => ({ default: m.KeyEnterprisesPage })),
)

const lazyPage = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>

/** Workbench: the IP registry and the key-enterprise protection list (permission registry.manage). */
export const registryWorkbenchRoutes: RouteObject[] = [
  {
    path: 'registry',
    element: <RequireAuth permission="registry.manage">{lazyPage(<AssetsAdminPage />)}</RequireAuth>,
  },
  {
    path: 'key-enterprises',
    element: <RequireAuth permission="registry.manage">{lazyPage(<KeyEnterprisesPage />)}</RequireAuth>,
  },
]
