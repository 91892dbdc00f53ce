import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

// The plan's 2024 milestones are past due by then; the first sweep is due at once.
const clock = fixedClock('2025-04-05T02:00:00Z')

type InboxItem = { kind: string; title: { zh: string }; body: string; subject: { type: string; id: string } }

describe('supervision notices reach the responsible unit’s inbox', () => {
  let t: TestApp
  let judge: Session // 市中级法院 (court-city), lead unit of 三(五)
  let officer: Session // 市市场监管局 (samr-city), another unit
  let planner: Session

  const inbox = async (as: Session) =>
    (await t.request({ method: 'GET', url: '/api/inbox?pageSize=100', as })).json().items as InboxItem[]
  const aboutNotice = (items: InboxItem[], id: string) =>
    items.filter((n) => n.subject.type === 'cockpitNotice' && n.subject.id === id).map((n) => n.kind)

  beforeAll(async () => {
    t = await createTestApp({ clock })
    judge = await t.login('judge')
    officer = await t.login('officer')
    planner = await t.login('planner')
  })
  afterAll(() => t.close())

  it('a raised notice, the response, the follow-up and the closure are each put in the inbox once', async () => {
    await t.jobs.runDue()
    const notices = (await t.request({ method: 'GET', url: '/api/cockpit/notices', as: judge })).json().items
    const notice = notices.find((n: { subjectLabel: string }) => n.subjectLabel.startsWith('三(五)'))
    expect(notice).toMatchObject({ unit: 'court-city', unitName: { zh: expect.any(String) } })
    const raised = (await inbox(judge)).find((n) => n.subject.id === notice.id)!
    expect(raised).toMatchObject({ kind: 'cockpit.notice.raised', subject: { type: 'cockpitNotice' } })
    expect(raised.title.zh).toContain('督办通知')
    expect(raised.body).toContain(notice.responseDue)
    // Another unit's staff get nothing about it.
    expect(aboutNotice(await inbox(officer), notice.id)).toEqual([])
    // A second sweep the same day raises nothing new and notifies nobody again.
    await t.jobs.runDue()
    expect(aboutNotice(await inbox(judge), notice.id)).toEqual(['cockpit.notice.raised'])

    const one = await t.request({ method: 'GET', url: `/api/cockpit/notices/${notice.id}`, as: judge })
    expect(one.statusCode, one.body).toBe(200)
    expect(
      (await t.request({ method: 'GET', url: `/api/cockpit/notices/${notice.id}`, as: officer })).statusCode,
    ).toBe(404)

    const responded = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${notice.id}/respond`,
      as: judge,
      payload: { text: '已完成审判指引起草，报送审议中' },
    })
    expect(responded.statusCode, responded.body).toBe(200)
    expect(responded.json().events.at(-1)).toMatchObject({ kind: 'response', byName: '孙法官' })
    const response = (await inbox(planner)).find((n) => n.subject.id === notice.id)!
    expect(response.kind).toBe('cockpit.notice.response')
    expect(response.body).toContain('已完成审判指引起草')

    for (const [path, text] of [
      ['follow-up', '请于下周报送印发文件'],
      ['close', '已印发，办结'],
    ]) {
      const r = await t.request({
        method: 'POST',
        url: `/api/cockpit/notices/${notice.id}/${path}`,
        as: planner,
        payload: { text },
      })
      expect(r.statusCode, r.body).toBe(200)
    }
    expect(aboutNotice(await inbox(judge), notice.id).sort()).toEqual([
      'cockpit.notice.closed',
      'cockpit.notice.followUp',
      'cockpit.notice.raised',
      'cockpit.notice.response',
    ])
  })

  it('a step refused (the notice is closed) notifies nobody', async () => {
    const notices = (await t.request({ method: 'GET', url: '/api/cockpit/notices', as: judge })).json().items
    const closed = notices.find((n: { state: string }) => n.state === 'closed')
    const before = (await inbox(planner)).length
    const r = await t.request({
      method: 'POST',
      url: `/api/cockpit/notices/${closed.id}/respond`,
      as: judge,
      payload: { text: '补充说明' },
    })
    expect(r.statusCode).toBe(409)
    expect(r.json().code).toBe('cockpit_notice_closed')
    expect((await inbox(planner)).length).toBe(before)
  })
})
