// Expert lookups for assignment with recusal checks. Reads the identity module's users and roles:
// identity has no exported function for "active users with a role" yet (to move there).
import type { Tx } from '../../database.ts'

export interface ExpertCandidate {
  id: string
  entityId: string | null
  orgId: string | null
}

/** Active users holding the expert role, among `ids`. */
export async function activeExperts(trx: Tx, ids: readonly string[]): Promise<ExpertCandidate[]> {
  if (ids.length === 0) return []
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.entity_id', 'users.org_id'])
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .where('user_roles.role', '=', 'expert')
    .execute()
  return rows.map((r) => ({ id: r.id, entityId: r.entity_id, orgId: r.org_id }))
}
