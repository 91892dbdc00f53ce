import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorsDocPath, renderErrorsDoc } from '../../scripts/errors-doc.ts'
import '../app.ts'
import { errorDefinitions } from './errors.ts'

/** The rows of docs/errors.md's table, by code. */
function documentedCodes(): Map<string, { status: number; zh: string; en: string }> {
  const rows = new Map<string, { status: number; zh: string; en: string }>()
  for (const line of fs.readFileSync(errorsDocPath, 'utf8').split('\n')) {
    const match = /^\| `([a-z0-9_]+)` \| (\d{3}) \| (.*) \| (.*) \|$/.exec(line)
    if (!match) continue
    const unescaped = (s: string) => s.replaceAll('\\|', '|')
    rows.set(match[1]!, { status: Number(match[2]), zh: unescaped(match[3]!), en: unescaped(match[4]!) })
  }
  return rows
}

describe('docs/errors.md', () => {
  const fix = 'run `npx tsx scripts/errors-doc.ts` to regenerate docs/errors.md'

  it('documents every registered error code with its status and both messages', () => {
    const documented = documentedCodes()
    expect(errorDefinitions().size).toBeGreaterThan(20)
    for (const [code, definition] of errorDefinitions()) {
      expect(documented.get(code), `${code} is missing or out of date: ${fix}`).toEqual({
        status: definition.status,
        zh: definition.zh,
        en: definition.en,
      })
    }
  })

  it('lists no code the registry does not know', () => {
    const unknown = [...documentedCodes().keys()].filter((code) => !errorDefinitions().has(code))
    expect(unknown, fix).toEqual([])
  })

  it('is exactly what the generator writes', () => {
    expect(fs.readFileSync(errorsDocPath, 'utf8') === renderErrorsDoc(), fix).toBe(true)
  })
})
