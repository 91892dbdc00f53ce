import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')
const at = (iso: string) => clock.set(new Date(iso))

describe('GET /api/cases/statistics: received, closed, closure ratio, handling times, on time per rule', () => {
  let t: TestApp
  let gusuId: string
  let kunshanId: string
  let gusu: Session
  let kunshan: Session
  let leader: Session
  const complaint = (districtId: string) => ({
    complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
    respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
    right: { kind: 'trademark', number: '12345678' },
    request: '停止销售侵权商品',
    facts: '购买到假冒注册商标的商品。',
    districtId,
  })
  const submit = async (districtId: string) =>
    (await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint(districtId) })).json()
      .id
  const act = (id: string, transition: string, as: Session, input: object = {}) =>
    t.request({ method: 'POST', url: `/api/cases/${id}/transitions/${transition}`, as, payload: { input } })
  const stats = async (query: string, as: Session) => {
    const response = await t.request({ method: 'GET', url: `/api/cases/statistics?${query}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    kunshanId = orgs.find((o) => o.code === 'kunshan')!.id
    gusu = await t.login('officer.gusu')
    kunshan = await t.login('officer.kunshan')
    leader = await t.login('leader')
    // Gusu: three complaints on Monday 3-02 (5.6 due 3-11). One rejected on 3-04 (2 days), one
    // rejected late on 3-12 (10 days), one still open. Kunshan: one rejected on 3-03 (1 day).
    at('2026-03-02T10:00:00+08:00')
    const [a, b] = [await submit(gusuId), await submit(gusuId)]
    await submit(gusuId)
    const k = await submit(kunshanId)
    at('2026-03-03T10:00:00+08:00')
    await act(k, 'reject', kunshan, { ground: 'other', reason: '不属于本机关管辖' })
    at('2026-03-04T10:00:00+08:00')
    await act(a, 'reject', gusu, { ground: 'missingMaterials', reason: '材料不全' })
    at('2026-03-12T10:00:00+08:00')
    await act(b, 'reject', gusu, { ground: 'missingMaterials', reason: '材料不全' })
  })
  afterAll(() => t.close())

  it('counts city-wide for the city level, with handling times and the on-time rate of 5.6', async () => {
    const s = await stats('from=2026-03-01&to=2026-03-31', leader)
    expect(s).toMatchObject({ received: 4, closed: 3, closureRatio: 0.75 })
    expect(s.handlingDays).toEqual({ count: 3, mean: 4.3, p90: 10 })
    expect(s.groups).toEqual(
      expect.arrayContaining([
        { type: 'complaint', districtId: gusuId, received: 3, closed: 2 },
        { type: 'complaint', districtId: kunshanId, received: 1, closed: 1 },
      ]),
    )
    expect(s.onTime).toEqual([{ ruleId: '5.6', met: 3, onTime: 2, rate: 0.667 }])
    const one = await stats(`from=2026-03-01&to=2026-03-31&district=${kunshanId}&type=complaint`, leader)
    expect(one).toMatchObject({ received: 1, closed: 1, closureRatio: 1 })
  })

  it('limits a district officer to the district, and the window to its dates', async () => {
    expect(await stats('from=2026-03-01&to=2026-03-31', gusu)).toMatchObject({ received: 3, closed: 2 })
    expect(await stats(`from=2026-03-01&to=2026-03-31&district=${kunshanId}`, gusu)).toMatchObject({
      received: 0,
      closed: 0,
      closureRatio: null,
    })
    const early = await stats('from=2026-03-01&to=2026-03-05', leader)
    expect(early).toMatchObject({ received: 4, closed: 2 })
    const bad = await t.request({
      method: 'GET',
      url: '/api/cases/statistics?from=2026-3-1&to=x',
      as: leader,
    })
    expect(bad.statusCode).toBe(400)
    const enterprise = await t.login('enterprise')
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/cases/statistics?from=2026-03-01&to=2026-03-31',
          as: enterprise,
        })
      ).statusCode,
    ).toBe(403)
  })
})
