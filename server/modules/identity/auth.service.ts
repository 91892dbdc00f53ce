import type { Db } from '../../database.ts'
import type { Actor } from '../../kernel/access.ts'
import { AppError } from '../../kernel/errors.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { createSession, loadUserActor } from './actors.ts'
import { identityErrors } from './errors.ts'
import type { OrganizationCache } from './organizations.repository.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts'

export interface LoginPolicy {
  maxFailures: number
  lockMinutes: number
  sessionTtlHours: number
}

type LoginOutcome =
  | { ok: true; actor: Actor; token: string; csrfToken: string; expiresAt: Date }
  | { ok: false; error: string }

/**
 * Checks a password and opens a session. A wrong password counts toward a temporary lockout that
 * every instance sees (it is stored on the user); the failure is recorded and committed, and only
 * then reported, so that the counter survives the error.
 */
export async function login(
  db: Db,
  organizations: OrganizationCache,
  policy: LoginPolicy,
  input: { username: string; password: string },
  write: <T>(work: (c: WriteContext) => Promise<T>) => Promise<T>,
  meta: { ip: string | null; userAgent: string | null },
): Promise<LoginOutcome> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'status', 'failed_logins', 'locked_until'])
    .where('username', '=', input.username)
    .executeTakeFirst()
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password)

  const outcome = await write(async (context): Promise<LoginOutcome> => {
    const now = context.now
    if (!user) {
      await context.audit({
        action: 'auth.login_failed',
        targetType: 'user',
        after: { username: input.username },
      })
      return { ok: false, error: identityErrors.login_failed }
    }
    const target = { targetType: 'user', targetId: user.id }
    if (user.locked_until && user.locked_until > now.toISOString()) {
      await context.audit({ action: 'auth.login_locked', ...target })
      return { ok: false, error: identityErrors.account_locked }
    }
    if (!passwordOk) {
      const failures = user.failed_logins + 1
      const lock = failures >= policy.maxFailures
      await context.trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() : null,
        })
        .where('id', '=', user.id)
        .execute()
      await context.audit({
        action: lock ? 'auth.account_locked' : 'auth.login_failed',
        ...target,
        after: { failures },
      })
      return { ok: false, error: lock ? identityErrors.account_locked : identityErrors.login_failed }
    }
    if (user.status === 'pending') return { ok: false, error: identityErrors.account_pending }
    if (user.status !== 'active') return { ok: false, error: identityErrors.account_disabled }
    const actor = await loadUserActor(context.trx, organizations, user.id)
    if (!actor) return { ok: false, error: identityErrors.account_disabled }
    await context.trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute()
    const session = await createSession(context.trx, user.id, now, policy.sessionTtlHours, meta)
    await context.audit({ action: 'auth.login', ...target }, actor)
    return { ok: true, actor: { ...actor, csrfToken: session.csrfToken }, ...session }
  })
  return outcome
}

export async function logout(context: WriteContext, everywhere: boolean): Promise<void> {
  const { trx, actor } = context
  if (everywhere) {
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId!).execute()
  } else if (actor.sessionId) {
    await trx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute()
  }
  await context.audit({
    action: everywhere ? 'auth.logout_everywhere' : 'auth.logout',
    targetType: 'user',
    targetId: actor.userId,
  })
}

/** Changes the caller's password and ends every other session of the account. */
/** Credentials change only in a signed-in session: a leaked API token must not take over its owner. */
function requireSession(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError(identityErrors.session_required)
}

export async function changePassword(
  context: WriteContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { trx, actor } = context
  requireSession(actor)
  const user = await trx
    .selectFrom('users')
    .select(['password_hash'])
    .where('id', '=', actor.userId!)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError(identityErrors.password_wrong)
  if (input.currentPassword === input.newPassword) throw new AppError(identityErrors.password_reused)
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), updated_at: context.now.toISOString() })
    .where('id', '=', actor.userId!)
    .execute()
  let others = trx.deleteFrom('sessions').where('user_id', '=', actor.userId!)
  if (actor.sessionId) others = others.where('id', '!=', actor.sessionId)
  await others.execute()
  await context.audit({ action: 'auth.password_change', targetType: 'user', targetId: actor.userId })
}

/** Changes the caller's e-mail address (where notifications are mailed), confirmed by the password. */
export async function changeEmail(
  context: WriteContext,
  input: { email: string; currentPassword: string },
): Promise<void> {
  const { trx, actor } = context
  requireSession(actor)
  const user = await trx
    .selectFrom('users')
    .select(['password_hash', 'email'])
    .where('id', '=', actor.userId!)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError(identityErrors.password_wrong)
  await trx
    .updateTable('users')
    .set({ email: input.email, updated_at: context.now.toISOString() })
    .where('id', '=', actor.userId!)
    .execute()
  await context.audit({
    action: 'auth.email_change',
    targetType: 'user',
    targetId: actor.userId,
    before: { email: user.email },
    after: { email: input.email },
  })
}
