import type { Organization } from '../../../contracts/identity.ts'
import { api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'

/** The organization tree (codes and names): units and districts are named by code in the plan. */
export function useOrganizations(): Organization[] | undefined {
  const { user } = useAuth()
  return useFetch(() => api.get<Organization[]>('/api/organizations'), [user?.id]).data
}

/** The organization code of the signed-in user's organization: the unit they report for. */
export function useMyUnit(): string | null | undefined {
  const { user } = useAuth()
  const orgs = useOrganizations()
  if (!orgs) return undefined
  return orgs.find((o) => o.id === user?.orgId)?.code ?? null
}
