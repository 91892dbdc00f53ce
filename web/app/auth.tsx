import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { z } from 'zod'
import type { Permission } from '../../contracts/access.ts'
import type { loginResponse, meResponse, SessionUser } from '../../contracts/identity.ts'
import { api, setCsrfToken, setUnauthenticatedHandler } from './api.ts'

type AuthState = {
  /** undefined while the session is being restored, null when signed out. */
  user: SessionUser | null | undefined
  can: (permission: Permission) => boolean
  login: (username: string, password: string) => Promise<SessionUser>
  logout: (everywhere?: boolean) => Promise<void>
  refresh: () => Promise<void>
}

const AuthContext = createContext<AuthState | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined)

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<z.infer<typeof meResponse>>('/api/auth/me')
      setCsrfToken(me.csrfToken)
      setUser(me.user)
    } catch {
      setCsrfToken(null)
      setUser(null)
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // A session that ends on the server (expiry, "sign out everywhere" on another device) signs
  // this tab out too, so protected pages send the user to the sign-in page.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null)
      setUser(null)
    })
    return () => setUnauthenticatedHandler(null)
  }, [])

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<z.infer<typeof loginResponse>>('/api/auth/login', { username, password })
    setCsrfToken(result.csrfToken)
    setUser(result.user)
    return result.user
  }, [])

  const logout = useCallback(async (everywhere = false) => {
    try {
      await api.post(everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout')
    } finally {
      setCsrfToken(null)
      setUser(null)
    }
  }, [])

  const value = useMemo<AuthState>(() => {
    const permissions = new Set(user?.permissions ?? [])
    return { user, can: (p) => permissions.has(p), login, logout, refresh }
  }, [user, login, logout, refresh])

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth outside AuthProvider')
  return value
}

/** Where a user lands after signing in: the workbench for staff, the portal for others. */
export function homeOf(user: SessionUser): string {
  if (user.permissions.includes('workbench.access')) return '/workbench'
  if (user.permissions.includes('cockpit.access')) return '/cockpit'
  return '/account'
}
