import { Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import type { Permission } from '../../contracts/access.ts'
import { useAuth } from '../app/auth.tsx'

/** Renders children for a signed-in user holding `permission`; otherwise sign-in or 403. */
export function RequireAuth({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { user, can } = useAuth()
  const location = useLocation()
  const { t } = useTranslation()
  if (user === undefined)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    )
  if (user === null)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
  if (permission && !can(permission)) return <Result status="403" title="403" subTitle={t('forbidden')} />
  return <>{children}</>
}
