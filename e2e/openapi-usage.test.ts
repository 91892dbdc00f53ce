import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.ts'

// The web app may call only endpoints the API documents (ARCHITECTURE.md, "Three faces, one API").
// Every '/api/…' literal in web/ is matched, with `${…}` segments read as path parameters.
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return sources(p)
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : []
  })
}

function usedEndpoints(): Map<string, string> {
  const used = new Map<string, string>()
  for (const file of sources(webRoot)) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/['`](\/api\/[^'`?\s]*)['`?]/g)) {
      const normalized = m[1]!.replace(/\$\{[^}]+\}/g, '{param}')
      used.set(normalized, path.relative(webRoot, file))
    }
  }
  return used
}

describe('the web app and the API documentation', () => {
  let harness: Harness
  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('uses only documented endpoints', async () => {
    const spec = (await (await fetch(`${harness.baseUrl}/api/openapi.json`)).json()) as { paths: object }
    const documented = Object.keys(spec.paths).map(
      (p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '\\{param\\}').replace(/\//g, '\\/')}$`),
    )
    const used = usedEndpoints()
    expect(used.size).toBeGreaterThan(10)
    const undocumented = [...used]
      .filter(([p]) => !documented.some((re) => re.test(p)))
      .map(([p, f]) => `${f}: ${p}`)
    expect(undocumented).toEqual([])
  })
})
