import type { z } from 'zod'
import { maskPhone } from '../../../contracts/identifiers/index.ts'
import type { createUserRequest, registrationRequest, UserSummary } from '../../../contracts/identity.ts'
import type { Db, Tx } from '../../database.ts'
import { type Actor, can } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { entityNames, findEntityByUscc, insertEntity } from '../entities/index.ts'
import { identityErrors } from './errors.ts'
import { hashPassword } from './passwords.ts'

export async function usernameTaken(db: Db | Tx, username: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst(),
  )
}

/** An administrator creates a staff account in an organization, with its roles. */
export async function createStaffUser(
  context: WriteContext,
  input: z.output<typeof createUserRequest>,
): Promise<UserSummary> {
  const { trx, now } = context
  if (await usernameTaken(trx, input.username)) throw new AppError(identityErrors.username_taken)
  const org = await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', input.orgId)
    .executeTakeFirst()
  if (!org)
    throw new AppError(kernelErrors.validation_failed, {
      errors: [
        {
          path: 'body.orgId',
          code: 'unknown',
          message: context.lang === 'en' ? 'No such organization' : '机构不存在',
        },
      ],
    })
  const id = newId(now.getTime())
  await trx
    .insertInto('users')
    .values({
      id,
      username: input.username,
      password_hash: await hashPassword(input.password),
      display_name: input.displayName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      org_id: input.orgId,
      entity_id: null,
      status: 'active',
      review_note: null,
      reviewed_by: context.actor.userId,
      reviewed_at: now.toISOString(),
      failed_logins: 0,
      locked_until: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute()
  const roles = [...new Set(input.roles)]
  await trx
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: id, role })))
    .execute()
  await context.audit({
    action: 'user.create',
    targetType: 'user',
    targetId: id,
    after: { username: input.username, orgId: input.orgId, roles },
  })
  return getUser(context, id)
}

