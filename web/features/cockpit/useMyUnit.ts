import type { Organization } from '../../../contracts/identity.ts'
import { api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'

/** The organization code of the signed-in user's organization: the unit they report for. */
export function useMyUnit(): string | null | undefined {
  const { user } = useAuth()
  const orgs = useFetch(() => api.get<Organization[]>('/api/organizations'), [user?.id])
  if (!orgs.data) return undefined
  return orgs.data.find((o) => o.id === user?.orgId)?.code ?? null
}
