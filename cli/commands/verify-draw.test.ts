import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { smallInputs, smallSources } from '../../contracts/inspections/draw/fixtures.test-util.ts'
import { createDrawRecord, type DrawRecord } from '../../contracts/inspections/draw/index.ts'
import { UsageError } from '../registry.ts'
import { verifyDrawCommand } from './verify-draw.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-verify-draw-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function recordFile(name: string, edit?: (r: DrawRecord) => void): string {
  const outcome = createDrawRecord(smallInputs(), smallSources())
  if (!outcome.ok) throw new Error('fixture draw failed')
  edit?.(outcome.record)
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(outcome.record))
  return file
}

async function verify(file: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await verifyDrawCommand.run({
    args: [file],
    config: () => {
      throw new Error('verify-draw needs no configuration')
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('zhibao verify-draw', () => {
  it('exits 0 for a record that reproduces', async () => {
    const r = await verify(recordFile('ok.json'))
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('draw record ok: plan 2026-Q4-SH-IP-01, 8 target(s)')
    expect(r.out).toContain('de6ef5df8eb72e3f5d633ca66ac63db40958fd69f2db069658d7ad03b5f48f7f')
  })

  it('exits 1 with the reason and the first difference for a tampered result', async () => {
    const file = recordFile('swapped.json', (r) => {
      r.result.targets[2]!.inspectors[1] = 'SH0005'
    })
    const r = await verify(file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('resultMismatch')
    expect(r.err).toContain(
      'first difference at result.targets[2].inspectors[1]: recomputed "SH0001", record has "SH0005"',
    )
  })

  it('exits 1 when an input was changed after the commitment', async () => {
    const r = await verify(
      recordFile('input.json', (rec) => {
        rec.inputs.entities[5]!.excluded = 'inspectedThisYear'
      }),
    )
    expect(r.code).toBe(1)
    expect(r.err).toContain('commitmentMismatch')
  })

  it('exits 1 for a file that is not a record or cannot be read; a usage error without exactly one file', async () => {
    const junk = path.join(dir, 'junk.json')
    fs.writeFileSync(junk, '{"format":"something else"}')
    const r = await verify(junk)
    expect(r.code).toBe(1)
    expect(r.err).toContain('malformed')
    expect((await verify(path.join(dir, 'missing.json'))).err).toContain('cannot read')
    await expect(
      verifyDrawCommand.run({ args: [], config: () => ({}) as never, out: () => {}, err: () => {} }),
    ).rejects.toBeInstanceOf(UsageError)
  })

  it('runs as `zhibao verify-draw record.json` (exit 0), and exits 1 on a tampered record', () => {
    const zhibao = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/zhibao.mjs', ...args], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        timeout: 120_000,
      })
    const ok = zhibao('verify-draw', recordFile('bin-ok.json'))
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('draw record ok')
    const bad = zhibao(
      'verify-draw',
      recordFile('bin-bad.json', (r) => {
        r.seed = '0'.repeat(64)
      }),
    )
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('seedMismatch')
    expect(zhibao('verify-draw').status).toBe(2)
  }, 180_000)
})
