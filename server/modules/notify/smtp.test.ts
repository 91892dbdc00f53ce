import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { ConfigError, loadConfig } from '../../kernel/config.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

interface Received {
  from: string
  to: string[]
  raw: string
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return decodeHeader(line?.slice(name.length + 1).trim() ?? '')
}

function smtpOptions(received: Received[]): ConstructorParameters<typeof SMTPServer>[0] {
  return {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 100,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  }
}

// Monday 2026-03-02, 10:00 in China: the complaint's 5.6 clock (7 working days) falls due on 3-11 with
// a reminder at 09:00 on 3-09.
const clock = fixedClock('2026-03-02T02:00:00.000Z')

describe('e-mail reminders by SMTP (a real SMTP server in the test)', () => {
  const received: Received[] = []
  let smtp: SMTPServer
  let t: TestApp
  let gusu: Session

  beforeAll(async () => {
    smtp = new SMTPServer(smtpOptions(received))
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const port = (smtp.server.address() as AddressInfo).port
    t = await createTestApp({
      clock,
      env: {
        SESSION_TTL_HOURS: '720',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SMTP_FROM: '知保 <noreply@zhibao.example>',
        PUBLIC_URL: 'https://zhibao.example',
      },
    })
    gusu = await t.login('officer.gusu')
  })
  afterAll(async () => {
    await t?.close()
    await new Promise<void>((resolve) => smtp.close(resolve))
  })

  it('mails the reminder to the assigned officer once, after the reminder’s transaction commits', async () => {
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    clock.set(new Date('2026-03-02T10:00:00+08:00'))
    const intake = await t.request({
      method: 'POST',
      url: '/api/cases/complaints',
      payload: {
        complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
        respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
        right: { kind: 'trademark', number: '12345678' },
        request: '停止销售侵权商品',
        facts: '购买到假冒注册商标的商品。',
        districtId: orgs.find((o) => o.code === 'gusu')!.id,
      },
    })
    expect(intake.statusCode, intake.body).toBe(201)
    const caseId = intake.json().id as string
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', as: gusu })).json()
    const assigned = await t.request({
      method: 'POST',
      url: `/api/cases/${caseId}/assignments`,
      payload: { userId: me.user.id, duty: 'officer' },
      as: gusu,
    })
    expect(assigned.statusCode, assigned.body).toBe(201)
    const number = (await t.request({ method: 'GET', url: `/api/cases/${caseId}`, as: gusu })).json().number

    await t.jobs.runDue() // the demo data's own notices (cockpit supervision) go out first
    await t.jobs.runDue()
    received.length = 0
    clock.set(new Date('2026-03-09T09:00:00+08:00'))
    await t.jobs.runDue() // the reminder: inbox row + delivery job, one transaction
    expect(received).toHaveLength(0)
    await t.jobs.runDue() // the delivery, after that commit
    await t.jobs.runDue()
    expect(received).toHaveLength(1)
    const mail = received[0]!
    expect(mail.to).toEqual(['officer.gusu@demo.zhibao.invalid'])
    expect(mail.from).toBe('noreply@zhibao.example')
    expect(header(mail.raw, 'subject')).toBe(`期限提醒：${number} 还剩 2 个工作日`)
    expect(header(mail.raw, 'to')).toBe('officer.gusu@demo.zhibao.invalid')
    expect(mail.raw).toContain(`https://zhibao.example/workbench/cases/${caseId}`)
    const inbox = (await t.request({ method: 'GET', url: '/api/inbox', as: gusu })).json()
    expect(header(mail.raw, 'message-id')).toBe(`<${inbox.items[0].id}@zhibao.example>`)
  })

  it('retries a failed delivery and sends it, to the address the officer set meanwhile, once it succeeds', async () => {
    const before = received.length
    const changed = await t.request({
      method: 'POST',
      url: '/api/auth/email',
      as: gusu,
      payload: { email: 'wang.gusu@amr.example.cn', currentPassword: 'zhibao-demo' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const port = (smtp.server.address() as AddressInfo).port
    await new Promise<void>((resolve) => smtp.close(resolve))
    clock.set(new Date('2026-03-11T09:00:00+08:00')) // the second reminder, on the due day
    await t.jobs.runDue()
    await t.jobs.runDue() // delivery fails: nobody listens
    const failed = await t.deps.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error'])
      .where('kind', '=', 'notify.deliver')
      .where('status', '=', 'pending')
      .execute()
    expect(failed).toHaveLength(1)
    expect(failed[0]!.attempts).toBe(1)
    smtp = new SMTPServer(smtpOptions(received))
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve))
    clock.set(new Date('2026-03-11T09:10:00+08:00'))
    await t.jobs.runDue()
    await t.jobs.runDue()
    expect(received.length - before).toBe(1)
    expect(header(received.at(-1)!.raw, 'subject')).toContain('还剩 0 个工作日')
    expect(received.at(-1)!.to).toEqual(['wang.gusu@amr.example.cn'])
  })

  it('refuses an incomplete SMTP configuration, naming every problem', () => {
    expect(() => loadConfig({ SMTP_HOST: 'mail.example.org', SMTP_USER: 'zhibao' })).toThrow(ConfigError)
    try {
      loadConfig({ SMTP_HOST: 'mail.example.org', SMTP_USER: 'zhibao', SMTP_URL: 'smtp://x' })
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n')
      expect(problems).toContain('SMTP_FROM')
      expect(problems).toContain('SMTP_PASS')
      expect(problems).toContain('SMTP_HOST: set SMTP_URL or SMTP_HOST, not both')
    }
    expect(() => loadConfig({ SMTP_FROM: 'a@b.cn' })).toThrow(/SMTP_FROM: needs SMTP_URL or SMTP_HOST/)
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/smtp:\/\//)
    expect(
      loadConfig({ SMTP_HOST: 'mail.example.org', SMTP_FROM: 'noreply@example.org' }).smtp,
    ).toMatchObject({
      host: 'mail.example.org',
      from: 'noreply@example.org',
    })
    expect(loadConfig({}).smtp).toBeUndefined()
  })
})
