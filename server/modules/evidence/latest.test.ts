import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyCommand } from '../../../cli/commands/verify.ts'
import { checkLatestConsistency, generateKeyPair, verifyReceipt } from '../../../contracts/evidence/index.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { integratePending } from './integrator.ts'
import { loadLogKeys } from './keys.ts'
import { appendStatement, statementReceipt } from './statements.service.ts'

// A receipt issued at tree size m stays checkable after the log grows: the log proves that the tree
// of size m is a prefix of its latest one (consistency proof), offline in code and online in the CLI.
describe('receipts against the latest checkpoint', () => {
  let t: TestApp
  let dir: string
  let base: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-latest-'))
    t = await createTestApp({ demo: false, env: { DATA_DIR: dir } })
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const address = t.app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const append = (n: number) =>
    t.deps.db.transaction().execute(async (trx) => {
      const ids: string[] = []
      for (let i = 0; i < n; i++)
        ids.push(
          (await appendStatement(trx, { kind: 'test', digest: i.toString(16).padStart(64, '0') })).entryId,
        )
      return ids
    })

  it('shows that an old receipt is still consistent with the latest checkpoint, and catches a forged one', async () => {
    const keys = loadLogKeys(t.deps.config)
    const [first] = await append(3)
    await integratePending(t.deps.db, { keys })
    const receipt = await statementReceipt(t.deps.db, first!)
    const verified = verifyReceipt({ receipt, verifierKeys: [keys.signer.verifierKey] })
    expect(verified.ok).toBe(true)
    if (!verified.ok) return
    // Demo data may have put entries into the log already.
    const m = verified.treeSize
    await append(10)
    await integratePending(t.deps.db, { keys, batchSize: 4 })

    const latest = (await t.request({ method: 'GET', url: '/api/evidence/checkpoint' })).body
    const proof = (
      await t.request({ method: 'GET', url: `/api/evidence/proof/consistency?old=${m}&new=${m + 10}` })
    ).json().proof
    const ok = checkLatestConsistency({
      receipt: verified,
      latest,
      verifierKeys: [keys.signer.verifierKey],
      proof,
    })
    expect(ok).toMatchObject({ ok: true, latestSize: m + 10 })
    const bad = [...proof]
    bad[0] = Buffer.alloc(32, 7).toString('base64')
    expect(
      checkLatestConsistency({
        receipt: verified,
        latest,
        verifierKeys: [keys.signer.verifierKey],
        proof: bad,
      }),
    ).toMatchObject({ ok: false, reason: 'inconsistent' })
    // A log that rewrote history cannot reuse the old root: another root at size m fails.
    expect(
      checkLatestConsistency({
        receipt: { ...verified, rootHash: '00'.repeat(32) },
        latest,
        verifierKeys: [keys.signer.verifierKey],
        proof,
      }),
    ).toMatchObject({ ok: false, reason: 'inconsistent' })
    // A latest checkpoint under another key is refused.
    expect(
      checkLatestConsistency({
        receipt: verified,
        latest,
        verifierKeys: [generateKeyPair(keys.origin).verifierKey],
        proof,
      }),
    ).toMatchObject({ ok: false, reason: 'checkpoint' })

    const file = path.join(dir, 'receipt.json')
    fs.writeFileSync(file, JSON.stringify(receipt))
    const out: string[] = []
    const err: string[] = []
    const code = await verifyCommand.run({
      args: [file, '--vkey', keys.signer.verifierKey, '--url', base],
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      config: () => t.deps.config,
    })
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out.join('\n')).toContain(`still consistent with the latest checkpoint (size ${m + 10}`)
  })
})
