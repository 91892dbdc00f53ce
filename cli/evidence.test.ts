import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bytesToHex, signCheckpoint } from '../contracts/evidence/index.ts'
import { integratePending, loadLogKeys } from '../server/modules/evidence/index.ts'
import { multipart } from '../server/modules/evidence/testing/multipart.ts'
import { createTestApp, type Session, type TestApp } from '../server/testing/harness.ts'
import { main } from './main.ts'

// `zhibao verify` and `zhibao monitor` against a live test server (SQLite or PostgreSQL).
describe('zhibao verify, monitor and consistency', () => {
  let t: TestApp
  let dir: string
  let base: string
  let enterprise: Session
  const run = async (...argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {})
    return { code, out: out.join('\n'), err: err.join('\n') }
  }
  const depositAndIntegrate = async (content: string) => {
    const body = multipart({ title: '截图' }, [{ name: 'shot.txt', type: 'text/plain', content }])
    const created = await t.request({
      method: 'POST',
      url: '/api/evidence/deposits',
      as: enterprise,
      ...body,
    })
    expect(created.statusCode, created.body).toBe(201)
    await integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config) })
    return created.json().id as string
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-cli-evidence-'))
    t = await createTestApp({ env: { DATA_DIR: dir } })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const address = t.app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    enterprise = await t.login('enterprise')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('verifies a receipt and its file offline, and names the reason when either was altered', async () => {
    const id = await depositAndIntegrate('evidence bytes\n')
    const receipt = (
      await t.request({ method: 'GET', url: `/api/evidence/deposits/${id}/receipt`, as: enterprise })
    ).body
    const vkeyFile = path.join(dir, 'log.vkey')
    fs.writeFileSync(vkeyFile, (await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body)
    const receiptFile = path.join(dir, 'receipt.json')
    fs.writeFileSync(receiptFile, receipt)
    const file = path.join(dir, 'shot.txt')
    fs.writeFileSync(file, 'evidence bytes\n')

    const ok = await run('verify', receiptFile, file, '--vkey-file', vkeyFile)
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toMatch(
      /this exact file shot\.txt \(sha256 [0-9a-f]{64}\) was deposited at \d{4}-.*Z, as entry \d+ of the log .* signed by key /,
    )

    fs.writeFileSync(file, 'evidence bytes, edited\n')
    const altered = await run('verify', receiptFile, file, '--vkey-file', vkeyFile)
    expect(altered.code).toBe(1)
    expect(altered.err).toContain('fileNotInEntry')

    const other = await run(
      'verify',
      receiptFile,
      '--vkey',
      'other.example/log+0a1b2c3d+AaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaA',
    )
    expect(other.code).toBe(1)

    const r = JSON.parse(receipt)
    const forged = {
      ...r,
      entry: Buffer.from(
        Buffer.from(r.entry, 'base64').toString().replace('text/plain', 'text/html'),
      ).toString('base64'),
    }
    fs.writeFileSync(receiptFile, JSON.stringify(forged))
    const bad = await run('verify', receiptFile, '--vkey-file', vkeyFile)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('rootMismatch')
    expect((await run('verify')).code).toBe(2)
  })

  it('monitors checkpoints, accepts consistent growth and alarms (exit 2) on a forked log', async () => {
    const state = path.join(dir, 'monitor.json')
    const oldCheckpoint = path.join(dir, 'old.checkpoint')
    fs.writeFileSync(
      oldCheckpoint,
      (await t.request({ method: 'GET', url: '/api/evidence/checkpoint' })).body,
    )
    const vkeyFile = path.join(dir, 'log.vkey')
    fs.writeFileSync(vkeyFile, (await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body)
    const first = await run('monitor', '--url', base, '--state', state, '--once')
    expect(first.code, first.err).toBe(0)
    expect(first.out).toContain('pinned')
    await depositAndIntegrate('second')
    await depositAndIntegrate('third')
    const grown = await run('monitor', '--url', base, '--state', state, '--once')
    expect(grown.code, grown.err).toBe(0)
    expect(grown.out).toContain('consistent')
    const proven = await run('consistency', '--url', base, '--old', oldCheckpoint, '--vkey-file', vkeyFile)
    expect(proven.code, proven.err).toBe(0)
    expect(proven.out).toMatch(/tree of size \d+ is a prefix of its tree of size \d+/)

    // A split view: the log signs a different tree at a larger size (its key, a rewritten history).
    await depositAndIntegrate('fourth')
    const keys = loadLogKeys(t.deps.config)
    const latest = await t.deps.db
      .selectFrom('evidence_checkpoints')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .executeTakeFirstOrThrow()
    const forgedRoot = new Uint8Array(32).fill(7)
    await t.deps.db
      .updateTable('evidence_checkpoints')
      .set({
        note: signCheckpoint({ origin: keys.origin, size: Number(latest.tree_size), rootHash: forgedRoot }, [
          keys.signer,
        ]),
        root_hash: bytesToHex(forgedRoot),
      })
      .where('tree_size', '=', latest.tree_size)
      .execute()
    const alarm = await run('monitor', '--url', base, '--state', state, '--once')
    expect(alarm.code, alarm.out + alarm.err).toBe(2)
    expect(alarm.err).toContain('NOT consistent')
    const forked = await run('consistency', '--url', base, '--old', oldCheckpoint, '--vkey-file', vkeyFile)
    expect(forked.code).toBe(1)
    expect(forked.err).toContain('NOT consistent')
  })
})
