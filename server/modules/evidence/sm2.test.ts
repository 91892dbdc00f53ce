import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyCommand } from '../../../cli/commands/verify.ts'
import { generateKeyPair, openNote, parseNote, verifyReceipt } from '../../../contracts/evidence/index.ts'
import { generateSm2KeyPair, parseSm2VerifierKey } from '../../../contracts/evidence/sm2.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { integratePending, integratorOf } from './integrator.ts'
import { loadLogKeys } from './keys.ts'
import { multipart } from './testing/multipart.ts'

const origin = 'sm2.zhibao.example.cn/evidence'

describe('checkpoints with an SM2 (国密) second signature (EVIDENCE_SM2_KEY)', () => {
  let t: TestApp
  let dir: string
  const ed = generateKeyPair(origin)
  const sm = generateSm2KeyPair(origin)

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-sm2-log-'))
    t = await createTestApp({
      env: { DATA_DIR: dir, EVIDENCE_SIGNER_KEY: ed.signerKey, EVIDENCE_SM2_KEY: sm.signerKey },
    })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('signs every checkpoint with both keys; receipts verify with either key alone, also in the CLI', async () => {
    const empty = await t.request({ method: 'GET', url: '/api/evidence/checkpoint' })
    expect(parseNote(empty.body).signatures).toHaveLength(2)
    const vkey = await t.request({ method: 'GET', url: '/api/evidence/vkey/sm2' })
    expect(vkey.statusCode).toBe(200)
    expect(vkey.body.trim()).toBe(sm.verifierKey)
    // The standard vkey list stays Ed25519 only, so existing tools can read it.
    expect((await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body.trim()).toBe(ed.verifierKey)

    const enterprise = await t.login('enterprise')
    const body = multipart({ title: 'sm2' }, [{ name: 'a.txt', type: 'text/plain', content: 'sm2 evidence' }])
    const created = await t.request({
      method: 'POST',
      url: '/api/evidence/deposits',
      as: enterprise,
      ...body,
    })
    expect(created.statusCode, created.body).toBe(201)
    await integratorOf(t.deps).idle()
    await integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config) })
    const checkpoint = (await t.request({ method: 'GET', url: '/api/evidence/checkpoint' })).body
    const lines = parseNote(checkpoint).signatures
    expect(lines.map((s) => s.name)).toEqual([origin, origin])
    expect(openNote(checkpoint, [parseSm2VerifierKey(sm.verifierKey)])).toMatchObject({ ok: true })
    const receipt = (
      await t.request({
        method: 'GET',
        url: `/api/evidence/deposits/${created.json().id}/receipt`,
        as: enterprise,
      })
    ).json()
    expect(verifyReceipt({ receipt, verifierKeys: [ed.verifierKey] }).ok).toBe(true)
    const bySm2 = verifyReceipt({ receipt, verifierKeys: [parseSm2VerifierKey(sm.verifierKey)] })
    expect(bySm2.ok && bySm2.verifiedBy[0]!.type).toBe(0xff)

    const file = path.join(dir, 'receipt.json')
    fs.writeFileSync(file, JSON.stringify(receipt))
    const out: string[] = []
    const err: string[] = []
    const code = await verifyCommand.run({
      args: [file, '--vkey', sm.verifierKey],
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
    } as never)
    expect(err).toEqual([])
    expect(code).toBe(0)
    expect(out.join('\n')).toContain(`${origin}+${parseSm2VerifierKey(sm.verifierKey).keyId}`)
  })
})
