// Reads of users that other modules need (assignment pickers, recipients of reminders), so that they
// never query identity's tables themselves.
import type { Role } from '../../../contracts/access.ts'
import type { Db, Tx } from '../../database.ts'
import { allOrganizations, districtOf } from './organizations.repository.ts'

export interface DirectoryUser {
  id: string
  displayName: string
  orgId: string | null
  entityId: string | null
  roles: Role[]
}

/** An active user with their roles, or undefined (unknown, pending, disabled). */
export async function activeUser(db: Db | Tx, userId: string): Promise<DirectoryUser | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'entity_id', 'org_id', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (user?.status !== 'active') return undefined
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()
  return {
    id: user.id,
    displayName: user.display_name,
    orgId: user.org_id,
    entityId: user.entity_id,
    roles: roles.map((r) => r.role as Role),
  }
}

export interface DirectoryQuery {
  roles: readonly Role[]
  /**
   * Only users whose organization lies in one of these districts; `null` in the list stands for
   * city-level organizations (no district). Omitted: any organization.
   */
  districts?: readonly (string | null)[]
  /** Matches the display name or the username (substring). */
  q?: string
  limit?: number
}

/**
 * Active users holding one of `roles`, optionally within districts, with their organization's name;
 * a picker's view (no contact data).
 * @example findActiveUsers(db, { roles: ['expert'], q: '王', limit: 20 })
 */
export async function findActiveUsers(db: Db | Tx, query: DirectoryQuery) {
  if (query.roles.length === 0) return []
  let select = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .leftJoin('organizations', 'organizations.id', 'users.org_id')
    .select([
      'users.id',
      'users.display_name',
      'users.org_id',
      'users.entity_id',
      'user_roles.role',
      'organizations.name_zh',
      'organizations.name_en',
    ])
    .where('users.status', '=', 'active')
    .where('user_roles.role', 'in', [...query.roles])
  const q = query.q?.trim()
  if (q) {
    // LIKE wildcards in a name search are taken as text: dropped.
    const like = `%${q.replace(/[%_\\]/g, '')}%`
    select = select.where((eb) =>
      eb.or([eb('users.display_name', 'like', eb.val(like)), eb('users.username', 'like', eb.val(like))]),
    )
  }
  const rows = await select.orderBy('users.display_name').orderBy('users.id').execute()
  const districts = query.districts ? new Set(query.districts) : null
  const byId = districts ? new Map((await allOrganizations(db)).map((o) => [o.id, o])) : null
  const users = new Map<string, DirectoryUser & { orgName: { zh: string; en: string } | null }>()
  for (const r of rows) {
    if (districts && !(r.org_id && districts.has(districtOf(r.org_id, byId!)))) continue
    const user = users.get(r.id)
    if (user) {
      user.roles.push(r.role as Role)
      continue
    }
    if (users.size >= (query.limit ?? 50)) continue
    users.set(r.id, {
      id: r.id,
      displayName: r.display_name,
      orgId: r.org_id,
      entityId: r.entity_id,
      roles: [r.role as Role],
      orgName: r.name_zh !== null ? { zh: r.name_zh, en: r.name_en ?? r.name_zh } : null,
    })
  }
  return [...users.values()]
}
