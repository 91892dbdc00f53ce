import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../components/RequireAuth.tsx'

// Administration is a small audience: its pages load on first visit.
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
)
const OrganizationsPage = lazy(() =>
  import('../features/identity/OrganizationsPage.tsx').then((m) => ({ default: m.OrganizationsPage })),
)
const TokensPage = lazy(() =>
  import('../features/identity/TokensPage.tsx').then((m) => ({ default: m.TokensPage })),
)
const UsersPage = lazy(() =>
  import('../features/identity/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
)

/** Administration pages under /workbench/admin, each behind the permission its API needs. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin/organizations',
    element: (
      <RequireAuth permission="org.read">
        <Suspense fallback={null}>
          <OrganizationsPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: 'admin/users',
    element: (
      <RequireAuth permission="user.read">
        <Suspense fallback={null}>
          <UsersPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: 'admin/tokens',
    element: (
      <RequireAuth permission="token.manage">
        <Suspense fallback={null}>
          <TokensPage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: 'admin/audit',
    element: (
      <RequireAuth permission="audit.read">
        <Suspense fallback={null}>
          <AuditPage />
        </Suspense>
      </RequireAuth>
    ),
  },
]
