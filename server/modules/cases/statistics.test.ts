import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { caseClosureStatistics, enterprisesServedByAssistance } from './index.ts'

const clock = fixedClock('2025-05-10T02:00:00Z')
const complaint = {
  complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
  respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
  right: { kind: 'trademark', number: '12345678' },
  request: '停止销售侵权商品并赔偿',
  facts: '在被投诉人门店购买到假冒注册商标的商品。',
  districtId: null,
}

describe('case statistics for the cockpit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ clock })
  })
  afterAll(() => t.close())

  it('counts cases received and closed (final state) within China-date windows', async () => {
    clock.set('2025-05-31T23:30:00+08:00')
    const a = (await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint })).json()
      .id
    clock.set('2025-06-01T00:30:00+08:00')
    await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint })
    const clerk = await t.login('clerk')
    const r = await t.request({
      method: 'POST',
      url: `/api/cases/${a}/transitions/reject`,
      as: clerk,
      payload: { input: { ground: 'overThreeYears', reason: '超过三年' } },
    })
    expect(r.statusCode, r.body).toBe(200)
    const may = await caseClosureStatistics(t.deps.db, { from: '2025-05-01', to: '2025-05-31' })
    const june = await caseClosureStatistics(t.deps.db, { from: '2025-06-01', to: '2025-06-30' })
    expect(may.received.map((c) => c.id)).toContain(a)
    expect(may.closed).toHaveLength(0)
    expect(june.received.map((c) => c.id)).not.toContain(a)
    expect(june.closed.map((c) => c.id)).toEqual([a])
    expect((await enterprisesServedByAssistance(t.deps.db, { to: '2025-06-30' })).entityIds).toEqual([])
  })
})
