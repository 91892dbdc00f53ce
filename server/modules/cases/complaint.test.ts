import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../contracts/cases.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

// Friday 2026-09-25 10:00 in China: the first day of the Mid-Autumn Festival.
const clock = fixedClock('2026-09-25T02:00:00.000Z')
const at = (iso: string) => clock.set(new Date(iso))

function complaint(districtId: string | null) {
  return {
    complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
    respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
    right: { kind: 'trademark', number: '12345678' },
    request: '停止销售侵权商品并赔偿',
    facts: '在被投诉人门店购买到假冒注册商标的商品。',
    districtId,
  }
}

describe('complaint (投诉) procedure', () => {
  let t: TestApp
  let gusuId: string
  let clerk: Session
  let gusu: Session
  const detail = async (id: string, as: Session = clerk) => {
    const response = await t.request({ method: 'GET', url: `/api/cases/${id}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as CaseDetail
  }
  const act = (id: string, transition: string, as: Session, input: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: `/api/cases/${id}/transitions/${transition}`, as, payload: { input } })
  const submit = (body: unknown, as?: Session) =>
    t.request({ method: 'POST', url: '/api/cases/complaints', payload: body as object, as })

  beforeAll(async () => {
    clock.set('2026-09-24T00:00:00Z')
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    clerk = await t.login('clerk')
    gusu = await t.login('officer.gusu')
  })
  afterAll(() => t.close())

  it('takes a complaint from the public, validated, with a 7-working-day acceptance clock', async () => {
    at('2026-09-25T10:00:00+08:00')
    const bad = await submit({
      ...complaint(gusuId),
      complainant: { name: '李四', address: '地址' },
      respondent: { name: '某公司', address: '地址', uscc: '91320508MA1XW0000X' },
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.complainant.phone', 'body.respondent.uscc'])
    const response = await submit(complaint(gusuId))
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json().number).toBe('TS-2026-000001')
    const c = await detail(response.json().id)
    expect(c).toMatchObject({
      type: 'complaint',
      state: 'received',
      districtId: gusuId,
      title: '李四 投诉 苏州某某贸易有限公司',
    })
    expect(c.data).toMatchObject({ complainant: { phone: '13912345678' }, complainantEntityId: null })
    // 9-28…9-30 1–3, 10-01…10-07 National Day, 10-08 4, 10-09 5, 10-10 (make-up Sat) 6, 10-12 7.
    expect(c.clocks).toMatchObject([
      { ruleId: '5.6', status: 'running', startDate: '2026-09-25', dueDate: '2026-10-12' },
    ])
    expect(c.actions.map((a) => a.name)).toEqual(['accept', 'reject'])
    // The public cannot read case files.
    expect((await t.request({ method: 'GET', url: `/api/cases/${c.id}` })).statusCode).toBe(401)
  })

  it('runs the main path: accept, mediation terminated, both sides informed; refuses steps out of order', async () => {
    at('2026-09-25T11:00:00+08:00')
    const { id } = (await submit(complaint(gusuId))).json()
    const early = await act(id, 'informParties', gusu)
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('transition_not_allowed_in_state')

    at('2026-09-29T10:00:00+08:00')
    let c = (await act(id, 'accept', gusu, { note: '材料齐全' })).json() as CaseDetail
    expect(c.state).toBe('accepted')
    expect(c.clocks.find((k) => k.ruleId === '5.6')).toMatchObject({ status: 'met' })
    // 45 working days from 9-29: 9-30 1, 10-08…10-10 4, 10-12…10-16 9, then 5 a week: 11-13 29,
    // 12-04 44, 12-07 45.
    expect(c.clocks.find((k) => k.ruleId === '5.9')).toMatchObject({
      status: 'running',
      dueDate: '2026-12-07',
    })
    expect((await act(id, 'informParties', gusu)).json().code).toBe('transition_not_allowed_in_state')

    at('2026-11-02T10:00:00+08:00')
    const missing = await act(id, 'terminateMediation', gusu, {})
    expect(missing.statusCode).toBe(400)
    expect(missing.json().errors[0].path).toBe('body.input.reason')
    c = (await act(id, 'terminateMediation', gusu, { reason: '被投诉人拒绝调解' })).json()
    expect(c.state).toBe('terminated')
    expect(c.clocks.find((k) => k.ruleId === '5.9')).toMatchObject({ status: 'met' })
    // 7 working days from Monday 11-02: 11-03…11-06 4, 11-09…11-11 7.
    expect(c.clocks.find((k) => k.ruleId === '5.9.notice')).toMatchObject({
      status: 'running',
      dueDate: '2026-11-11',
    })
    c = (await act(id, 'informParties', gusu)).json()
    expect(c.state).toBe('closed')
    expect(c.clocks.every((k) => k.status === 'met')).toBe(true)
    expect(c.events.map((e) => e.event)).toEqual([
      'complaint.received',
      'complaint.accepted',
      'complaint.mediationTerminated',
      'complaint.partiesInformed',
    ])
  })

  it('rejects with a ground, and keeps another district’s officer out', async () => {
    at('2026-09-30T10:00:00+08:00')
    const { id } = (await submit(complaint(gusuId))).json()
    const kunshan = await t.login('officer.kunshan')
    expect(
      (await act(id, 'reject', kunshan, { ground: 'overThreeYears', reason: '超过三年' })).statusCode,
    ).toBe(404)
    const badGround = await act(id, 'reject', gusu, { ground: 'tooLate', reason: '超过三年' })
    expect(badGround.json().errors[0].path).toBe('body.input.ground')
    const c = (
      await act(id, 'reject', gusu, { ground: 'overThreeYears', reason: '超过三年' })
    ).json() as CaseDetail
    expect(c).toMatchObject({
      state: 'rejected',
      data: { rejection: { ground: 'overThreeYears' } },
      actions: [],
    })
    expect(c.clocks[0]).toMatchObject({ ruleId: '5.6', status: 'met' })
  })

  it('records the enterprise that submits a complaint; the enterprise cannot open case files', async () => {
    const enterprise = await t.login('enterprise')
    const response = await submit(complaint(null), enterprise)
    expect(response.statusCode, response.body).toBe(201)
    const c = await detail(response.json().id)
    expect(c.data.complainantEntityId).toEqual(expect.any(String))
    expect(c.districtId).toBeNull()
    expect((await t.request({ method: 'GET', url: `/api/cases/${c.id}`, as: enterprise })).statusCode).toBe(
      403,
    )
  })

  it('lists cases and the deadline queue in the caller’s scope', async () => {
    at('2026-10-13T10:00:00+08:00')
    const kunshan = await t.login('officer.kunshan')
    const list = async (as: Session, query = '') => {
      const response = await t.request({ method: 'GET', url: `/api/cases${query}`, as })
      expect(response.statusCode, response.body).toBe(200)
      return response.json() as {
        items: { number: string; state: string; nextDueDate: string | null }[]
        total: number
      }
    }
    expect((await list(clerk)).total).toBe(4)
    expect((await list(gusu)).total).toBe(3)
    expect((await list(kunshan)).total).toBe(0)
    const received = await list(clerk, '?type=complaint&state=received')
    expect(received.items.map((i) => [i.number, i.nextDueDate])).toEqual([
      ['TS-2026-000004', '2026-10-15'],
      ['TS-2026-000001', '2026-10-12'],
    ])
    const queue = async (as: Session, query: string) => {
      const response = await t.request({ method: 'GET', url: `/api/deadlines/queue${query}`, as })
      expect(response.statusCode, response.body).toBe(200)
      return (response.json().items as { caseNumber: string; overdue: boolean }[]).map((i) => [
        i.caseNumber,
        i.overdue,
      ])
    }
    expect(await queue(clerk, '?overdueOnly=true')).toEqual([['TS-2026-000001', true]])
    expect(await queue(clerk, '?dueBy=2026-10-15')).toEqual([
      ['TS-2026-000001', true],
      ['TS-2026-000004', false],
    ])
    expect(await queue(gusu, '?dueBy=2026-10-15')).toEqual([['TS-2026-000001', true]])
    expect(await queue(kunshan, '')).toEqual([])
  })
})
