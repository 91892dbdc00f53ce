import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

// Evidence pages load on first visit; the verification page carries the log's verification code.
const EvidencePage = lazy(() => import('./EvidencePage.tsx').then((m) => ({ default: m.EvidencePage })))
const StaffDepositsPage = lazy(() =>
  import('./StaffDepositsPage.tsx').then((m) => ({ default: m.StaffDepositsPage })),
)
const VerifyEvidencePage = lazy(() =>
  import('./VerifyEvidencePage.tsx').then((m) => ({ default: m.VerifyEvidencePage })),
)

/** Portal pages: deposit and my deposits (signed in), and public receipt verification. */
export const evidencePortalRoutes: RouteObject[] = [
  {
    path: 'evidence',
    element: (
      <RequireAuth permission="evidence.deposit">
        <Suspense fallback={null}>
          <EvidencePage />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: 'verify/evidence',
    element: (
      <Suspense fallback={null}>
        <VerifyEvidencePage />
      </Suspense>
    ),
  },
]

/** Workbench: the deposits of the cases the staff member may see. */
export const evidenceWorkbenchRoutes: RouteObject[] = [
  {
    path: 'evidence',
    element: (
      <RequireAuth permission="case.read">
        <Suspense fallback={null}>
          <StaffDepositsPage />
        </Suspense>
      </RequireAuth>
    ),
  },
]
