import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'

const SearchPage = lazy(() => import('./SearchPage.tsx').then((m) => ({ default: m.SearchPage })))
const AssetPage = lazy(() => import('../registry/AssetPage.tsx').then((m) => ({ default: m.AssetPage })))

/** Portal pages: the unified search and a registry asset. */
export const searchPortalRoutes: RouteObject[] = [
  {
    path: 'search',
    element: (
      <Suspense fallback={null}>
        <SearchPage />
      </Suspense>
    ),
  },
  {
    path: 'registry/assets/:id',
    element: (
      <Suspense fallback={null}>
        <AssetPage />
      </Suspense>
    ),
  },
]
