import { describe, expect, it } from 'vitest'
import { LANGUAGES, loadResources } from './index.ts'

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv)
    }
  } else out.set(prefix, value)
  return out
}

const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  const resources = loadResources()
  const zh = resources['zh-CN'] ?? {}
  const en = resources.en ?? {}

  it('ships every language with the same namespaces', () => {
    expect(Object.keys(resources).sort()).toEqual([...LANGUAGES].sort())
    expect(Object.keys(zh).length).toBeGreaterThan(0)
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort())
  })

  for (const ns of Object.keys(zh)) {
    it(`namespace ${ns}: every key in both languages, non-empty, same placeholders`, () => {
      const zhKeys = flatten(zh[ns])
      const enKeys = flatten(en[ns])
      const missingInEn = [...zhKeys.keys()].filter((k) => !enKeys.has(k))
      const missingInZh = [...enKeys.keys()].filter((k) => !zhKeys.has(k))
      expect(missingInEn, 'zh-CN keys without English').toEqual([])
      expect(missingInZh, 'English keys without zh-CN').toEqual([])
      for (const [key, text] of zhKeys) {
        expect(typeof text === 'string' && text.trim() !== '', `zh-CN ${ns}:${key} is empty`).toBe(true)
        const english = enKeys.get(key)
        expect(typeof english === 'string' && english.trim() !== '', `en ${ns}:${key} is empty`).toBe(true)
        expect(placeholders(english), `placeholders of ${ns}:${key}`).toEqual(placeholders(text))
      }
    })
  }
})
