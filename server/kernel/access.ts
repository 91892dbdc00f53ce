import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import { type Permission, type Role, STAFF_ROLES } from '../../contracts/access.ts'
import { AppError, kernelErrors } from './errors.ts'

/**
 * Who is calling: a signed-in user, an integration acting through an API token, or the public.
 * `districtId` is the organization id of the caller's district (null: city level, sees every
 * district); `entityId` binds an enterprise user to its market entity.
 */
export interface Actor {
  kind: 'user' | 'token' | 'anonymous'
  userId: string | null
  username: string | null
  displayName: string | null
  roles: readonly Role[]
  permissions: ReadonlySet<Permission>
  orgId: string | null
  districtId: string | null
  entityId: string | null
  sessionId?: string
  tokenId?: string
  csrfToken?: string
}

export const anonymousActor: Actor = Object.freeze({
  kind: 'anonymous',
  userId: null,
  username: null,
  displayName: null,
  roles: [],
  permissions: new Set<Permission>(),
  orgId: null,
  districtId: null,
  entityId: null,
})

/**
 * Staff by role, not by permission: an API token narrows what its owner may do, but the owner's
 * data scope (their district) still applies, so a token scoped to `entity.read` is not the public.
 */
export function isStaff(actor: Actor): boolean {
  return actor.roles.some((role) => STAFF_ROLES.includes(role))
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission)
}

/** District staff act only within their own district: is `districtId` outside it? */
export function outsideDistrictScope(actor: Actor, districtId: string | null): boolean {
  return isStaff(actor) && actor.districtId !== null && districtId !== actor.districtId
}

/** Throws 401 for the public, 403 for a signed-in caller without the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.permissions.has(permission)) return
  throw new AppError(actor.kind === 'anonymous' ? kernelErrors.unauthenticated : kernelErrors.forbidden)
}

/** Columns of a scoped table: where its district, owning entity and publication flag live. */
export interface ScopeColumns {
  district?: string
  entity?: string
  published?: string
}

/**
 * What `scopeCondition` depends on: actors with the same key see the same rows, so a response
 * computed for one may be served to the other (http/response-cache.ts).
 */
export function scopeKey(actor: Actor): string {
  if (isStaff(actor)) return `staff:${actor.districtId ?? '*'}`
  if (actor.entityId) return `entity:${actor.entityId}`
  return 'public'
}

/**
 * The caller's data scope as a WHERE condition, so lists filter in the query:
 * city-level staff see everything; district staff see their district's records and what is published; an enterprise sees its own entity's records and what is
 * published; the public sees only what is published.
 * @example db.selectFrom('entities').where((eb) => scopeCondition(eb, actor, { district: 'entities.district_id' }))
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  columns: ScopeColumns,
): Expression<SqlBool> {
  const ref = (c: string) => sql.ref(c)
  const published = columns.published ? eb(ref(columns.published) as any, '=', 1) : null
  const nothing = sql<SqlBool>`1 = 0`
  if (isStaff(actor)) {
    if (actor.districtId === null || !columns.district) return sql<SqlBool>`1 = 1`
    // District staff also see what is published elsewhere: never less than the public sees.
    const own = eb(ref(columns.district) as any, '=', actor.districtId)
    return published ? eb.or([own, published]) : own
  }
  if (actor.entityId && columns.entity) {
    const own = eb(ref(columns.entity) as any, '=', actor.entityId)
    return published ? eb.or([own, published]) : own
  }
  return published ?? nothing
}
