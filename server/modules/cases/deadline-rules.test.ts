import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DeadlineRule } from '../../../contracts/cases.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { DEFAULT_DEADLINE_RULES, insertRuleVersion, ruleInForce } from './deadline-rules.ts'
import { PENALTY_DEADLINE_RULES } from './penalty.workflow.ts'

const clock = fixedClock('2026-03-02T01:00:00.000Z')

function definitionOf(rule: DeadlineRule) {
  const {
    ruleId: _r,
    version: _v,
    effectiveFrom: _e,
    unverified: _u,
    inForce: _i,
    note: _n,
    createdBy: _c,
    createdAt: _a,
    ...definition
  } = rule
  return definition
}

describe('deadline rules as data', () => {
  let t: TestApp
  let admin: Session
  let clerk: Session
  const list = async (as: Session) => {
    const response = await t.request({ method: 'GET', url: '/api/deadline-rules', as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json().items as DeadlineRule[]
  }

  beforeAll(async () => {
    t = await createTestApp({ clock })
    admin = await t.login('admin')
    clerk = await t.login('clerk')
  })
  afterAll(() => t.close())

  it('ships the 12315 and takedown defaults with their sources, for staff only', async () => {
    const rules = await list(clerk)
    const byId = new Map(rules.map((r) => [r.ruleId, r]))
    expect([...byId.keys()].sort()).toEqual(
      [...DEFAULT_DEADLINE_RULES, ...PENALTY_DEADLINE_RULES].map((r) => r.ruleId).sort(),
    )
    expect(byId.get('5.6')).toMatchObject({
      version: 1,
      dayType: 'working',
      length: 7,
      confidence: 'A',
      unverified: false,
      inForce: true,
      startEvent: 'complaint.received',
      meetEvents: ['complaint.accepted', 'complaint.rejected'],
    })
    expect(byId.get('5.6')!.source.article).toBe('第14条')
    expect(byId.get('5.9')).toMatchObject({ length: 45, dayType: 'working' })
    expect(byId.get('5.10')).toMatchObject({ length: 15, extension: { maxLength: 15, dayType: 'working' } })
    expect(byId.get('5.11')).toMatchObject({ length: 5, dayType: 'working' })
    expect(byId.get('7.10')).toMatchObject({
      length: 15,
      dayType: 'calendar',
      rollForward: true,
      extension: { maxLength: 20, dayType: 'working' },
    })
    expect((await t.request({ method: 'GET', url: '/api/deadline-rules' })).statusCode).toBe(401)
    const enterprise = await t.login('enterprise')
    expect((await t.request({ method: 'GET', url: '/api/deadline-rules', as: enterprise })).statusCode).toBe(
      403,
    )
  })

  it('lets only an administrator change a rule, and only as a new version from now on', async () => {
    const rule = (await list(admin)).find((r) => r.ruleId === '5.6')!
    const body = { ...definitionOf(rule), length: 10, note: 'test: a longer period' }
    const byClerk = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: clerk,
      payload: body,
    })
    expect(byClerk.statusCode).toBe(403)
    const past = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: admin,
      payload: { ...body, effectiveFrom: '2026-03-01T00:00:00Z' },
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().code).toBe('deadline_rule_effective_past')
    const unknown = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/9.99',
      as: admin,
      payload: body,
    })
    expect(unknown.statusCode).toBe(404)
    const bad = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: admin,
      payload: { ...body, length: -1, dayType: 'weeks' },
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.dayType', 'body.length'])
    expect((await list(admin)).filter((r) => r.ruleId === '5.6')).toHaveLength(1)

    const future = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: admin,
      payload: { ...body, effectiveFrom: '2026-04-01T00:00:00+08:00' },
    })
    expect(future.statusCode, future.body).toBe(200)
    expect(future.json()).toMatchObject({
      ruleId: '5.6',
      version: 2,
      length: 10,
      effectiveFrom: '2026-03-31T16:00:00.000Z',
      inForce: false,
    })
    const versions = (await list(admin)).filter((r) => r.ruleId === '5.6')
    expect(versions.map((v) => [v.version, v.inForce])).toEqual([
      [1, true],
      [2, false],
    ])
    // A clock starting before the effective date uses version 1, one starting after it version 2.
    expect((await ruleInForce(t.deps.db, '5.6', '2026-03-31T15:59:59.999Z'))!.length).toBe(7)
    expect((await ruleInForce(t.deps.db, '5.6', '2026-03-31T16:00:00.000Z'))!.length).toBe(10)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'deadlineRule.version.create')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.target_id).toBe('5.6')
  })

  it('flags a rule graded C or GAP as unverified', async () => {
    const rule = (await list(admin)).find((r) => r.ruleId === '5.12')!
    const response = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.12',
      as: admin,
      payload: { ...definitionOf(rule), confidence: 'C', note: 'source text not at hand' },
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ version: 2, unverified: true, inForce: true })
    const current = (await list(clerk)).filter((r) => r.ruleId === '5.12' && r.inForce)
    expect(current.map((r) => [r.version, r.unverified])).toEqual([[2, true]])
  })
})

describe('the rule version a new clock gets', () => {
  let t: TestApp
  let admin: Session
  const complaint = {
    complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
    respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
    right: { kind: 'trademark', number: '12345678' },
    request: '停止销售侵权商品',
    facts: '购买到假冒注册商标的商品。',
    districtId: null,
  }
  /** Submits a complaint and returns the version and due date of its acceptance clock. */
  const intake = async () => {
    const response = await t.request({ method: 'POST', url: '/api/cases/complaints', payload: complaint })
    expect(response.statusCode, response.body).toBe(201)
    return t.deps.db
      .selectFrom('clocks')
      .innerJoin('deadline_rules', 'deadline_rules.id', 'clocks.rule_version_id')
      .select(['deadline_rules.version', 'clocks.due_date'])
      .where('clocks.case_id', '=', response.json().id)
      .executeTakeFirstOrThrow()
  }

  beforeAll(async () => {
    t = await createTestApp({ clock })
    admin = await t.login('admin')
  })
  afterAll(() => t.close())

  it('is a change effective now from the very next complaint on, and never a change that rolled back', async () => {
    // Monday 2026-03-02: 7 working days end on Wednesday 03-11, 10 on Monday 03-16.
    expect(await intake()).toEqual({ version: 1, due_date: '2026-03-11' })
    const rule = (await t.request({ method: 'GET', url: '/api/deadline-rules', as: admin }))
      .json()
      .items.find((r: DeadlineRule) => r.ruleId === '5.6')
    const changed = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: admin,
      payload: { ...definitionOf(rule), length: 10, note: 'test: effective now' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(await intake()).toEqual({ version: 2, due_date: '2026-03-16' })

    // A version added in a transaction that rolls back: seen inside it, never after.
    const now = clock.now().toISOString()
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await insertRuleVersion(trx, {
          ruleId: '5.6',
          version: 3,
          effectiveFrom: now,
          definition: { ...definitionOf(rule), length: 12 },
          note: 'rolled back',
          createdBy: null,
          createdAt: now,
        })
        expect((await ruleInForce(trx, '5.6', now))!.version).toBe(3)
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect((await ruleInForce(t.deps.db, '5.6', now))!.version).toBe(2)
    expect(await intake()).toEqual({ version: 2, due_date: '2026-03-16' })
  })
})
