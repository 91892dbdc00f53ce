import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'

const DeadlineCalculatorPage = lazy(() =>
  import('./DeadlineCalculatorPage.tsx').then((m) => ({ default: m.DeadlineCalculatorPage })),
)

/** Portal: the public deadline calculator. */
export const calendarPortalRoutes: RouteObject[] = [
  {
    path: 'deadline-calculator',
    element: (
      <Suspense fallback={null}>
        <DeadlineCalculatorPage />
      </Suspense>
    ),
  },
]
