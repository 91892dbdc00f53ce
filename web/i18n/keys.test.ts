import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadResources } from './index.ts'

// Every literal t('key') in the web sources must exist in a namespace its file loads, so a typo
// shows up here rather than as a raw key on screen. Template-literal keys are checked by the
// i18n parity test only.
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return sources(p)
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : []
  })
}

function has(tree: unknown, key: string): boolean {
  let node: unknown = tree
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

describe('translation keys used in code', () => {
  const zh = loadResources()['zh-CN'] ?? {}
  it('all exist in zh-CN', () => {
    const missing: string[] = []
    for (const file of sources(webRoot)) {
      const text = fs.readFileSync(file, 'utf8')
      const namespaces = [...text.matchAll(/useTranslation\((?:'([\w-]+)')?\)/g)].map((m) => m[1] ?? 'common')
      if (namespaces.length === 0) continue
      for (const m of text.matchAll(/\bt\('([\w.-]+)'/g)) {
        const key = m[1]!
        if (!namespaces.some((ns) => has(zh[ns], key)))
          missing.push(`${path.relative(webRoot, file)}: ${key}`)
      }
      for (const m of text.matchAll(/labelKey: '([\w.-]+)'/g)) {
        if (!has(zh.workbench, m[1]!)) missing.push(`${path.relative(webRoot, file)}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})
