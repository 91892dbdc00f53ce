import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPair, parseSignerKey, verifyReceipt } from '../../../contracts/evidence/index.ts'
import { anonymousActor } from '../../kernel/access.ts'
import { makeWriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { createDeposit } from './deposits.service.ts'
import { integratePending, integratorOf } from './integrator.ts'
import { loadLogKeys } from './keys.ts'
import { multipart, type UploadFile } from './testing/multipart.ts'

const pdf = (text: string) => `%PDF-1.7\n${text}\n%%EOF\n`
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')

describe('evidence deposits', () => {
  let t: TestApp
  let dataDir: string
  let enterprise: Session
  let other: Session
  let clerk: Session
  let gusu: Session
  let kunshan: Session
  let caseId: string

  const deposit = (as: Session, fields: Record<string, string>, files: UploadFile[]) => {
    const body = multipart(fields, files)
    return t.request({ method: 'POST', url: '/api/evidence/deposits', as, ...body })
  }
  const integrate = async () => {
    await integratorOf(t.deps).idle()
    return integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config) })
  }
  const count = async (table: 'evidence_deposits' | 'evidence_files') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const blobFiles = () => {
    const dir = path.join(dataDir, 'blobs', 'sha256')
    return fs.existsSync(dir)
      ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 10)
      : []
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-evidence-'))
    t = await createTestApp({
      env: { DATA_DIR: dataDir, EVIDENCE_MAX_FILE_MB: '0.01', PUBLIC_URL: 'https://zhibao.example.cn' },
    })
    const db = t.deps.db
    // A second enterprise user, of another market entity.
    const template = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'enterprise')
      .executeTakeFirstOrThrow()
    const otherEntity = await db
      .selectFrom('entities')
      .select('id')
      .where('id', '!=', template.entity_id!)
      .executeTakeFirstOrThrow()
    const otherId = newId()
    await db
      .insertInto('users')
      .values({
        ...template,
        id: otherId,
        username: 'enterprise.other',
        email: 'o@demo.zhibao.invalid',
        phone: '13900000000',
        entity_id: otherEntity.id,
      })
      .execute()
    await db.insertInto('user_roles').values({ user_id: otherId, role: 'enterprise' }).execute()
    const gusuOrg = await db
      .selectFrom('organizations')
      .select('id')
      .where('code', '=', 'gusu')
      .executeTakeFirstOrThrow()
    caseId = newId()
    const now = new Date().toISOString()
    await db
      .insertInto('cases')
      .values({
        id: caseId,
        number: 'TS-2026-900001',
        type: 'complaint',
        state: 'received',
        district_id: gusuOrg.id,
        matter_id: null,
        title: '测试案件',
        data: '{}',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute()
    // The enterprise filed the case: it may link its evidence to it.
    await db
      .insertInto('case_submissions')
      .values({
        case_id: caseId,
        user_id: template.id,
        entity_id: template.entity_id,
        tracking_code: null,
        secret_hash: null,
        created_at: now,
      })
      .execute()
    enterprise = await t.login('enterprise')
    other = await t.login('enterprise.other')
    clerk = await t.login('clerk')
    gusu = await t.login('officer.gusu')
    kunshan = await t.login('officer.kunshan')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('accepts a deposit of several files as pending, integrates it, and its receipt verifies offline', async () => {
    const files = [
      { name: '网页截图.pdf', type: 'application/pdf', content: pdf('capture') },
      {
        name: 'note.txt',
        type: 'text/plain; charset=utf-8',
        content: '侵权链接 https://shop.example.com/1\n',
      },
    ]
    const response = await deposit(
      enterprise,
      {
        title: '某网店侵权页面',
        captureUrl: 'https://shop.example.com/1',
        capturedAt: '2026-11-20T08:00:00Z',
        caseId,
      },
      files,
    )
    expect(response.statusCode, response.body).toBe(201)
    const body = response.json()
    expect(body.status).toBe('pending')
    expect(body.files.map((f: { sha256: string }) => f.sha256)).toEqual(files.map((f) => sha(f.content)))
    expect(body.files[1].mediaType).toBe('text/plain')
    // The public log entry carries no personal data in clear.
    const row = await t.deps.db
      .selectFrom('evidence_deposits')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row.entry).not.toContain('enterprise')
    expect(row.entry).not.toContain('某网店')
    const early = await t.request({
      method: 'GET',
      url: `/api/evidence/deposits/${body.id}/receipt`,
      as: enterprise,
    })
    expect([200, 409]).toContain(early.statusCode)

    await integrate()
    const detail = (
      await t.request({ method: 'GET', url: `/api/evidence/deposits/${body.id}`, as: enterprise })
    ).json()
    expect(detail.status).toBe('integrated')
    const receiptResponse = await t.request({
      method: 'GET',
      url: `/api/evidence/deposits/${body.id}/receipt`,
      as: enterprise,
    })
    expect(receiptResponse.statusCode, receiptResponse.body).toBe(200)
    const receipt = receiptResponse.json()
    const vkeys = (await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body.trim().split('\n')
    const result = verifyReceipt({
      receipt,
      verifierKeys: vkeys,
      files: [new TextEncoder().encode(files[0]!.content)],
    })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    if (result.ok) {
      expect(result.origin).toBe('zhibao.example.cn/evidence')
      expect(result.index).toBe(detail.leafIndex)
      expect(result.files[0]!.blobIndex).toBe(0)
    }
    // Tampered file, receipt entry, and checkpoint each fail with their reason.
    expect(
      verifyReceipt({ receipt, verifierKeys: vkeys, files: [new TextEncoder().encode('other')] }),
    ).toMatchObject({ ok: false, reason: 'fileNotInEntry' })
    const entry = Buffer.from(receipt.entry, 'base64').toString().replace('"size":', '"size":1')
    expect(
      verifyReceipt({
        receipt: { ...receipt, entry: Buffer.from(entry).toString('base64') },
        verifierKeys: vkeys,
      }),
    ).toMatchObject({ ok: false })
    const badCheckpoint = receipt.checkpoint.replace(
      /\n(\d+)\n/,
      (_: string, n: string) => `\n${Number(n) + 1}\n`,
    )
    const tampered = {
      ...receipt,
      checkpoint: badCheckpoint,
      tlogProof: receipt.tlogProof.replace(receipt.checkpoint, badCheckpoint),
    }
    expect(verifyReceipt({ receipt: tampered, verifierKeys: vkeys })).toMatchObject({
      ok: false,
      reason: 'signature',
    })

    const pdfResponse = await t.request({
      method: 'GET',
      url: `/api/evidence/deposits/${body.id}/receipt.pdf`,
      as: enterprise,
    })
    expect(pdfResponse.statusCode).toBe(200)
    expect(pdfResponse.headers['content-type']).toBe('application/pdf')
    expect(pdfResponse.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses an oversized file (413) and a file whose bytes contradict its type (415), storing nothing', async () => {
    const before = {
      deposits: await count('evidence_deposits'),
      files: await count('evidence_files'),
      blobs: blobFiles().length,
    }
    const big = await deposit(enterprise, { title: '过大' }, [
      { name: 'ok.txt', type: 'text/plain', content: 'small and fine' },
      { name: 'big.pdf', type: 'application/pdf', content: pdf('x'.repeat(20_000)) },
    ])
    expect(big.statusCode, big.body).toBe(413)
    expect(big.headers['content-type']).toContain('application/problem+json')
    const fake = await deposit(enterprise, { title: '伪装' }, [
      { name: 'photo.png', type: 'image/png', content: 'MZ this is not a PNG' },
    ])
    expect(fake.statusCode, fake.body).toBe(415)
    expect(fake.json().code).toBe('evidence_media_type_mismatch')
    const exe = await deposit(enterprise, { title: '可执行' }, [
      { name: 'a.exe', type: 'application/x-msdownload', content: 'MZ' },
    ])
    expect(exe.statusCode).toBe(415)
    const noTitle = await deposit(enterprise, {}, [
      { name: 'a.txt', type: 'text/plain', content: 'no title' },
    ])
    expect(noTitle.statusCode).toBe(400)
    expect(await count('evidence_deposits')).toBe(before.deposits)
    expect(await count('evidence_files')).toBe(before.files)
    expect(blobFiles().length).toBe(before.blobs)
    const tmp = path.join(dataDir, 'blobs', 'tmp')
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([])
  })

  it('writes a linked deposit onto the case’s timeline, and refuses links by outsiders and staff who may not handle the case', async () => {
    const events = () =>
      t.deps.db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('event', '=', 'evidence.deposited')
        .orderBy('seq')
        .execute()
    const before = {
      deposits: await count('evidence_deposits'),
      blobs: blobFiles().length,
      events: (await events()).length,
    }
    const file = { name: 'link.pdf', type: 'application/pdf', content: pdf('linked evidence') }
    // An enterprise that neither filed the case nor is a party to it.
    const outsider = await deposit(other, { title: '他人案件', caseId }, [file])
    expect(outsider.statusCode, outsider.body).toBe(403)
    expect(outsider.json().code).toBe('evidence_case_link_forbidden')
    expect(outsider.json().title).toContain('提交人')
    // Staff who may read the case but not handle it (mediator), and a handler outside its district.
    for (const who of ['mediator', 'officer.kunshan']) {
      const staff = await deposit(await t.login(who), { title: '无权关联', caseId }, [file])
      expect(staff.statusCode, `${who}: ${staff.body}`).toBe(403)
      expect(staff.json().code).toBe('evidence_case_link_forbidden')
    }
    const missing = await deposit(enterprise, { title: '不存在', caseId: 'no-such-case' }, [file])
    expect(missing.statusCode).toBe(403)
    expect(await count('evidence_deposits')).toBe(before.deposits)
    expect(blobFiles().length).toBe(before.blobs)
    expect(await events()).toHaveLength(before.events)

    // The filer links: the case timeline gets the event in the deposit's transaction.
    const ok = await deposit(enterprise, { title: '补充证据', caseId }, [file])
    expect(ok.statusCode, ok.body).toBe(201)
    const after = await events()
    expect(after).toHaveLength(before.events + 1)
    const event = after.at(-1)!
    expect(event.actor_label).toBe('enterprise')
    expect(JSON.parse(event.data)).toMatchObject({
      depositId: ok.json().id,
      title: '补充证据',
      files: [{ sha256: sha(file.content), fileName: 'link.pdf' }],
    })
    // Gusu staff see it on the case page.
    const detail = await t.request({ method: 'GET', url: `/api/cases/${caseId}`, as: gusu })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().events.map((e: { event: string }) => e.event)).toContain('evidence.deposited')
  })

  it('links a matter on the same terms as one of its cases, and refuses anyone else', async () => {
    // The test case joins a matter of its own.
    const matterId = newId()
    const now = new Date().toISOString()
    await t.deps.db
      .insertInto('matters')
      .values({
        id: matterId,
        number: 'SZ-2026-900001',
        title: '测试事项',
        district_id: null,
        owner_entity_id: null,
        owner_user_id: null,
        respondent_uscc: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await t.deps.db.updateTable('cases').set({ matter_id: matterId }).where('id', '=', caseId).execute()
    const before = await count('evidence_deposits')
    const file = { name: 'm.pdf', type: 'application/pdf', content: pdf('matter evidence') }
    for (const [as, id] of [
      [other, matterId],
      [await t.login('officer.kunshan'), matterId],
      [enterprise, 'no-such-matter'],
    ] as const) {
      const refused = await deposit(as, { title: '事项', matterId: id }, [file])
      expect(refused.statusCode, refused.body).toBe(403)
      expect(refused.json().code).toBe('evidence_matter_link_forbidden')
    }
    expect(await count('evidence_deposits')).toBe(before)
    const ok = await deposit(enterprise, { title: '事项证据', matterId: matterId }, [file])
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().matterId).toBe(matterId)
  })

  it('stores identical bytes once, and lets only the depositor, its entity and case staff in scope read files, auditing every read', async () => {
    const content = pdf('shared contract')
    const a = (
      await deposit(enterprise, { title: '合同' }, [{ name: 'c.pdf', type: 'application/pdf', content }])
    ).json()
    const b = (
      await deposit(clerk, { title: '合同副本', caseId }, [
        { name: 'c.pdf', type: 'application/pdf', content },
      ])
    ).json()
    expect(blobFiles().filter((f) => String(f).endsWith(sha(content))).length).toBe(1)
    const url = (id: string) => `/api/evidence/deposits/${id}/files/${sha(content)}`

    const own = await t.request({ method: 'GET', url: url(a.id), as: enterprise })
    expect(own.statusCode).toBe(200)
    expect(own.body).toBe(content)
    expect((await t.request({ method: 'GET', url: url(a.id) })).statusCode).toBe(401)
    expect((await t.request({ method: 'GET', url: url(a.id), as: other })).statusCode).toBe(404)
    expect((await t.request({ method: 'GET', url: url(a.id), as: gusu })).statusCode).toBe(404)
    // b is linked to a Gusu case: Gusu staff and the city-level clerk read it, Kunshan staff do not.
    expect((await t.request({ method: 'GET', url: url(b.id), as: gusu })).statusCode).toBe(200)
    expect((await t.request({ method: 'GET', url: url(b.id), as: kunshan })).statusCode).toBe(404)
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_label', 'target_id'])
      .where('action', '=', 'evidence.file.read')
      .execute()
    expect(reads).toEqual(
      expect.arrayContaining([
        { actor_label: 'enterprise', target_id: a.id },
        { actor_label: 'officer.gusu', target_id: b.id },
      ]),
    )
    expect(
      reads.some((r) => r.actor_label === 'officer.kunshan' || r.actor_label === 'enterprise.other'),
    ).toBe(false)

    const list = (as: Session) =>
      t.request({ method: 'GET', url: '/api/evidence/deposits?pageSize=200', as }).then((r) => r.json())
    const ids = (l: { items: Array<{ id: string }> }) => l.items.map((i) => i.id)
    expect(ids(await list(enterprise))).toContain(a.id)
    expect(ids(await list(enterprise))).not.toContain(b.id)
    expect(ids(await list(other))).toEqual([])
    expect(ids(await list(gusu))).toContain(b.id)
    expect(ids(await list(gusu))).not.toContain(a.id)
    expect((await list(kunshan)).total).toBe(0)
    expect((await t.request({ method: 'GET', url: '/api/evidence/deposits' })).statusCode).toBe(401)
  })

  it('serves the checkpoint, vkey, tiles and consistency proofs to the public', async () => {
    await integrate()
    const checkpoint = await t.request({ method: 'GET', url: '/api/evidence/checkpoint' })
    expect(checkpoint.statusCode).toBe(200)
    expect(checkpoint.headers['content-type']).toContain('text/plain')
    const [origin, size] = checkpoint.body.split('\n')
    expect(origin).toBe('zhibao.example.cn/evidence')
    const n = Number(size)
    expect(n).toBeGreaterThanOrEqual(3)
    const proof = await t.request({ method: 'GET', url: `/api/evidence/proof/consistency?old=1&new=${n}` })
    expect(proof.statusCode, proof.body).toBe(200)
    expect(proof.json().proof.length).toBeGreaterThan(0)
    expect(
      (await t.request({ method: 'GET', url: `/api/evidence/proof/consistency?old=2&new=${n + 5}` }))
        .statusCode,
    ).toBe(400)
    const tile = await t.request({ method: 'GET', url: `/api/evidence/tile/0/000.p/${n}` })
    expect(tile.statusCode).toBe(200)
    expect(tile.rawPayload.length).toBe(32 * n)
    expect((await t.request({ method: 'GET', url: '/api/evidence/tile/0/000' })).statusCode).toBe(404)
    const bundle = await t.request({ method: 'GET', url: `/api/evidence/tile/entries/000.p/${n}` })
    expect(bundle.statusCode).toBe(200)
    expect(bundle.rawPayload.readUInt16BE(0)).toBeGreaterThan(100)
  })
})

describe('evidence log key rotation and the integration job', () => {
  it('integrates through the durable job, and keeps old receipts verifiable after a new signer key', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-evidence-rotate-'))
    const t = await createTestApp({ env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://log.example.cn' } })
    try {
      const enterprise = await t.login('enterprise')
      const body = multipart({ title: '旧密钥' }, [{ name: 'a.txt', type: 'text/plain', content: 'old key' }])
      const first = (
        await t.request({ method: 'POST', url: '/api/evidence/deposits', as: enterprise, ...body })
      ).json()
      await integratorOf(t.deps).idle()
      // The durable job (written with the deposit) runs; whichever ran first, the deposit is in the log.
      await t.deps.db
        .updateTable('jobs')
        .set({ run_at: new Date(0).toISOString() })
        .where('kind', '=', 'evidence.integrate')
        .execute()
      await t.jobs.runDue()
      const jobs = await t.deps.db
        .selectFrom('jobs')
        .select('status')
        .where('kind', '=', 'evidence.integrate')
        .execute()
      // Demo data (draw commitments) may have written integration jobs of its own: all ran.
      expect(jobs.length).toBeGreaterThan(0)
      expect(jobs.every((j) => j.status === 'done')).toBe(true)
      const oldReceipt = (
        await t.request({ method: 'GET', url: `/api/evidence/deposits/${first.id}/receipt`, as: enterprise })
      ).json()
      const oldVkey = (await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body.trim()

      // A second deposit is sequenced under a new signer key (rotation), same origin.
      const rotated = generateKeyPair('log.example.cn/evidence')
      const second = await t.deps.db
        .transaction()
        .execute((trx) =>
          createDeposit(
            makeWriteContext(trx, anonymousActor, new Date(), 'en', { ip: '::1', requestId: 'rotate' }),
            { title: '新密钥' },
            [{ sha256: sha('new key'), size: 7, mediaType: 'text/plain', fileName: 'b.txt' }],
          ),
        )
      const signer = parseSignerKey(rotated.signerKey)
      await integratePending(t.deps.db, { keys: { origin: signer.name, signer, retired: [] } })

      const vkeys = (await t.request({ method: 'GET', url: '/api/evidence/vkey' })).body.trim().split('\n')
      expect(vkeys).toEqual(expect.arrayContaining([oldVkey, rotated.verifierKey]))
      expect(verifyReceipt({ receipt: oldReceipt, verifierKeys: vkeys }).ok).toBe(true)
      const row = await t.deps.db
        .selectFrom('evidence_deposits')
        .select('leaf_index')
        .where('id', '=', second.id)
        .executeTakeFirstOrThrow()
      const firstRow = await t.deps.db
        .selectFrom('evidence_deposits')
        .select('leaf_index')
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow()
      // Demo data may add its own entries to the log; the second deposit comes after the first.
      expect(Number(row.leaf_index)).toBeGreaterThan(Number(firstRow.leaf_index))
      // A receipt for the first deposit now proves against the new checkpoint, signed by the new key.
      const fresh = (
        await t.request({ method: 'GET', url: `/api/evidence/deposits/${first.id}/receipt`, as: enterprise })
      ).json()
      const result = verifyReceipt({ receipt: fresh, verifierKeys: vkeys })
      expect(result.ok, JSON.stringify(result)).toBe(true)
      if (result.ok) expect(result.verifiedBy.map((k) => k.keyId)).toEqual([signer.keyId])
      expect(verifyReceipt({ receipt: fresh, verifierKeys: [oldVkey] })).toMatchObject({
        ok: false,
        reason: 'unknownKey',
      })
    } finally {
      await t.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
