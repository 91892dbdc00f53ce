import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../contracts/cases.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const clock = fixedClock('2026-09-09T00:00:00.000Z')
const at = (iso: string) => clock.set(new Date(iso))

const notice = {
  rightsHolder: { name: '苏州某某服饰有限公司', phone: '0512-66668888' },
  right: { kind: 'trademark', number: '30000001' },
  listings: [
    { platform: '某电商平台', url: 'https://shop.example.com/item/1001' },
    { platform: '某电商平台', url: 'https://shop.example.com/item/1002' },
  ],
  evidence: '公证购买的商品照片与注册商标对比。',
  districtId: null,
}

describe('e-commerce takedown (电商平台快速处置)', () => {
  let t: TestApp
  let clerk: Session
  const detail = async (id: string) =>
    (await t.request({ method: 'GET', url: `/api/cases/${id}`, as: clerk })).json() as CaseDetail
  const act = (id: string, transition: string, input: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: `/api/cases/${id}/transitions/${transition}`,
      as: clerk,
      payload: { input },
    })
  const submit = async () => {
    const response = await t.request({ method: 'POST', url: '/api/cases/takedowns', payload: notice })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string; number: string }
  }
  /** Notice → opinion → forwarded → the seller's declaration delivered on `deliveredAt`. */
  const toDeclaration = async (deliveredAt: string) => {
    at('2026-09-10T10:00:00+08:00')
    const { id } = await submit()
    expect(
      (await act(id, 'issueOpinion', { conclusion: 'likelyInfringing', opinion: '构成近似商标' })).statusCode,
    ).toBe(200)
    expect((await act(id, 'forwardToPlatform')).statusCode).toBe(200)
    at(deliveredAt)
    const declared = await act(id, 'recordDeclaration', { summary: '卖家声明其商品来源合法' })
    expect(declared.statusCode, declared.body).toBe(200)
    return { id, c: declared.json() as CaseDetail }
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    clerk = await t.login('clerk')
  })
  afterAll(() => t.close())

  it('validates the notice: at least one listing, web addresses only', async () => {
    const empty = await t.request({
      method: 'POST',
      url: '/api/cases/takedowns',
      payload: { ...notice, listings: [] },
    })
    expect(empty.statusCode).toBe(400)
    const ftp = await t.request({
      method: 'POST',
      url: '/api/cases/takedowns',
      payload: { ...notice, listings: [{ platform: 'x', url: 'ftp://shop.example.com/1' }] },
    })
    expect(ftp.statusCode).toBe(400)
    expect(ftp.json().errors[0].path).toBe('body.listings.0.url')
  })

  it('forwards only an opinion of likely infringement', async () => {
    at('2026-09-10T10:00:00+08:00')
    const { id } = await submit()
    const c = (
      await act(id, 'issueOpinion', { conclusion: 'notInfringing', opinion: '不近似' })
    ).json() as CaseDetail
    expect(c.actions.map((a) => a.name)).toEqual(['forwardToPlatform', 'dismiss', 'withdraw'])
    const forward = await act(id, 'forwardToPlatform')
    expect(forward.json()).toMatchObject({ code: 'transition_guard_failed' })
    expect((await act(id, 'dismiss', { reason: '不构成侵权' })).json().state).toBe('dismissed')
  })

  it('runs the 15-day window over National Day, extends it by working days, and lifts the measures when it passes', async () => {
    // Declaration delivered Wednesday 2026-09-16: + 15 days = 10-01 (National Day) → next working day 10-08.
    const { id, c } = await toDeclaration('2026-09-16T10:00:00+08:00')
    const window = c.clocks.find((k) => k.ruleId === '7.10')!
    expect(window).toMatchObject({ status: 'running', dueDate: '2026-10-08' })
    expect(window.computation.steps).toContainEqual(
      expect.objectContaining({
        kind: 'rollForward',
        from: '2026-10-01',
        to: '2026-10-08',
        reason: 'holiday',
      }),
    )
    expect(c.actions.map((a) => a.name)).toEqual(['recordComplaintOrSuit', 'withdraw'])
    expect((await act(id, 'lapse')).json().code).toBe('transition_forbidden')

    // 7.11: notarization delays, up to 20 working days: + 5 = 10-09, 10-10 (make-up Sat), 10-12…10-14.
    const extend = (length: number) =>
      t.request({
        method: 'POST',
        url: `/api/cases/${id}/clocks/${window.id}/extensions`,
        as: clerk,
        payload: { length, reason: '公证认证尚未完成' },
      })
    expect((await extend(5)).json().clocks[0]).toMatchObject({ dueDate: '2026-10-14' })
    expect((await extend(16)).json()).toMatchObject({
      code: 'clock_extension_exceeds',
      detail: { maxLength: 20, used: 5 },
    })

    at('2026-10-14T23:59:00+08:00')
    await t.jobs.runDue()
    expect((await detail(id)).state).toBe('declarationDelivered')
    at('2026-10-15T00:00:00+08:00')
    await t.jobs.runDue()
    await t.jobs.runDue()
    const lapsed = await detail(id)
    expect(lapsed).toMatchObject({
      state: 'lapsed',
      stateLabel: { zh: '期满未投诉或起诉，措施终止' },
      actions: [],
    })
    expect(lapsed.clocks[0]).toMatchObject({ status: 'met', overdueAt: null })
    const events = lapsed.events.map((e) => [e.event, e.actorLabel])
    expect(events.at(-1)).toEqual(['platformTakedown.measuresLapsed', 'system'])
    expect(events.filter(([e]) => e === 'platformTakedown.measuresLapsed')).toHaveLength(1)
    expect(events.some(([e]) => e === 'deadline.overdue')).toBe(false)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('actor_label')
      .where('action', '=', 'case.lapse')
      .execute()
    expect(audit).toEqual([{ actor_label: 'system' }])
  })

  it('keeps the measures when the right holder complains or sues in time', async () => {
    const { id } = await toDeclaration('2026-09-16T11:00:00+08:00')
    at('2026-09-30T10:00:00+08:00')
    const c = (
      await act(id, 'recordComplaintOrSuit', { kind: 'suit', reference: '(2026)苏05民初1号' })
    ).json() as CaseDetail
    expect(c).toMatchObject({ state: 'maintained', data: { followUp: { kind: 'suit' } } })
    expect(c.clocks[0]).toMatchObject({ status: 'met' })
    at('2026-10-09T00:00:00+08:00')
    await t.jobs.runDue()
    expect((await detail(id)).state).toBe('maintained')
  })
})
