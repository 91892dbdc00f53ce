import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp } from '../../testing/harness.ts'

describe('registry demo data under an earlier clock', () => {
  it('seeds only the assets filed by then, instead of failing on future application numbers', async () => {
    const t = await createTestApp({ clock: fixedClock(new Date('2023-06-01T00:00:00Z')) })
    try {
      const items = (await t.request({ method: 'GET', url: '/api/registry/assets?pageSize=200' })).json()
        .items as { filedOn: string | null }[]
      expect(items.length).toBeGreaterThan(10)
      expect(items.every((a) => !a.filedOn || a.filedOn <= '2023-06-01')).toBe(true)
    } finally {
      await t.close()
    }
  })
})
