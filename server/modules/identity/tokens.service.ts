import type { z } from 'zod'
import type { Permission } from '../../../contracts/access.ts'
import type { apiTokenSchema, createApiTokenRequest } from '../../../contracts/identity.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId, newSecret } from '../../kernel/ids.ts'
import { loadUserActor, sha256Hex, TOKEN_PREFIX } from './actors.ts'
import { identityErrors } from './errors.ts'
import type { OrganizationCache } from './organizations.repository.ts'

type ApiToken = z.infer<typeof apiTokenSchema>

/**
 * An API token lets an integration act as a (service) account, limited to the scopes given; only
 * the token's SHA-256 is stored, and the token itself is shown once.
 */
export async function createApiToken(
  context: WriteContext,
  organizations: OrganizationCache,
  input: z.output<typeof createApiTokenRequest>,
): Promise<ApiToken & { token: string }> {
  const owner = await loadUserActor(context.trx, organizations, input.userId)
  if (!owner) throw new AppError(kernelErrors.not_found)
  if (input.scopes.some((s) => !owner.permissions.has(s)))
    throw new AppError(identityErrors.token_scope_exceeds_owner)
  const id = newId(context.now.getTime())
  const token = `${TOKEN_PREFIX}${newSecret(32)}`
  const row = {
    id,
    name: input.name,
    token_hash: sha256Hex(token),
    user_id: input.userId,
    scopes: JSON.stringify([...new Set(input.scopes)]),
    created_by: context.actor.userId!,
    created_at: context.now.toISOString(),
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
    last_used_at: null,
  }
  await context.trx.insertInto('api_tokens').values(row).execute()
  const { token_hash: _, ...audited } = row
  await context.audit({ action: 'token.create', targetType: 'api_token', targetId: id, after: audited })
  return { ...(await findToken(context.trx, id))!, token }
}

export async function revokeApiToken(context: WriteContext, id: string): Promise<ApiToken> {
  const existing = await findToken(context.trx, id)
  if (!existing) throw new AppError(kernelErrors.not_found)
  if (!existing.revokedAt) {
    await context.trx
      .updateTable('api_tokens')
      .set({ revoked_at: context.now.toISOString() })
      .where('id', '=', id)
      .execute()
    await context.audit({ action: 'token.revoke', targetType: 'api_token', targetId: id })
  }
  return (await findToken(context.trx, id))!
}

export async function listApiTokens(context: ReadContext): Promise<ApiToken[]> {
  const rows = await tokenQuery(context.db).orderBy('api_tokens.created_at', 'desc').execute()
  return rows.map(present)
}

function tokenQuery(db: ReadContext['db'] | WriteContext['trx']) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.username',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
}

async function findToken(db: WriteContext['trx'], id: string) {
  const row = await tokenQuery(db).where('api_tokens.id', '=', id).executeTakeFirst()
  return row ? present(row) : undefined
}

function present(row: {
  id: string
  name: string
  user_id: string
  username: string
  scopes: string
  created_at: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    scopes: JSON.parse(row.scopes) as Permission[],
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  }
}
