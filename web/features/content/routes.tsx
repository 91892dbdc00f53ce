import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

const ContentListPage = lazy(() =>
  import('./portal/ListPages.tsx').then((m) => ({ default: m.ContentListPage })),
)
const PolicyListPage = lazy(() =>
  import('./portal/ListPages.tsx').then((m) => ({ default: m.PolicyListPage })),
)
const FaqPage = lazy(() => import('./portal/ListPages.tsx').then((m) => ({ default: m.FaqPage })))
const ContentDetailPage = lazy(() =>
  import('./portal/DetailPage.tsx').then((m) => ({ default: m.ContentDetailPage })),
)
const WorkbenchList = lazy(() =>
  import('./workbench/ContentListPage.tsx').then((m) => ({ default: m.ContentListPage })),
)
const ContentEditPage = lazy(() =>
  import('./workbench/ContentEditPage.tsx').then((m) => ({ default: m.ContentEditPage })),
)

const lazyPage = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>

/** Portal pages: news and notices, policy documents, how-to guides, FAQ (the server injects their titles). */
export const contentPortalRoutes: RouteObject[] = [
  { path: 'news', element: lazyPage(<ContentListPage section="news" />) },
  { path: 'news/:id', element: lazyPage(<ContentDetailPage section="news" />) },
  { path: 'policies', element: lazyPage(<PolicyListPage />) },
  { path: 'policies/:id', element: lazyPage(<ContentDetailPage section="policies" />) },
  { path: 'guides', element: lazyPage(<ContentListPage section="guides" />) },
  { path: 'guides/:id', element: lazyPage(<ContentDetailPage section="guides" />) },
  { path: 'faq', element: lazyPage(<FaqPage />) },
]

/** Workbench pages under /workbench: content list and editor (authors), review queue (reviewers). */
export const contentWorkbenchRoutes: RouteObject[] = [
  {
    path: 'content',
    element: <RequireAuth permission="content.read">{lazyPage(<WorkbenchList />)}</RequireAuth>,
  },
  {
    path: 'content/:id',
    element: <RequireAuth permission="content.read">{lazyPage(<ContentEditPage />)}</RequireAuth>,
  },
  {
    path: 'content-review',
    element: <RequireAuth permission="content.review">{lazyPage(<WorkbenchList review />)}</RequireAuth>,
  },
]
