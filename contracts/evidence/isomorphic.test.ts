import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The evidence core runs unchanged in the browser: no Node built-ins, no Buffer, only .ts specifiers.
describe('isomorphic source', () => {
  const dir = new URL('.', import.meta.url)
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test'))
  it.each(sources)('%s has no node: imports, no Buffer and only .ts relative imports', (f) => {
    const src = readFileSync(new URL(f, dir), 'utf8')
    expect(src).not.toMatch(/from '(node:|fs|crypto|path)/)
    expect(src).not.toMatch(/\bBuffer\.(from|alloc|concat|isBuffer)/)
    for (const m of src.matchAll(/from '(\.[^']*)'/g)) expect(m[1]).toMatch(/\.ts$/)
  })
})
