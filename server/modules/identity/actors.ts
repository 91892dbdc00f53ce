import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { type Permission, permissionsOf, type Role } from '../../../contracts/access.ts'
import type { SessionUser } from '../../../contracts/identity.ts'
import type { Db, Tx } from '../../database.ts'
import { type Actor, anonymousActor } from '../../kernel/access.ts'
import type { Clock } from '../../kernel/clock.ts'
import { newSecret } from '../../kernel/ids.ts'
import { districtOf, type OrganizationCache } from './organizations.repository.ts'

export const SESSION_COOKIE = 'zb_session'
export const TOKEN_PREFIX = 'zbt_'

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

interface Cached {
  actor: Actor | null
  until: number
}

/**
 * Resolves who calls from a session cookie or an API token. Sessions and tokens live in the
 * database, so every server instance shares them; a resolved caller is cached for a few seconds
 * (the hot path of every request), and sign-out on this instance drops the cache entry at once.
 * Another instance notices a sign-out within `cacheMs`.
 */
export class ActorResolver {
  private readonly cache = new Map<string, Cached>()

  constructor(
    private readonly db: Db,
    private readonly organizations: OrganizationCache,
    private readonly clock: Clock,
    private readonly cacheMs = 5_000,
  ) {}

  async authenticate(request: FastifyRequest): Promise<Actor> {
    const authorization = request.headers.authorization
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7).trim()
      return (
        (await this.cached(`t:${sha256Hex(token)}`, (key) => this.fromToken(key.slice(2)))) ?? anonymousActor
      )
    }
    const cookie = request.cookies[SESSION_COOKIE]
    if (!cookie) return anonymousActor
    return (
      (await this.cached(`s:${sha256Hex(cookie)}`, (key) => this.fromSession(key.slice(2)))) ?? anonymousActor
    )
  }

  forgetSession(token: string) {
    this.cache.delete(`s:${sha256Hex(token)}`)
  }

  forgetToken(tokenId: string) {
    for (const [key, entry] of this.cache) if (entry.actor?.tokenId === tokenId) this.cache.delete(key)
  }

  forgetUser(userId: string) {
    for (const [key, entry] of this.cache) if (entry.actor?.userId === userId) this.cache.delete(key)
  }

  private async cached(key: string, load: (key: string) => Promise<Actor | null>): Promise<Actor | null> {
    const now = Date.now()
    const hit = this.cache.get(key)
    if (hit && hit.until > now) return hit.actor
    const actor = await load(key)
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(key, { actor, until: now + this.cacheMs })
    return actor
  }

  private async fromSession(idHash: string): Promise<Actor | null> {
    const session = await this.db
      .selectFrom('sessions')
      .select(['id', 'user_id', 'csrf_token', 'expires_at'])
      .where('id', '=', idHash)
      .executeTakeFirst()
    if (!session || session.expires_at <= this.clock.now().toISOString()) return null
    const actor = await loadUserActor(this.db, this.organizations, session.user_id)
    if (!actor) return null
    return { ...actor, kind: 'user', sessionId: session.id, csrfToken: session.csrf_token }
  }

  private async fromToken(tokenHash: string): Promise<Actor | null> {
    const token = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'scopes', 'expires_at', 'revoked_at', 'last_used_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst()
    const now = this.clock.now().toISOString()
    if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null
    const owner = await loadUserActor(this.db, this.organizations, token.user_id)
    if (!owner) return null
    if (!token.last_used_at || token.last_used_at < new Date(Date.parse(now) - 60_000).toISOString()) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', token.id).execute()
    }
    const scopes = new Set(JSON.parse(token.scopes) as Permission[])
    const permissions = new Set([...owner.permissions].filter((p) => scopes.has(p)))
    return { ...owner, kind: 'token', tokenId: token.id, permissions }
  }
}

/** The caller a user account acts as, or null when the account may not act (pending, disabled). */
export async function loadUserActor(
  db: Db | Tx,
  organizations: OrganizationCache,
  userId: string,
): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'org_id', 'entity_id', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (user?.status !== 'active') return null
  const roleRows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()
  const roles = roleRows.map((r) => r.role as Role)
  const byId = await organizations.byId(db)
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles,
    permissions: permissionsOf(roles),
    orgId: user.org_id,
    districtId: districtOf(user.org_id, byId),
    entityId: user.entity_id,
  }
}

export async function createSession(
  trx: Tx,
  userId: string,
  now: Date,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecret(32)
  const csrfToken = newSecret(24)
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000)
  await trx
    .insertInto('sessions')
    .values({
      id: sha256Hex(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return { token, csrfToken, expiresAt }
}

export async function describeUser(db: Db | Tx, actor: Actor): Promise<SessionUser> {
  const org = actor.orgId
    ? await db.selectFrom('organizations').select('name_zh').where('id', '=', actor.orgId).executeTakeFirst()
    : undefined
  const entity = actor.entityId
    ? await db.selectFrom('entities').select('name').where('id', '=', actor.entityId).executeTakeFirst()
    : undefined
  const user = await db.selectFrom('users').select('email').where('id', '=', actor.userId!).executeTakeFirst()
  return {
    id: actor.userId!,
    username: actor.username!,
    displayName: actor.displayName!,
    roles: [...actor.roles],
    permissions: [...actor.permissions],
    orgId: actor.orgId,
    orgName: org?.name_zh ?? null,
    districtId: actor.districtId,
    entityId: actor.entityId,
    entityName: entity?.name ?? null,
    email: user?.email ?? null,
  }
}
