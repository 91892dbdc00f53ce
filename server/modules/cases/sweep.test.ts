import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { takeDueClocks } from './sweep.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')

describe('takeDueClocks: a bounded sweep over running deadlines', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ clock })
    for (let i = 0; i < 5; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/api/cases/complaints',
        payload: {
          complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
          respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
          right: { kind: 'trademark', number: '12345678' },
          request: '停止销售侵权商品',
          facts: '购买到假冒注册商标的商品。',
        },
      })
      expect(response.statusCode).toBe(201)
    }
  })
  afterAll(() => t.close())

  it('takes at most a batch of due clocks, each once, and none that is not yet due', async () => {
    const sweep = (today: string) =>
      t.deps.db.transaction().execute((trx) => takeDueClocks(trx, t.deps.dialect, today, clock.now(), 2))
    // Due 2026-03-11: not due on the 11th itself.
    expect(await sweep('2026-03-11')).toBe(0)
    expect([await sweep('2026-03-12'), await sweep('2026-03-12'), await sweep('2026-03-12')]).toEqual([
      2, 2, 1,
    ])
    expect(await sweep('2026-03-12')).toBe(0)
  })
})
