import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { blobStoreOf } from './deposits.service.ts'
import { collectOrphan, ORPHAN_GRACE_MS, ORPHAN_JOB, recordBlobIntents } from './orphans.ts'
import { multipart } from './testing/multipart.ts'

describe('evidence orphan blobs', () => {
  let t: TestApp
  let dir: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-orphans-'))
    t = await createTestApp({ env: { DATA_DIR: dir } })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /** What the deposit route does before its transaction; then the process "crashes". */
  async function storeWithoutDeposit(content: string, at: Date) {
    const store = blobStoreOf(t.deps.config)
    const staged = await store.stage(Readable.from([Buffer.from(content)]))
    await recordBlobIntents(t.deps.db, [staged.sha256], at)
    await staged.commit()
    return staged.sha256
  }
  const collect = (sha256: string, now: Date) =>
    t.deps.db
      .transaction()
      .execute((trx) => collectOrphan(trx, blobStoreOf(t.deps.config), sha256, now, t.deps.dialect))

  it('removes the blob of a deposit whose transaction never committed, after the grace period only', async () => {
    const at = new Date()
    const sha = await storeWithoutDeposit('%PDF-1.7\ncrashed deposit\n', at)
    const store = blobStoreOf(t.deps.config)
    expect(await store.has(sha)).toBe(true)
    const job = await t.deps.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', ORPHAN_JOB)
      .where('payload', 'like', `%${sha}%`)
      .executeTakeFirstOrThrow()
    expect(Date.parse(job.run_at)).toBe(at.getTime() + ORPHAN_GRACE_MS)

    expect(await collect(sha, new Date(at.getTime() + ORPHAN_GRACE_MS / 2))).toBe(false)
    expect(await store.has(sha)).toBe(true)
    expect(await collect(sha, new Date(at.getTime() + ORPHAN_GRACE_MS + 1000))).toBe(true)
    expect(await store.has(sha)).toBe(false)
    expect(
      await t.deps.db.selectFrom('evidence_blob_intents').selectAll().where('sha256', '=', sha).execute(),
    ).toEqual([])
  })

  it('keeps blobs that a deposit claimed, even when the same bytes were written again by a failed deposit', async () => {
    const enterprise = await t.login('enterprise')
    const content = '%PDF-1.7\nclaimed\n'
    const body = multipart({ title: '已存证' }, [{ name: 'c.pdf', type: 'application/pdf', content }])
    const created = await t.request({
      method: 'POST',
      url: '/api/evidence/deposits',
      as: enterprise,
      ...body,
    })
    expect(created.statusCode, created.body).toBe(201)
    const sha = created.json().files[0].sha256 as string
    // The deposit's transaction cleared its intent.
    expect(
      await t.deps.db.selectFrom('evidence_blob_intents').selectAll().where('sha256', '=', sha).execute(),
    ).toEqual([])
    const later = new Date(Date.now() + 3 * ORPHAN_GRACE_MS)
    // A second, failed deposit of identical bytes leaves an intent; the blob is still referenced.
    await storeWithoutDeposit(content, new Date())
    expect(await collect(sha, later)).toBe(false)
    expect(await blobStoreOf(t.deps.config).has(sha)).toBe(true)
  })

  it('runs as a durable job from the queue once due', async () => {
    const old = new Date(Date.now() - 2 * ORPHAN_GRACE_MS)
    const sha = await storeWithoutDeposit('%PDF-1.7\nold crash\n', old)
    await t.jobs.runDue()
    expect(await blobStoreOf(t.deps.config).has(sha)).toBe(false)
  })
})
