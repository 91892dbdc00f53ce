import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { workingDayCalendar } from '../calendar/index.ts'
import { DEFAULT_PLAN } from './default-plan.ts'

/** Milestones of the shipped plan due before a date: each is overdue unless completed. */
const dueBefore = (date: string) =>
  DEFAULT_PLAN.tasks.flatMap((t) => t.milestones).filter((m) => m.dueDate < date).length

// Under a controlled clock: the plan started 2022-11-05; the first sweep is due at once.
const clock = fixedClock('2025-04-05T02:00:00Z')

describe('supervision (督办) under a controlled clock', () => {
  let t: TestApp
  let officer: Session // 市市场监管局 (samr-city)
  let clerk: Session // 保护中心 (center)
  let planner: Session
  let leader: Session
  let targetId: (code: string) => string

  const notices = async (as: Session = leader) =>
    (await t.request({ method: 'GET', url: '/api/cockpit/notices', as })).json().items as {
      id: string
      kind: string
      unit: string
      subjectLabel: string
      responseDue: string
      state: string
      events: { kind: string }[]
    }[]
  const labels = async () => (await notices()).map((n) => `${n.unit} ${n.subjectLabel.split(' ')[0]}`).sort()
  const reportAccepted = async (code: string, period: string, value: number) => {
    const r = await t.request({
      method: 'POST',
      url: '/api/cockpit/reports',
      as: officer,
      payload: { targetId: targetId(code), period, value },
    })
    expect(r.statusCode, r.body).toBe(200)
    const a = await t.request({
      method: 'POST',
      url: `/api/cockpit/reports/${r.json().id}/review`,
      as: planner,
      payload: { decision: 'accept' },
    })
    expect(a.statusCode, a.body).toBe(200)
  }

  // Sessions last at most 30 days: sign in again after each move of the clock.
  const login = async () => {
    officer = await t.login('officer')
    clerk = await t.login('clerk')
    planner = await t.login('planner')
    leader = await t.login('leader')
  }
  const at = async (iso: string) => {
    clock.set(iso)
    await login()
  }

  beforeAll(async () => {
    t = await createTestApp({ clock })
    await login()
    const plan = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    const ids = new Map<string, string>(plan.targets.map((x: { code: string; id: string }) => [x.code, x.id]))
    targetId = (code) => ids.get(code)!
  })
  afterAll(() => t.close())

  it('raises a notice for an overdue milestone, with a deadline in working days, once', async () => {
    await t.jobs.runDue()
    const first = await notices()
    const overdue = first.filter((n) => n.kind === 'milestoneOverdue')
    expect(overdue).toHaveLength(dueBefore('2025-04-05'))
    const milestone = overdue.find((n) => n.subjectLabel.startsWith('三(五)'))!
    expect(milestone).toMatchObject({ unit: 'court-city', state: 'open' })
    // 2025-04-05 is a Saturday in the Qingming break: five working days on is Friday 2025-04-11.
    const calendar = await workingDayCalendar(t.deps.db)
    expect(milestone.responseDue).toBe(calendar.addWorkingDays('2025-04-05', 5))
    expect(milestone.responseDue).toBe('2025-04-11')
    await at('2025-04-06T18:00:00Z') // the next day's sweep (01:00 China time) is due
    expect(await t.jobs.runDue()).toBe(1)
    expect((await notices()).filter((n) => n.kind === 'milestoneOverdue')).toHaveLength(
      dueBefore('2025-04-05'),
    )
  })

  it('raises a notice when a target is off its trajectory for two consecutive periods, not after one', async () => {
    // T22 (900 new patent attorneys by 2025, cumulative): 1 a quarter is far behind the line.
    await reportAccepted('T22', '2025-Q1', 1)
    await at('2025-04-08T18:00:00Z')
    await t.jobs.runDue()
    expect(await labels()).not.toContain('samr-city T22')
    await reportAccepted('T22', '2025-Q2', 1)
    await at('2025-07-05T18:00:00Z')
    await t.jobs.runDue()
    const raised = (await notices()).find((n) => n.subjectLabel.startsWith('T22'))!
    expect(raised).toMatchObject({ kind: 'offTrajectory', unit: 'samr-city', state: 'open' })
    // Milestones due by 2025-06-30 fell due meanwhile, one notice each.
    expect((await notices()).filter((n) => n.kind === 'milestoneOverdue')).toHaveLength(
      dueBefore('2025-07-06'),
    )
    expect(await labels()).toEqual(expect.arrayContaining(['samr-city T22', 'procuratorate-city 三(六)']))
  })

  it('tracks the unit’s response, the plan office’s follow-up and closure, each audited', async () => {
    const n = (await notices()).find((x) => x.subjectLabel.startsWith('T22'))!
    const wrongUnit = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${n.id}/respond`,
      as: clerk,
      payload: { text: '不是我们' },
    })
    expect(wrongUnit.statusCode).toBe(403)
    const respond = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${n.id}/respond`,
      as: officer,
      payload: { text: '已制定考前培训计划' },
    })
    expect(respond.json().state).toBe('responded')
    const follow = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${n.id}/follow-up`,
      as: planner,
      payload: { text: '请报送培训计划与报名人数', responseWorkingDays: 3 },
    })
    expect(follow.json()).toMatchObject({ state: 'open', responseDue: '2025-07-09' })
    const close = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${n.id}/close`,
      as: planner,
      payload: { text: '整改到位' },
    })
    expect(close.json().state).toBe('closed')
    expect(close.json().events.map((e: { kind: string }) => e.kind)).toEqual([
      'raised',
      'response',
      'followUp',
      'closed',
    ])
    const again = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${n.id}/respond`,
      as: officer,
      payload: { text: 'x' },
    })
    expect(again.json().code).toBe('cockpit_notice_closed')
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'cockpit.notice.%')
      .execute()
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'cockpit.notice.raised',
        'cockpit.notice.response',
        'cockpit.notice.followUp',
        'cockpit.notice.closed',
      ]),
    )
    // A unit sees its own notices only.
    expect((await notices(clerk)).every((x) => x.unit === 'center')).toBe(true)
  })

  it('a milestone recorded as done on time is no longer overdue', async () => {
    const plan = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    const m = plan.tasks.find((x: { section: string }) => x.section === '三(一)').milestones[2]
    expect(m.state).toBe('pending')
    const done = await t.request({
      method: 'POST',
      url: `/api/cockpit/milestones/${m.id}/complete`,
      as: officer,
      payload: { completedOn: '2025-07-01', note: '获批文件3件' },
    })
    expect(done.statusCode, done.body).toBe(200)
    const after = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    expect(after.tasks.find((x: { section: string }) => x.section === '三(一)').milestones[2].state).toBe(
      'done',
    )
    const notAllowed = await t.request({
      method: 'POST',
      url: `/api/cockpit/milestones/${m.id}/complete`,
      as: clerk,
      payload: { completedOn: '2025-07-01', note: 'x' },
    })
    expect(notAllowed.statusCode).toBe(403)
  })
})
