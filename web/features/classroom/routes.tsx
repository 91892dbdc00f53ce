import { lazy, type ReactNode, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { RequireAuth } from '../../components/RequireAuth.tsx'

const ClassroomPage = lazy(() => import('./ClassroomPage.tsx').then((m) => ({ default: m.ClassroomPage })))
const SessionPage = lazy(() => import('./SessionPage.tsx').then((m) => ({ default: m.SessionPage })))
const MyRegistrationsPage = lazy(() =>
  import('./MyRegistrationsPage.tsx').then((m) => ({ default: m.MyRegistrationsPage })),
)
const CoursePage = lazy(() => import('./CoursePage.tsx').then((m) => ({ default: m.CoursePage })))
const TalentProfilePage = lazy(() =>
  import('./TalentProfilePage.tsx').then((m) => ({ default: m.TalentProfilePage })),
)
const RegistrationPage = lazy(() =>
  import('./RegistrationPage.tsx').then((m) => ({ default: m.RegistrationPage })),
)
const TalentPage = lazy(() => import('./TalentPage.tsx').then((m) => ({ default: m.TalentPage })))
const CoursesAdminPage = lazy(() =>
  import('./CoursesAdminPage.tsx').then((m) => ({ default: m.CoursesAdminPage })),
)
const AttendancePage = lazy(() => import('./AttendancePage.tsx').then((m) => ({ default: m.AttendancePage })))
const TalentAdminPage = lazy(() =>
  import('./TalentAdminPage.tsx').then((m) => ({ default: m.TalentAdminPage })),
)

const lazyPage = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>

/** Portal pages: the classroom, a session with registration, my registrations, the talent showcase. */
export const classroomPortalRoutes: RouteObject[] = [
  { path: 'classroom', element: lazyPage(<ClassroomPage />) },
  { path: 'classroom/courses/:id', element: lazyPage(<CoursePage />) },
  { path: 'classroom/sessions/:id', element: lazyPage(<SessionPage />) },
  { path: 'classroom/registrations/:id', element: lazyPage(<RegistrationPage />) },
  { path: 'classroom/mine', element: <RequireAuth>{lazyPage(<MyRegistrationsPage />)}</RequireAuth> },
  { path: 'talent', element: lazyPage(<TalentPage />) },
  { path: 'talent/:id', element: lazyPage(<TalentProfilePage />) },
]

/** Workbench pages: courses and sessions, attendance, talent profiles. */
export const classroomWorkbenchRoutes: RouteObject[] = [
  {
    path: 'classroom',
    element: <RequireAuth permission="classroom.manage">{lazyPage(<CoursesAdminPage />)}</RequireAuth>,
  },
  {
    path: 'classroom/sessions/:id',
    element: <RequireAuth permission="classroom.manage">{lazyPage(<AttendancePage />)}</RequireAuth>,
  },
  {
    path: 'talent',
    element: <RequireAuth permission="talent.manage">{lazyPage(<TalentAdminPage />)}</RequireAuth>,
  },
]
