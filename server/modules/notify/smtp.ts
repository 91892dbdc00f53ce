// E-mail by SMTP (nodemailer), used only when SMTP_URL or SMTP_HOST is configured.
import nodemailer from 'nodemailer'
import type { Config } from '../../kernel/config.ts'
import type { NotificationChannel, OutgoingNotification } from './notify.ts'

type SmtpConfig = NonNullable<Config['smtp']>

const LINKS: Record<string, (id: string) => string> = {
  case: (id) => `/workbench/cases/${encodeURIComponent(id)}`,
  supervisionNotice: () => '/workbench/supervision',
}

/** The mail for one notification: Chinese first, English below, and a link into the workbench. */
export function composeMail(notification: OutgoingNotification, publicUrl: string) {
  const link = LINKS[notification.subject.type]?.(notification.subject.id)
  const text = [
    notification.title.zh,
    notification.body,
    ...(link ? [`${publicUrl.replace(/\/$/, '')}${link}`] : []),
    '',
    notification.title.en,
  ].join('\n')
  return { subject: notification.title.zh, text }
}

/**
 * A channel that mails each notification to its recipient's address; users without one are
 * skipped. The Message-ID derives from the notification id, so a resend after a lost commit is
 * recognisable as the same message.
 */
export function smtpChannel(smtp: SmtpConfig, publicUrl: string): NotificationChannel {
  const url = smtp.url ? new URL(smtp.url) : null
  const secure = url ? url.protocol === 'smtps:' : smtp.port === 465
  const user = url ? decodeURIComponent(url.username) : smtp.user
  const pass = url ? decodeURIComponent(url.password) : smtp.pass
  // The delivery job holds its transaction (SQLite's only writer) while it sends: bound the wait.
  const transport = nodemailer.createTransport({
    host: url ? url.hostname.replace(/^\[|\]$/g, '') : smtp.host,
    port: Number(url?.port || smtp.port || (secure ? 465 : 587)),
    secure,
    pool: true,
    ...(user ? { auth: { user, pass } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  })
  const host = new URL(publicUrl).hostname || 'zhibao'
  return {
    name: 'smtp',
    async send(notification) {
      if (!notification.email) return
      await transport.sendMail({
        from: smtp.from,
        to: notification.email,
        messageId: `<${notification.id}@${host}>`,
        ...composeMail(notification, publicUrl),
      })
    },
    close: () => transport.close(),
  }
}
