import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { nextDocumentNumber } from './documents.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')

function multipart(file: { name: string; type: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----zhibao${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  )
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

describe('documents: numbered notices as PDF, attachments by SHA-256', () => {
  let t: TestApp
  let gusuId: string
  let gusu: Session
  let enterprise: Session
  let dataDir: string
  const complaint = () => ({
    complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
    respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
    right: { kind: 'trademark', number: `${Math.random()}`.slice(2, 10) },
    request: '停止销售侵权商品',
    facts: '购买到假冒注册商标的商品。',
    districtId: gusuId,
  })
  const act = (id: string, transition: string, input: object = {}) =>
    t.request({
      method: 'POST',
      url: `/api/cases/${id}/transitions/${transition}`,
      as: gusu,
      payload: { input },
    })
  const documents = async (id: string, as?: Session) =>
    t.request({ method: 'GET', url: `/api/cases/${id}/documents`, ...(as ? { as } : {}) })

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-case-docs-'))
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720', DATA_DIR: dataDir } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    gusu = await t.login('officer.gusu')
    enterprise = await t.login('enterprise')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('issues numbered notices on acceptance and rejection; a refused step takes no number', async () => {
    const submit = () =>
      t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint(), as: enterprise })
    const a = (await submit()).json()
    const b = (await submit()).json()
    expect((await act(a.id, 'accept')).statusCode).toBe(200)
    expect((await act(b.id, 'reject', { ground: 'missingMaterials' })).statusCode).toBe(400)
    expect(
      (await act(b.id, 'reject', { ground: 'missingMaterials', reason: '缺少购买凭证' })).statusCode,
    ).toBe(200)
    const c = (await submit()).json()
    expect((await act(c.id, 'accept')).statusCode).toBe(200)

    const list = (await documents(a.id, enterprise)).json().items
    expect(list).toMatchObject([
      {
        source: 'notice',
        kind: 'acceptanceNotice',
        number: '苏姑知保受〔2026〕1号',
        title: '受理通知书',
        sha256: null,
      },
    ])
    expect((await documents(b.id, enterprise)).json().items[0].number).toBe('苏姑知保不受〔2026〕1号')
    expect((await documents(c.id, gusu)).json().items[0].number).toBe('苏姑知保受〔2026〕2号')

    // The submitter downloads the PDF, with the Chinese font embedded; then it is kept by SHA-256.
    const url = `/api/cases/${a.id}/documents/${list[0].id}/file`
    const pdf = await t.request({ method: 'GET', url, as: enterprise })
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.rawPayload.toString('latin1')).toContain('NotoSansSC')
    // Who read which notice is audited, as for the anonymous download.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_label', 'after_json'])
      .where('action', '=', 'case.document.read')
      .where('target_id', '=', list[0].id)
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0]!.actor_label).toBe('enterprise')
    expect(JSON.parse(reads[0]!.after_json!)).toMatchObject({ caseId: a.id, relation: 'submitter' })
    const sha = createHash('sha256').update(pdf.rawPayload).digest('hex')
    expect((await documents(a.id, gusu)).json().items[0].sha256).toBe(sha)
    const again = await t.request({ method: 'GET', url, as: gusu })
    expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(sha)
    // Not for the public, nor for another district's officer.
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401)
    const kunshan = await t.login('officer.kunshan')
    expect((await t.request({ method: 'GET', url, as: kunshan })).statusCode).toBe(404)
  })

  it('lets an anonymous submitter list and download the notices addressed to them, with the code and secret only', async () => {
    const submit = async () => {
      const r = await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint() })
      expect(r.statusCode, r.body).toBe(201)
      return r.json() as { id: string; tracking: { code: string; secret: string } }
    }
    const mine = await submit()
    const other = await submit()
    expect((await act(mine.id, 'accept')).statusCode).toBe(200)
    expect((await act(other.id, 'accept')).statusCode).toBe(200)
    // A staff-only attachment is not among what the submitter sees.
    const internal = await t.request({
      method: 'POST',
      url: `/api/cases/${mine.id}/attachments`,
      as: gusu,
      ...multipart({ name: 'note.txt', type: 'text/plain', bytes: Buffer.from('内部意见') }),
    })
    expect(internal.statusCode, internal.body).toBe(201)

    const tracked = await t.request({ method: 'POST', url: '/api/cases/track', payload: mine.tracking })
    expect(tracked.statusCode, tracked.body).toBe(200)
    const docs = tracked.json().documents as { id: string; kind: string; title: string }[]
    expect(docs).toMatchObject([{ kind: 'acceptanceNotice', title: '受理通知书' }])
    const download = (id: string, tracking: object) =>
      t.request({ method: 'POST', url: `/api/cases/track/documents/${id}/file`, payload: tracking })
    const pdf = await download(docs[0]!.id, mine.tracking)
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['cache-control']).toBe('no-store')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    // Another submission's code and secret, a wrong secret, or the internal file: nothing.
    const wrongCase = await download(docs[0]!.id, other.tracking)
    expect(wrongCase.statusCode).toBe(404)
    expect(wrongCase.json().code).toBe('document_not_found')
    const wrongSecret = await download(docs[0]!.id, {
      code: mine.tracking.code,
      secret: other.tracking.secret,
    })
    expect(wrongSecret.json().code).toBe('tracking_not_found')
    expect((await download(internal.json().id, mine.tracking)).statusCode).toBe(404)
    expect((await download(docs[0]!.id, { code: mine.tracking.code })).statusCode).toBe(400)
    // The one download that succeeded is on record; the refused ones left nothing.
    const downloads = await t.database.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'case.document.tracked')
      .where('target_id', 'in', [docs[0]!.id, internal.json().id])
      .execute()
    expect(downloads).toEqual([{ target_id: docs[0]!.id }])
  })

  it('gives a respondent enterprise the notices addressed to both sides only, and never a report', async () => {
    const entity = (await t.request({ method: 'GET', url: '/api/entities', as: enterprise })).json().items[0]
    const respondent = { name: entity.name, address: '苏州市姑苏区观前街2号', uscc: entity.uscc }
    const filed = await t.request({
      method: 'POST',
      url: '/api/cases/complaints',
      payload: {
        ...complaint(),
        complainant: { name: '周投诉人', phone: '13912340000', address: '苏州市姑苏区人民路9号' },
        respondent,
      },
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const { id } = filed.json()
    expect((await act(id, 'accept')).statusCode).toBe(200)
    expect((await act(id, 'terminateMediation', { reason: '被投诉人拒绝调解' })).statusCode).toBe(200)
    expect((await act(id, 'informParties')).statusCode).toBe(200)

    // The test clock stands still, so both notices carry one timestamp: order them by title.
    const all = ((await documents(id, gusu)).json().items as { id: string; title: string }[]).sort((x, y) =>
      x.title.localeCompare(y.title, 'zh'),
    )
    expect(all.map((d) => d.title)).toEqual(['受理通知书', '终止调解告知书'])
    const theirs = (await documents(id, enterprise)).json().items as { id: string; title: string }[]
    expect(theirs.map((d) => d.title)).toEqual(['终止调解告知书'])
    const file = (docId: string) =>
      t.request({ method: 'GET', url: `/api/cases/${id}/documents/${docId}/file`, as: enterprise })
    const pdf = await file(theirs[0]!.id)
    expect(pdf.statusCode, pdf.body).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    // The complainant's acceptance notice is not the respondent's, and a refused read leaves no record.
    const refused = await file(all[0]!.id)
    expect(refused.statusCode).toBe(404)
    expect(refused.json().code).toBe('document_not_found')
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['target_id', 'after_json'])
      .where('action', '=', 'case.document.read')
      .where(
        'target_id',
        'in',
        all.map((d) => d.id),
      )
      .execute()
    expect(reads.map((r) => r.target_id)).toEqual([theirs[0]!.id])
    expect(JSON.parse(reads[0]!.after_json!)).toMatchObject({ relation: 'respondent' })

    // A report about the enterprise is never shown to it, nor who reported it.
    const report = await t.request({
      method: 'POST',
      url: '/api/cases/reports',
      payload: {
        reporter: { name: '欧阳举报人', phone: '13800001111' },
        respondent,
        right: { kind: 'trademark', number: '55667788' },
        clue: '该公司销售假冒注册商标的商品。',
        districtId: gusuId,
      },
    })
    expect(report.statusCode, report.body).toBe(201)
    expect((await documents(report.json().id, enterprise)).statusCode).toBe(404)
    // "My cases" lists the complaint against it (steps, no submission) and not the report.
    const mine = await t.request({ method: 'GET', url: '/api/my/cases', as: enterprise })
    const items = mine.json().items as { id: string; role: string; submission?: object }[]
    expect(items.find((c) => c.id === id)).toMatchObject({ role: 'respondent', state: 'closed' })
    expect(items.find((c) => c.id === id)!.submission).toBeUndefined()
    expect(items.some((c) => c.id === report.json().id)).toBe(false)
    expect(items.filter((c) => c.role === 'submitter').length).toBeGreaterThan(0)
    expect(mine.body).not.toContain('欧阳举报人')
    expect(mine.body).not.toContain('周投诉人')
  })

  it('numbers gap-free: a rolled-back transaction gives its number back', async () => {
    const agency = { key: 'test-agency', prefix: '测' }
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        expect(await nextDocumentNumber(trx, agency, '告', 2026)).toBe('测告〔2026〕1号')
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const number = await t.database.db
      .transaction()
      .execute((trx) => nextDocumentNumber(trx, agency, '告', 2026))
    expect(number).toBe('测告〔2026〕1号')
  })

  it('takes attachments checked for type and size, stored by SHA-256; staff files stay internal', async () => {
    const { id } = (
      await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint(), as: enterprise })
    ).json()
    const url = `/api/cases/${id}/attachments`
    const bytes = Buffer.from('%PDF-1.4\n% evidence\n')
    const ok = await t.request({
      method: 'POST',
      url,
      as: enterprise,
      ...multipart({ name: '购买凭证.pdf', type: 'application/pdf', bytes }, { title: '购买凭证' }),
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json().sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    const lying = await t.request({
      method: 'POST',
      url,
      as: gusu,
      ...multipart({ name: 'photo.png', type: 'image/png', bytes: Buffer.from('not a picture') }),
    })
    expect(lying.statusCode).toBe(415)
    expect(lying.json().code).toBe('attachment_type_refused')
    const big = await t.request({
      method: 'POST',
      url,
      as: gusu,
      ...multipart({ name: 'big.txt', type: 'text/plain', bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61) }),
    })
    expect(big.statusCode).toBe(413)
    const internal = await t.request({
      method: 'POST',
      url,
      as: gusu,
      ...multipart({ name: '笔录.txt', type: 'text/plain', bytes: Buffer.from('询问笔录') }),
    })
    expect(internal.statusCode).toBe(201)
    const names = (await documents(id, gusu)).json().items.map((d: { fileName: string }) => d.fileName)
    expect(names.sort()).toEqual(['笔录.txt', '购买凭证.pdf'].sort())
    // The optional title field names the attachment; without it, the file name does.
    expect(
      (await documents(id, enterprise))
        .json()
        .items.map((d: { fileName: string; title: string }) => [d.fileName, d.title]),
    ).toEqual([['购买凭证.pdf', '购买凭证']])
    const titles = (await documents(id, gusu)).json().items.map((d: { title: string }) => d.title)
    expect(titles).toContain('笔录.txt')
    const file = await t.request({
      method: 'GET',
      url: `/api/cases/${id}/documents/${ok.json().id}/file`,
      as: gusu,
    })
    expect(file.rawPayload.equals(bytes)).toBe(true)
    const events = (await t.request({ method: 'GET', url: `/api/cases/${id}`, as: gusu })).json().events
    expect(events.filter((e: { event: string }) => e.event === 'document.attached')).toHaveLength(2)
  })
})
