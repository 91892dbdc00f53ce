import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { demoUscc } from '../identity/seed.ts'

const clock = fixedClock('2025-01-15T02:00:00Z')

const complaint = {
  complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
  respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
  right: { kind: 'trademark', number: '12345678' },
  request: '停止销售侵权商品并赔偿',
  facts: '在被投诉人门店购买到假冒注册商标的商品。',
  districtId: null,
}
const assistance = {
  enterprise: {
    name: '苏州园区新材料股份有限公司',
    uscc: demoUscc('91320594MA1MXQ7H0'),
    contact: '冯经理',
    phone: '13900002222',
  },
  scope: 'domestic',
  right: { kind: 'inventionPatent', number: 'ZL202010000000.0' },
  description: '竞争对手涉嫌侵犯我司发明专利，请求维权援助。',
  districtId: null,
}

describe('computed indicators from the case engine', () => {
  let t: TestApp
  let clerk: Session
  let leader: Session
  let enterprise: Session

  beforeAll(async () => {
    t = await createTestApp({ clock })
    clerk = await t.login('clerk')
    leader = await t.login('leader')
    enterprise = await t.login('enterprise')
  })
  afterAll(() => t.close())

  it('T13 (closed ÷ received in the month) equals the case engine’s own count, and drills down to the cases', async () => {
    clock.set('2025-02-05T02:00:00Z')
    enterprise = await t.login('enterprise')
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const r = await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint })
      expect(r.statusCode, r.body).toBe(201)
      ids.push(r.json().id)
    }
    const a = await t.request({
      method: 'POST',
      url: '/api/cases/assistance',
      as: enterprise,
      payload: assistance,
    })
    expect(a.statusCode, a.body).toBe(201)
    clock.set('2025-02-06T02:00:00Z')
    clerk = await t.login('clerk')
    const rejected = await t.request({
      method: 'POST',
      url: `/api/cases/${ids[0]}/transitions/reject`,
      as: clerk,
      payload: { input: { ground: 'overThreeYears', reason: '超过三年' } },
    })
    expect(rejected.statusCode, rejected.body).toBe(200)
    const accepted = await t.request({
      method: 'POST',
      url: `/api/cases/${a.json().id}/transitions/accept`,
      as: clerk,
      payload: { input: {} },
    })
    expect(accepted.statusCode, accepted.body).toBe(200)

    clock.set('2025-03-10T02:00:00Z')
    clerk = await t.login('clerk')
    leader = await t.login('leader')
    // The engine's own count: its case list, February's cases, and those that reached a final state.
    const all = (await t.request({ method: 'GET', url: '/api/cases?pageSize=200', as: clerk })).json()
      .items as {
      id: string
      createdAt: string
      state: string
      type: string
    }[]
    const feb = all.filter(
      (c) => c.createdAt >= '2025-01-31T16:00:00.000Z' && c.createdAt < '2025-02-28T16:00:00.000Z',
    )
    const closed = feb.filter((c) => ['rejected', 'closed', 'mediated'].includes(c.state))
    expect(feb.length).toBe(4)
    expect(closed.length).toBe(1)

    const plan = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    const t13 = plan.targets.find((x: { code: string }) => x.code === 'T13')
    expect(t13).toMatchObject({
      computed: true,
      currentPeriod: '2025-02',
      currentValue: Math.round((closed.length / feb.length) * 10_000) / 100,
    })
    const drill = await t.request({
      method: 'GET',
      url: `/api/cockpit/targets/${t13.id}/drilldown?period=2025-02`,
      as: leader,
    })
    expect(drill.statusCode, drill.body).toBe(200)
    expect(drill.json().value).toBe(25)
    const records = drill.json().records as { id: string; role: string }[]
    expect(
      records
        .filter((r) => r.role === 'received')
        .map((r) => r.id)
        .sort(),
    ).toEqual(feb.map((c) => c.id).sort())
    expect(records.filter((r) => r.role === 'closed').map((r) => r.id)).toEqual([ids[0]])
  })

  it('T11 counts the enterprises served by accepted assistance cases, with the cases behind it', async () => {
    const plan = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    const t11 = plan.targets.find((x: { code: string }) => x.code === 'T11')
    expect(t11).toMatchObject({ computed: true, currentPeriod: '2025-02', currentValue: 1 })
    const drill = (
      await t.request({
        method: 'GET',
        url: `/api/cockpit/targets/${t11.id}/drilldown?period=2025-02`,
        as: leader,
      })
    ).json()
    expect(drill.records).toHaveLength(1)
    expect(drill.records[0].label).toMatch(/^YZ-2025-/)
    // Not yet available sources stay grey, computed, without a value.
    const t10 = plan.targets.find((x: { code: string }) => x.code === 'T10')
    expect(t10).toMatchObject({ computed: true, sourceAvailable: false, currentValue: null, status: 'grey' })
  })
})
