import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUscc } from '../modules/identity/seed.ts'
import { createTestApp, type Session, type TestApp } from '../testing/harness.ts'
import { auditRowHash, verifyAuditChain } from './audit.ts'

describe('audit trail', () => {
  let t: TestApp
  let clerk: Session
  const db = () => t.database.db
  const auditCount = async () =>
    Number(
      (
        await db()
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const lastSeq = async () =>
    (
      await db()
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).seq

  beforeAll(async () => {
    t = await createTestApp()
    clerk = await t.login('clerk')
    // A few more records, so there is a middle to tamper with.
    for (const title of ['审计一', '审计二', '审计三']) {
      const r = await t.request({
        method: 'POST',
        url: '/api/articles',
        as: clerk,
        payload: { kind: 'news', title, body: '正文' },
      })
      expect(r.statusCode).toBe(201)
    }
  })
  afterAll(() => t.close())

  it('writes one audit record with the change, by the caller, in the same transaction', async () => {
    const before = await auditCount()
    const created = await t.request({
      method: 'POST',
      url: '/api/entities',
      as: clerk,
      payload: { uscc: demoUscc('91320508MA1AUD1T0'), name: '苏州审计测试有限公司' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const entity = created.json()
    expect(await auditCount()).toBe(before + 1)
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('target_type', '=', 'entity')
      .where('target_id', '=', entity.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ action: 'entity.create', actor_label: 'clerk', seq: await lastSeq() })
    expect(row.actor_id).toBe(
      (await t.request({ method: 'GET', url: '/api/auth/me', as: clerk })).json().user.id,
    )
    expect(row.request_id).toBeTruthy()
    expect(JSON.parse(row.after_json!)).toMatchObject({ id: entity.id, name: '苏州审计测试有限公司' })
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()
    expect(head).toMatchObject({ seq: row.seq, hash: row.hash })
  })

  it('verifies the chain', async () => {
    const result = await verifyAuditChain(db())
    expect(result).toMatchObject({ ok: true, rows: await auditCount() })
    // Small pages walk the same chain.
    expect(await verifyAuditChain(db(), 2)).toEqual(result)
  })

  it('detects an edited row by its hash, at that row', async () => {
    const target = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow()
    await db().updateTable('audit_log').set({ after_json: '{"forged":true}' }).where('seq', '=', 2).execute()
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: 2, problem: 'hash', rows: 1 })
    await db().updateTable('audit_log').set({ after_json: target.after_json }).where('seq', '=', 2).execute()
    expect((await verifyAuditChain(db())).ok).toBe(true)
  })

  it('detects a deleted middle row as a gap', async () => {
    const middle = Math.floor((await lastSeq()) / 2)
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', middle)
      .executeTakeFirstOrThrow()
    await db().deleteFrom('audit_log').where('seq', '=', middle).execute()
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: middle, problem: 'gap' })
    await db().insertInto('audit_log').values(row).execute()
    expect((await verifyAuditChain(db())).ok).toBe(true)
  })

  it('detects a deleted last row against the head', async () => {
    const last = await lastSeq()
    const row = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', last)
      .executeTakeFirstOrThrow()
    await db().deleteFrom('audit_log').where('seq', '=', last).execute()
    expect(await verifyAuditChain(db())).toMatchObject({
      ok: false,
      seq: last,
      problem: 'head',
      rows: last - 1,
    })
    await db().insertInto('audit_log').values(row).execute()
    expect((await verifyAuditChain(db())).ok).toBe(true)
  })

  it('detects an edited row whose hash the forger recomputed, at the next link', async () => {
    const row = await db().selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow()
    const forged = { ...row, actor_label: 'someone-else' }
    const { hash: _, ...fields } = forged
    await db()
      .updateTable('audit_log')
      .set({ actor_label: forged.actor_label, hash: auditRowHash(fields) })
      .where('seq', '=', 3)
      .execute()
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, seq: 4, problem: 'link' })
    await db()
      .updateTable('audit_log')
      .set({ actor_label: row.actor_label, hash: row.hash })
      .where('seq', '=', 3)
      .execute()
    expect((await verifyAuditChain(db())).ok).toBe(true)
  })

  it('writes nothing and changes nothing for a failed request', async () => {
    const audits = await auditCount()
    const head = await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()
    const entities = async () =>
      Number(
        (
          await db()
            .selectFrom('entities')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const entityCount = await entities()

    const invalid = await t.request({
      method: 'POST',
      url: '/api/entities',
      as: clerk,
      payload: { uscc: '91320508MA1AUD1T0X', name: '无效代码公司' },
    })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().code).toBe('validation_failed')
    const duplicate = await t.request({
      method: 'POST',
      url: '/api/entities',
      as: clerk,
      payload: { uscc: demoUscc('91320508MA1AUD1T0'), name: '重复代码公司' },
    })
    expect(duplicate.statusCode).toBe(409)

    expect(await auditCount()).toBe(audits)
    expect(await db().selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()).toEqual(head)
    expect(await entities()).toBe(entityCount)
    expect((await verifyAuditChain(db())).ok).toBe(true)
  })
})