/** An enterprise registers itself; the account waits for the center's approval. */
export async function registerEnterprise(
  context: WriteContext,
  input: z.output<typeof registrationRequest>,
): Promise<{ id: string; status: 'pending' }> {
  const { trx, now } = context
  if (await usernameTaken(trx, input.username)) throw new AppError(identityErrors.username_taken)
  let entity = await findEntityByUscc(trx, input.uscc)
  if (entity) {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('entity_id', '=', entity.id)
      .where('status', 'in', ['pending', 'active'])
      .executeTakeFirst()
    if (existing) throw new AppError(identityErrors.entity_already_registered)
  } else {
    // The registering authority's division code (USCC positions 3–8) places the entity in its district.
    const district = await trx
      .selectFrom('organizations')
      .select('id')
      .where('division_code', '=', input.uscc.slice(2, 8))
      .where('kind', '=', 'district')
      .executeTakeFirst()
    entity = await insertEntity(trx, now, {
      uscc: input.uscc,
      name: input.entityName,
      districtId: district?.id ?? null,
    })
  }
  const id = newId(now.getTime())
  await trx
    .insertInto('users')
    .values({
      id,
      username: input.username,
      password_hash: await hashPassword(input.password),
      display_name: input.contactName,
      email: input.email ?? null,
      phone: input.phone,
      org_id: null,
      entity_id: entity.id,
      status: 'pending',
      review_note: input.entityName === entity.name ? null : `申请名称：${input.entityName}`,
      reviewed_by: null,
      reviewed_at: null,
      failed_logins: 0,
      locked_until: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute()
  await trx.insertInto('user_roles').values({ user_id: id, role: 'enterprise' }).execute()
  await context.audit({
    action: 'registration.submit',
    targetType: 'user',
    targetId: id,
    after: { username: input.username, uscc: input.uscc, entityName: input.entityName },
  })
  return { id, status: 'pending' }
}

export async function reviewRegistration(
  context: WriteContext,
  userId: string,
  input: { decision: 'approve' | 'reject'; note?: string },
): Promise<UserSummary> {
  const { trx, now } = context
  const user = await trx
    .selectFrom('users')
    .select(['id', 'status', 'entity_id'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user?.entity_id) throw new AppError(kernelErrors.not_found)
  if (user.status !== 'pending') throw new AppError(identityErrors.registration_not_pending)
  const status = input.decision === 'approve' ? 'active' : 'rejected'
  await trx
    .updateTable('users')
    .set({
      status,
      review_note: input.note ?? null,
      reviewed_by: context.actor.userId,
      reviewed_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute()
  await context.audit({
    action: `registration.${input.decision}`,
    targetType: 'user',
    targetId: userId,
    before: { status: 'pending' },
    after: { status, note: input.note ?? null },
  })
  return getUser(context, userId)
}

export async function setUserStatus(context: WriteContext, userId: string, status: 'active' | 'disabled') {
  const before = await context.trx
    .selectFrom('users')
    .select(['status'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  await context.trx
    .updateTable('users')
    .set({ status, updated_at: context.now.toISOString(), failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute()
  if (status === 'disabled') await context.trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
  await context.audit({
    action: 'user.status',
    targetType: 'user',
    targetId: userId,
    before,
    after: { status },
  })
  return getUser(context, userId)
}

interface UserListFilter {
  status?: 'pending' | 'active' | 'disabled' | 'rejected'
  q?: string
  /** Only enterprise accounts (the registration queue). */
  enterprise?: boolean
  page: number
  pageSize: number
}

/**
 * Accounts visible to the caller: administrators see all; other readers (the center's clerks
 * reviewing registrations, leaders) see enterprise accounts and, at district level, their district's staff.
 */
export async function listUsers(context: ReadContext, filter: UserListFilter) {
  const { db, actor } = context
  let query = db.selectFrom('users')
  if (!can(actor, 'user.manage')) {
    if (actor.districtId !== null) {
      query = query.where((eb) =>
        eb.or([eb('users.entity_id', 'is not', null), eb('users.org_id', '=', actor.orgId)]),
      )
    }
  }
  if (filter.status) query = query.where('users.status', '=', filter.status)
  if (filter.enterprise) query = query.where('users.entity_id', 'is not', null)
  if (filter.q) query = query.where(containsText('users.username', filter.q))
  const [ids, count] = await Promise.all([
    query
      .select('users.id')
      .orderBy('users.created_at', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const items = await presentUsers(
    db,
    actor,
    ids.map((r) => r.id),
  )
  return { items, total: Number(count.n), page: filter.page, pageSize: filter.pageSize }
}

export async function getUser(
  context: { actor: Actor } & ({ db: Db } | { trx: Tx }),
  id: string,
): Promise<UserSummary> {
  const db = 'trx' in context ? context.trx : context.db
  const [user] = await presentUsers(db, context.actor, [id])
  if (!user) throw new AppError(kernelErrors.not_found)
  return user
}

async function presentUsers(db: Db | Tx, viewer: Actor, ids: string[]): Promise<UserSummary[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.org_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.status',
      'users.org_id',
      'organizations.name_zh as org_name',
      'users.entity_id',
      'users.phone',
      'users.email',
      'users.review_note',
      'users.created_at',
    ])
    .where('users.id', 'in', ids)
    .execute()
  const roles = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('user_id', 'in', ids)
    .execute()
  const entities = await entityNames(
    db,
    rows.flatMap((r) => (r.entity_id ? [r.entity_id] : [])),
  )
  const unmasked = can(viewer, 'user.manage')
  const byId = new Map(
    rows.map((r) => {
      const entity = r.entity_id ? entities.get(r.entity_id) : undefined
      const summary: UserSummary = {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        status: r.status,
        roles: roles.filter((x) => x.user_id === r.id).map((x) => x.role as UserSummary['roles'][number]),
        orgId: r.org_id,
        orgName: r.org_name,
        entityId: r.entity_id,
        entityName: entity?.name ?? null,
        entityUscc: entity?.uscc ?? null,
        phone: r.phone ? (unmasked ? r.phone : maskPhone(r.phone)) : null,
        email: r.email,
        reviewNote: r.review_note,
        createdAt: r.created_at,
      }
      return [r.id, summary]
    }),
  )
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}
