// The in-app inbox, and delivery outside the app: when SMTP is configured (or a deployment registers
// another `NotificationChannel`), every notification is also handed to the channels by a job that
// runs after the transaction that created the notification commits, retried by the job queue.
import type { Tx } from '../../database.ts'
import type { Actor } from '../../kernel/access.ts'
import type { Config } from '../../kernel/config.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { enqueueJob, type JobHandler } from '../../kernel/jobs.ts'
import { notifyErrors } from './errors.ts'

export interface NotificationInput {
  kind: string
  title: { zh: string; en: string }
  body: string
  subject: { type: string; id: string }
  /** With the recipient's id appended, makes the notification idempotent. */
  dedupeKey?: string
}

export interface OutgoingNotification extends NotificationInput {
  id: string
  userId: string
  email: string | null
}

/** Delivers notifications outside the app (e-mail); throws to be retried by the job queue. */
export interface NotificationChannel {
  name: string
  send(notification: OutgoingNotification): Promise<void>
  close?(): void
}

const registered: NotificationChannel[] = []
let configured: { config: Config; channel: NotificationChannel } | null = null

/** Extension point for channels other than SMTP (which comes from the configuration). */
export function registerNotificationChannel(channel: NotificationChannel): void {
  registered.push(channel)
}

/**
 * Sets the SMTP channel from the configuration when the app is built (a process runs one app; a
 * test that builds another replaces it).
 */
export function configureNotificationChannels(
  config: Config,
  smtp: (c: NonNullable<Config['smtp']>, publicUrl: string) => NotificationChannel,
): void {
  if (configured?.config === config) return
  configured?.channel.close?.()
  configured = config.smtp ? { config, channel: smtp(config.smtp, config.publicUrl) } : null
}

/** Closes the SMTP channel of this configuration (its pooled connections) when the app closes. */
export function closeNotificationChannels(config: Config): void {
  if (configured?.config !== config) return
  configured.channel.close?.()
  configured = null
}

function channels(): NotificationChannel[] {
  return configured ? [configured.channel, ...registered] : registered
}

export const DELIVER_JOB = 'notify.deliver'

/** Puts a notification in each user's inbox, in the caller's transaction (once per dedupe key). */
export async function notifyUsers(trx: Tx, now: Date, userIds: readonly string[], input: NotificationInput) {
  for (const userId of new Set(userIds)) {
    const id = newId(now.getTime())
    const dedupe = input.dedupeKey ? `${input.dedupeKey}:${userId}` : null
    const inserted = await trx
      .insertInto('notifications')
      .values({
        id,
        user_id: userId,
        kind: input.kind,
        title_zh: input.title.zh,
        title_en: input.title.en,
        body: input.body,
        subject: JSON.stringify(input.subject),
        created_at: now.toISOString(),
        read_at: null,
        dedupe_key: dedupe,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst()
    if (channels().length && Number(inserted.numInsertedOrUpdatedRows ?? 1) > 0) {
      await enqueueJob(trx, now, { kind: DELIVER_JOB, payload: { id }, dedupeKey: `notify:${id}` })
    }
  }
}

export async function inbox(
  context: ReadContext,
  query: { unreadOnly: boolean; page: number; pageSize: number },
) {
  const userId = requireUser(context.actor)
  let q = context.db.selectFrom('notifications').where('user_id', '=', userId)
  if (query.unreadOnly) q = q.where('read_at', 'is', null)
  const [rows, unread] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    context.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: { zh: r.title_zh, en: r.title_en },
      body: r.body,
      subject: JSON.parse(r.subject),
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    unread: Number(unread.n),
    page: query.page,
  }
}

function requireUser(actor: Actor): string {
  if (!actor.userId) throw new AppError(notifyErrors.notification_not_found)
  return actor.userId
}

/** Marks the caller's notification (or all of them) read. */
export async function markRead(context: WriteContext, id: string | 'all') {
  const userId = requireUser(context.actor)
  let q = context.trx
    .updateTable('notifications')
    .set({ read_at: context.now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id !== 'all') q = q.where('id', '=', id)
  const result = await q.executeTakeFirst()
  if (id !== 'all' && Number(result.numUpdatedRows) === 0) {
    const exists = await context.trx
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (!exists) throw new AppError(notifyErrors.notification_not_found)
  }
  await context.audit({ action: 'notification.read', targetType: 'notification', targetId: id })
  return { ok: true as const }
}

export function notifyJobs(): JobHandler[] {
  return [
    {
      kind: DELIVER_JOB,
      async run({ trx }, payload: { id: string }) {
        const row = await trx
          .selectFrom('notifications')
          .innerJoin('users', 'users.id', 'notifications.user_id')
          .selectAll('notifications')
          .select('users.email')
          .where('notifications.id', '=', payload.id)
          .executeTakeFirst()
        if (!row) return
        for (const channel of channels()) {
          await channel.send({
            id: row.id,
            userId: row.user_id,
            email: row.email,
            kind: row.kind,
            title: { zh: row.title_zh, en: row.title_en },
            body: row.body,
            subject: JSON.parse(row.subject),
          })
        }
      },
    },
  ]
}
