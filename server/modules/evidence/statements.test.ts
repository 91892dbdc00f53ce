import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  base64Decode,
  decodeStatement,
  EntryError,
  encodeStatement,
  verifyReceipt,
} from '../../../contracts/evidence/index.ts'
import { anonymousActor } from '../../kernel/access.ts'
import { makeWriteContext } from '../../kernel/http/context.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { createDeposit } from './deposits.service.ts'
import { appendStatement, getStatement, statementReceipt } from './index.ts'
import { integratePending } from './integrator.ts'
import { loadLogKeys } from './keys.ts'

const digest = 'ab'.repeat(32)

describe('evidence statements (non-file entries)', () => {
  let t: TestApp
  let dir: string
  let vkey: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-statements-'))
    t = await createTestApp({ demo: false, env: { DATA_DIR: dir } })
    vkey = loadLogKeys(t.deps.config).signer.verifierKey
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('encodes a statement canonically and rejects any other form', () => {
    const e = {
      v: 1 as const,
      type: 'zhibao.statement' as const,
      kind: 'inspection-commitment',
      digest,
      ref: 'draw/01JX',
      receivedAt: '2026-11-25T08:00:00.000Z',
    }
    const text = new TextDecoder().decode(encodeStatement(e))
    expect(text).toBe(
      `{"digest":"${digest}","kind":"inspection-commitment","receivedAt":"2026-11-25T08:00:00.000Z","ref":"draw/01JX","type":"zhibao.statement","v":1}`,
    )
    expect(decodeStatement(new TextEncoder().encode(text))).toEqual(e)
    for (const bad of [
      text.replace('"v":1', '"v":2'),
      text.replace(',"ref":"draw/01JX"', ',"ref":null'),
      text.replace('{"digest"', '{ "digest"'),
      text.replace(digest, digest.toUpperCase()),
      text
        .replace('"kind":"inspection-commitment","receivedAt"', '"receivedAt"')
        .replace('"ref"', '"kind":"inspection-commitment","ref"'),
    ]) {
      expect(() => decodeStatement(new TextEncoder().encode(bad)), bad).toThrow(EntryError)
    }
    expect(() => encodeStatement({ ...e, kind: 'Inspection' })).toThrow(EntryError)
    expect(() => encodeStatement({ ...e, ref: '张三' })).toThrow(EntryError)
  })

  it('appends inside the caller’s transaction: a rollback leaves neither entry nor job', async () => {
    const jobs = () =>
      t.deps.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'evidence.integrate')
        .execute()
        .then((r) => r.length)
    const before = await jobs()
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await appendStatement(trx, { kind: 'inspection-commitment', digest, ref: 'rolled-back' })
        throw new Error('caller fails')
      }),
    ).rejects.toThrow('caller fails')
    expect(await t.deps.db.selectFrom('evidence_statements').selectAll().execute()).toHaveLength(0)
    expect(await jobs()).toBe(before)
    await expect(
      t.deps.db
        .transaction()
        .execute((trx) => appendStatement(trx, { kind: 'inspection-commitment', digest: 'xyz' })),
    ).rejects.toMatchObject({ code: 'validation_failed' })
  })

  it('sequences statements with deposits in receipt order and gives a receipt anyone can verify', async () => {
    const at = (ms: number) => new Date(Date.UTC(2026, 10, 25, 8, 0, 0, ms))
    const actor = { ...anonymousActor, kind: 'token' as const, tokenId: 'statements' }
    const appended = await t.deps.db.transaction().execute(async (trx) => {
      const c = makeWriteContext(trx, actor, at(0), 'en', { ip: '::1', requestId: 'st' })
      await createDeposit(c, { title: 'first' }, [
        { sha256: '01'.repeat(32), size: 1, mediaType: 'image/png', fileName: 'a.png' },
      ])
      const s = await appendStatement(trx, {
        kind: 'inspection-commitment',
        digest,
        ref: 'draw-1',
        metadata: { taskCode: 'T-1' },
        now: at(1),
      })
      const c2 = makeWriteContext(trx, actor, at(2), 'en', { ip: '::1', requestId: 'st' })
      await createDeposit(c2, { title: 'third' }, [
        { sha256: '02'.repeat(32), size: 2, mediaType: 'image/png', fileName: 'b.png' },
      ])
      return s
    })
    expect((await getStatement(t.deps.db, appended.entryId)).status).toBe('pending')
    const pending = await t.request({
      method: 'GET',
      url: `/api/evidence/statements/${appended.entryId}/receipt`,
    })
    expect(pending.statusCode).toBe(409)
    expect(pending.json().code).toBe('evidence_not_integrated')

    expect(await integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config) })).toBe(3)
    const view = await getStatement(t.deps.db, appended.entryId)
    expect(view).toMatchObject({
      status: 'integrated',
      leafIndex: 1,
      kind: 'inspection-commitment',
      ref: 'draw-1',
    })

    // The public route serves the receipt without signing in; it verifies offline as a statement.
    const res = await t.request({
      method: 'GET',
      url: `/api/evidence/statements/${appended.entryId}/receipt`,
    })
    expect(res.statusCode).toBe(200)
    const receipt = res.json()
    expect(receipt).toEqual(await statementReceipt(t.deps.db, appended.entryId))
    const r = verifyReceipt({ receipt, verifierKeys: [vkey] })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.index).toBe(1)
    expect(r.treeSize).toBe(3)
    expect(r.leafHash).toBe(appended.leafHash)
    expect(r.entry).toEqual({
      v: 1,
      type: 'zhibao.statement',
      kind: 'inspection-commitment',
      digest,
      ref: 'draw-1',
      receivedAt: at(1).toISOString(),
    })
    expect(new TextDecoder().decode(base64Decode(receipt.entry)!)).toBe(appended.entry)
    expect(JSON.stringify(receipt)).not.toContain('T-1')
    // A statement lists no files: a file given to the verifier is not in it.
    expect(verifyReceipt({ receipt, verifierKeys: [vkey], files: [new Uint8Array([1])] })).toMatchObject({
      ok: false,
      reason: 'fileNotInEntry',
    })

    // The tlog-tiles entry bundle carries the statement at its index, between the two deposits.
    const bundle = await t.request({ method: 'GET', url: '/api/evidence/tile/entries/000.p/3' })
    expect(bundle.statusCode).toBe(200)
    const body = bundle.rawPayload
    const items: string[] = []
    for (let o = 0; o < body.length; ) {
      const n = body.readUInt16BE(o)
      items.push(body.subarray(o + 2, o + 2 + n).toString('utf8'))
      o += 2 + n
    }
    expect(items).toHaveLength(3)
    expect(items[1]).toBe(appended.entry)
    expect(items[0]).toContain('zhibao.deposit')
    expect(items[2]).toContain('zhibao.deposit')
  })

  it('answers 404 for an unknown statement', async () => {
    const res = await t.request({ method: 'GET', url: '/api/evidence/statements/nope/receipt' })
    expect(res.statusCode).toBe(404)
  })
})
