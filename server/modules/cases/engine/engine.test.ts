import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { permissionsOf } from '../../../../contracts/access.ts'
import type { CaseDetail } from '../../../../contracts/cases.ts'
import type { Actor } from '../../../kernel/access.ts'
import { fixedClock } from '../../../kernel/clock.ts'
import { openDatabase } from '../../../kernel/db/connection.ts'
import { makeWriteContext } from '../../../kernel/http/context.ts'
import { JobRunner } from '../../../kernel/jobs.ts'
import { createTestApp, type Session, type TestApp } from '../../../testing/harness.ts'
import { casesModule } from '../index.ts'
import { type CaseTypeDeclaration, defineCaseType } from './declaration.ts'
import { openCase } from './engine.ts'

// A procedure declared for the test only: 5.6 runs from intake to acceptance; 5.9 from acceptance,
// suspended while goods are tested (rules.md 5.8: testing time not counted).
const testType = defineCaseType({
  type: 'engineTest',
  label: { zh: '引擎测试', en: 'Engine test' },
  numberPrefix: 'ET',
  states: {
    received: { zh: '已收到', en: 'Received' },
    accepted: { zh: '已受理', en: 'Accepted' },
    testing: { zh: '检测中', en: 'Testing' },
    rejected: { zh: '不予受理', en: 'Rejected', final: true },
    closed: { zh: '已结案', en: 'Closed', final: true },
  },
  initial: 'received',
  intake: { event: 'complaint.received', deadlines: { start: ['5.6'] } },
  transitions: [
    {
      name: 'accept',
      label: { zh: '受理', en: 'Accept' },
      from: ['received'],
      to: 'accepted',
      permission: 'case.handle',
      input: z.object({ note: z.string().min(1) }),
      event: 'complaint.accepted',
      deadlines: { meet: ['5.6'], start: ['5.9'] },
      data: (input: { note: string }) => ({ acceptNote: input.note }),
    },
    {
      name: 'reject',
      label: { zh: '不予受理', en: 'Reject' },
      from: ['received'],
      to: 'rejected',
      permission: 'case.handle',
      input: z.object({ reason: z.string().min(1) }),
      guards: [
        (c) =>
          (c.input as { reason: string }).reason === 'none'
            ? { zh: '须说明不予受理的理由', en: 'A reason is required' }
            : null,
      ],
      event: 'complaint.rejected',
      deadlines: { meet: ['5.6'] },
    },
    {
      name: 'startTesting',
      label: { zh: '送检', en: 'Send for testing' },
      from: ['accepted'],
      to: 'testing',
      permission: 'case.handle',
      event: 'complaint.testingStarted',
      deadlines: { suspend: ['5.9'] },
    },
    {
      name: 'finishTesting',
      label: { zh: '检测完成', en: 'Testing finished' },
      from: ['testing'],
      to: 'accepted',
      permission: 'case.handle',
      event: 'complaint.testingFinished',
      deadlines: { resume: ['5.9'] },
    },
    {
      name: 'close',
      label: { zh: '结案', en: 'Close' },
      from: ['accepted'],
      to: 'closed',
      permission: 'case.handle',
      roles: ['officer', 'clerk'],
      event: 'complaint.closed',
      deadlines: { meet: ['5.9'] },
    },
  ],
})

// A report-like procedure for the extension rules: 5.14 verification, extendable by a leader.
const verificationType = defineCaseType({
  type: 'engineTestVerification',
  label: { zh: '核查测试', en: 'Verification test' },
  numberPrefix: 'EV',
  states: {
    received: { zh: '核查中', en: 'Verifying' },
    decided: { zh: '已决定', en: 'Decided', final: true },
  },
  initial: 'received',
  intake: { event: 'report.received', deadlines: { start: ['5.14'] } },
  transitions: [
    {
      name: 'decide',
      label: { zh: '决定是否立案', en: 'Decide' },
      from: ['received'],
      to: 'decided',
      permission: 'case.handle',
      event: 'report.docketDecided',
      deadlines: { meet: ['5.14'] },
    },
  ],
})

/** 2026-02-12 10:00 in China. */
const clock = fixedClock('2026-02-12T02:00:00.000Z')

describe('workflow engine', () => {
  let t: TestApp
  let orgs: Map<string, { id: string; parentId: string | null }>
  let clerk: Session
  let examiner: Session
  let kunshan: Session
  let system: Actor

  const open = async (districtCode = 'gusu', type: CaseTypeDeclaration = testType) =>
    t.deps.db.transaction().execute((trx) =>
      openCase(
        makeWriteContext(trx, system, clock.now(), 'zh-CN', { ip: '127.0.0.1', requestId: 'test' }),
        type,
        {
          districtId: orgs.get(districtCode)!.id,
          title: '测试案件',
          data: { complainant: '张三' },
        },
      ),
    )
  const detail = async (id: string, as: Session = clerk) => {
    const response = await t.request({ method: 'GET', url: `/api/cases/${id}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as CaseDetail
  }
  const act = (id: string, transition: string, as: Session, body: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: `/api/cases/${id}/transitions/${transition}`, as, payload: body })
  // Sessions last long enough for the clock's moves (a few weeks, forward and back).
  const at = async (isoWithOffset: string) => clock.set(new Date(isoWithOffset))
  const auditCount = async (id: string) =>
    (await t.deps.db.selectFrom('audit_log').select('id').where('target_id', '=', id).execute()).length

  beforeAll(async () => {
    clock.set('2026-02-11T00:00:00Z')
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const list = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
      parentId: string | null
    }[]
    orgs = new Map(list.map((o) => [o.code, { id: o.id, parentId: o.parentId }]))
    clerk = await t.login('clerk')
    examiner = await t.login('examiner')
    kunshan = await t.login('officer.kunshan')
    system = {
      kind: 'user',
      userId: null,
      username: 'intake-test',
      displayName: null,
      roles: ['clerk'],
      permissions: permissionsOf(['clerk']),
      orgId: null,
      districtId: null,
      entityId: null,
    }
  })
  afterAll(() => t.close())

  it('opens a case with its number, timeline, audit and a 7-working-day clock over Spring Festival', async () => {
    await at('2026-02-12T10:00:00+08:00')
    const { id, number } = await open()
    expect(number).toMatch(/^ET-2026-\d{6}$/)
    const c = await detail(id)
    expect(c).toMatchObject({ state: 'received', stateLabel: { zh: '已收到' }, version: 1 })
    expect(c.events.map((e) => e.event)).toEqual(['complaint.received'])
    expect(c.clocks).toHaveLength(1)
    // 2-13 1, 2-14 (make-up Sat) 2, 2-15…2-23 holiday, 2-24…2-27 3–6, 2-28 (make-up Sat) 7.
    expect(c.clocks[0]).toMatchObject({
      ruleId: '5.6',
      ruleVersion: 1,
      status: 'running',
      startDate: '2026-02-12',
      dueDate: '2026-02-28',
      daysLeft: 7,
      unverified: false,
    })
    expect(c.clocks[0]!.computation.steps).toContainEqual({ kind: 'makeUpWorkday', date: '2026-02-14' })
    expect(c.actions.map((a) => a.name)).toEqual(['accept', 'reject'])
    expect(await auditCount(id)).toBe(1)
  })

  it('refuses an illegal transition, bad input, a stale version and another district, changing nothing', async () => {
    await at('2026-02-13T10:00:00+08:00')
    const { id } = await open()
    const before = await detail(id)
    const wrongState = await act(id, 'close', clerk, { headers: undefined })
    expect(wrongState.statusCode).toBe(409)
    expect(wrongState.json()).toMatchObject({
      code: 'transition_not_allowed_in_state',
      title: '案件当前状态下不能执行此操作',
    })
    const en = await t.request({
      method: 'POST',
      url: `/api/cases/${id}/transitions/close`,
      as: clerk,
      payload: {},
      headers: { 'accept-language': 'en' },
    })
    expect(en.json().title).toBe('This action is not possible in the case’s current state')
    const unknown = await act(id, 'teleport', clerk)
    expect(unknown.json().code).toBe('transition_unknown')
    const badInput = await act(id, 'accept', clerk, { input: { note: '' } })
    expect(badInput.statusCode).toBe(400)
    expect(badInput.json().errors[0].path).toBe('body.input.note')
    const guard = await act(id, 'reject', clerk, { input: { reason: 'none' } })
    expect(guard.statusCode).toBe(409)
    expect(guard.json()).toMatchObject({
      code: 'transition_guard_failed',
      detail: { reason: '须说明不予受理的理由' },
    })
    const stale = await act(id, 'accept', clerk, { input: { note: 'ok' }, version: 0 })
    expect(stale.json().code).toBe('case_version_conflict')
    const otherDistrict = await act(id, 'accept', kunshan, { input: { note: 'ok' } })
    expect(otherDistrict.statusCode).toBe(404)
    expect((await t.request({ method: 'GET', url: `/api/cases/${id}`, as: kunshan })).statusCode).toBe(404)
    const enterprise = await act(id, 'accept', await t.login('enterprise'), { input: { note: 'ok' } })
    expect(enterprise.statusCode).toBe(403)

    const after = await detail(id)
    expect(after).toEqual(before)
    expect(await auditCount(id)).toBe(1)
  })

  it('meets the intake clock on acceptance, starts the mediation clock, and stops it while suspended', async () => {
    await at('2026-02-12T10:00:00+08:00')
    const { id } = await open()
    await at('2026-02-24T15:00:00+08:00')
    const accepted = await act(id, 'accept', clerk, { input: { note: '材料齐全' }, version: 1 })
    expect(accepted.statusCode, accepted.body).toBe(200)
    let c = accepted.json() as CaseDetail
    expect(c).toMatchObject({
      state: 'accepted',
      version: 2,
      data: { complainant: '张三', acceptNote: '材料齐全' },
    })
    expect(c.events.map((e) => [e.event, e.fromState, e.toState])).toEqual([
      ['complaint.received', null, 'received'],
      ['complaint.accepted', 'received', 'accepted'],
    ])
    const intake = c.clocks.find((k) => k.ruleId === '5.6')!
    expect(intake).toMatchObject({ status: 'met', metAt: '2026-02-24T07:00:00.000Z', daysLeft: null })
    // 45 working days from 2-24: 2-25…2-28 4, March 22 → 26, 4-01…4-03 29, 4-06 Qingming, 4-07…4-28 → 45.
    expect(c.clocks.find((k) => k.ruleId === '5.9')).toMatchObject({
      status: 'running',
      dueDate: '2026-04-28',
    })
    expect(c.actions.map((a) => a.name)).toEqual(['startTesting', 'close'])
    // An examiner may handle cases but the declaration keeps closing to officers and clerks.
    expect((await detail(id, examiner)).actions.map((a) => a.name)).toEqual(['startTesting'])
    expect((await act(id, 'close', examiner)).json().code).toBe('transition_forbidden')

    await at('2026-03-02T09:00:00+08:00')
    c = (await act(id, 'startTesting', clerk)).json()
    expect(c.clocks.find((k) => k.ruleId === '5.9')).toMatchObject({ status: 'suspended', daysLeft: null })
    await at('2026-03-09T09:00:00+08:00')
    c = (await act(id, 'finishTesting', clerk)).json()
    // Suspended 3-03…3-09: 5 working days; 4-28 + 5: 4-29, 4-30, (5-01…5-05 Labour Day) 5-06, 5-07, 5-08.
    const mediation = c.clocks.find((k) => k.ruleId === '5.9')!
    expect(mediation).toMatchObject({ status: 'running', dueDate: '2026-05-08' })
    expect(mediation.suspensions).toEqual([
      { from: '2026-03-02', to: '2026-03-09', days: 5, unit: 'working' },
    ])
    await at('2026-03-10T09:00:00+08:00')
    c = (await act(id, 'close', clerk)).json()
    expect(c.state).toBe('closed')
    expect(c.clocks.every((k) => k.status === 'met')).toBe(true)
    expect(c.actions).toEqual([])
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'case.open',
      'case.accept',
      'case.startTesting',
      'case.finishTesting',
      'case.close',
    ])
    // The met clocks' pending reminders and escalations were cancelled.
    const pending = await t.deps.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('status', '=', 'pending')
      .where('payload', 'like', `%${c.clocks[0]!.id}%`)
      .execute()
    expect(pending).toEqual([])
  })

  it('reminds once before the due date and escalates an overdue clock once, also after a restart', async () => {
    await at('2026-02-12T10:00:00+08:00')
    const { id } = await open()
    const events = async () =>
      (await detail(id)).events.filter((e) => e.event.startsWith('deadline.')).map((e) => e.event)
    // Reminder 2 working days before 2-28: 2-26 at 09:00.
    await at('2026-02-26T08:59:00+08:00')
    await t.jobs.runDue()
    expect(await events()).toEqual([])
    await at('2026-02-26T09:00:00+08:00')
    await t.jobs.runDue()
    await t.jobs.runDue()
    expect(await events()).toEqual(['deadline.reminder'])

    // The overdue job is due at 3-01 00:00; a fresh runner (a restarted server) picks it up, once.
    await at('2026-03-01T00:00:00+08:00')
    const restarted = new JobRunner({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock,
      handlers: casesModule.jobs!(t.deps),
      workerId: 'restarted',
    })
    await restarted.runDue()
    await restarted.runDue()
    await t.jobs.runDue()
    const c = await detail(id)
    expect(c.events.filter((e) => e.event === 'deadline.overdue')).toHaveLength(1)
    const clock56 = c.clocks.find((k) => k.ruleId === '5.6')!
    expect(clock56).toMatchObject({ status: 'running', overdueAt: '2026-02-28T16:00:00.000Z', daysLeft: -1 })
    // rule 5.6 escalates to a leader one level up: from 姑苏区 to the city.
    expect(clock56.escalation).toEqual({ role: 'leader', level: 'parent', orgId: orgs.get('gusu')!.parentId })
  })
  it('extends a clock only as its rule allows: by whom and by how much in total', async () => {
    await at('2026-02-12T10:00:00+08:00')
    const { id } = await open('gusu', verificationType)
    let c = await detail(id)
    const k = c.clocks[0]!
    // 15 working days: 2-13 1, 2-14 (make-up) 2, 2-24…2-28 3–7, 3-02…3-06 8–12, 3-09…3-11 13–15.
    expect(k).toMatchObject({ ruleId: '5.14', dueDate: '2026-03-11', unverified: false })
    const extend = (as: Session, length: number) =>
      t.request({
        method: 'POST',
        url: `/api/cases/${id}/clocks/${k.id}/extensions`,
        as,
        payload: { length, reason: '案情复杂，经负责人批准延长' },
      })
    const byClerk = await extend(clerk, 5)
    expect(byClerk.statusCode).toBe(403)
    expect(byClerk.json().code).toBe('clock_extension_not_allowed')
    const leader = await t.login('leader')
    const first = await extend(leader, 10)
    expect(first.statusCode, first.body).toBe(200)
    // + 10 working days: 3-12, 3-13, 3-16…3-20, 3-23…3-25.
    expect(first.json().clocks[0]).toMatchObject({ dueDate: '2026-03-25' })
    const tooLong = await extend(leader, 6)
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json()).toMatchObject({
      code: 'clock_extension_exceeds',
      detail: { maxLength: 15, used: 10 },
    })
    c = (await extend(leader, 5)).json()
    expect(c.clocks[0]).toMatchObject({ dueDate: '2026-04-01' })
    expect(c.clocks[0]!.extensions).toHaveLength(2)
    expect(c.events.map((e) => e.event)).toEqual([
      'report.received',
      'deadline.extended',
      'deadline.extended',
    ])
    const overdueJobs = await t.deps.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status'])
      .where('dedupe_key', 'like', `clock:${k.id}:overdue:%`)
      .orderBy('dedupe_key')
      .execute()
    expect(overdueJobs.map((j) => [j.dedupe_key!.split(':').at(-1), j.status])).toEqual([
      ['2026-03-11', 'done'],
      ['2026-03-25', 'done'],
      ['2026-04-01', 'pending'],
    ])
    c = (
      await t.request({ method: 'POST', url: `/api/cases/${id}/transitions/decide`, as: clerk, payload: {} })
    ).json()
    expect((await extend(leader, 1)).json().code).toBe('clock_not_open')
  })

  it('fires a reminder once with two job runners sweeping at the same time', async () => {
    await at('2026-02-12T10:00:00+08:00')
    const { id } = await open()
    await at('2026-02-26T09:00:00+08:00')
    // A second server instance: its own connection pool on PostgreSQL (one database file on SQLite).
    const second =
      t.database.dialect === 'postgres'
        ? await openDatabase({
            url: process.env.DATABASE_URL,
            schema: (t.database as { schema?: string }).schema,
          })
        : null
    const runner = (db: typeof t.deps.db, workerId: string) =>
      new JobRunner({ db, dialect: t.deps.dialect, clock, handlers: casesModule.jobs!(t.deps), workerId })
    await Promise.all([
      runner(t.deps.db, 'a').runDue(),
      runner(second?.db ?? t.deps.db, 'b').runDue(),
      t.jobs.runDue(),
    ])
    await second?.close()
    const reminders = (await detail(id)).events.filter((e) => e.event === 'deadline.reminder')
    expect(reminders).toHaveLength(1)
  })
})

describe('effective-dated deadline rules', () => {
  const ruleClock = fixedClock('2026-02-12T02:00:00.000Z')
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock: ruleClock })
  })
  afterAll(() => t.close())

  it('applies a rule change only to clocks started on or after its effective date', async () => {
    const admin = await t.login('admin')
    const rule = (await t.request({ method: 'GET', url: '/api/deadline-rules', as: admin }))
      .json()
      .items.find((r: { ruleId: string }) => r.ruleId === '5.6')
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
    const changed = await t.request({
      method: 'PUT',
      url: '/api/deadline-rules/5.6',
      as: admin,
      payload: { ...definition, length: 10, note: 'test', effectiveFrom: '2026-02-20T00:00:00+08:00' },
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const actor: Actor = {
      kind: 'user',
      userId: null,
      username: 'intake-test',
      displayName: null,
      roles: ['clerk'],
      permissions: permissionsOf(['clerk']),
      orgId: null,
      districtId: null,
      entityId: null,
    }
    const openAt = (iso: string) => {
      ruleClock.set(new Date(iso))
      return t.deps.db.transaction().execute((trx) =>
        openCase(
          makeWriteContext(trx, actor, ruleClock.now(), 'zh-CN', { ip: '127.0.0.1', requestId: 'test' }),
          testType,
          {
            districtId: null,
            title: '规则版本测试',
            data: {},
          },
        ),
      )
    }
    const before = await openAt('2026-02-19T23:59:00+08:00')
    const after = await openAt('2026-02-24T09:00:00+08:00')
    const due = async (id: string) =>
      t.deps.db
        .selectFrom('clocks')
        .select(['due_date', 'computation'])
        .where('case_id', '=', id)
        .executeTakeFirstOrThrow()
    // Started 2-19 under version 1 (7 WD): 2-24…2-27 4, 2-28 (make-up Sat) 5, 3-02 6, 3-03 7.
    expect((await due(before.id)).due_date).toBe('2026-03-03')
    expect(JSON.parse((await due(before.id)).computation).ruleVersion).toBe(1)
    // Started 2-24 under version 2 (10 WD): 2-25…2-28 4, 3-02…3-06 9, 3-09 10.
    expect((await due(after.id)).due_date).toBe('2026-03-09')
    expect(JSON.parse((await due(after.id)).computation).ruleVersion).toBe(2)
  })
})

describe('deadlines beyond the loaded schedule', () => {
  const beyondClock = fixedClock('2026-12-21T02:00:00.000Z')
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ clock: beyondClock })
  })
  afterAll(() => t.close())

  it('are recomputed, once an administrator loads the next year, with the new holidays', async () => {
    const actor: Actor = {
      kind: 'user',
      userId: null,
      username: 'intake-test',
      displayName: null,
      roles: ['clerk'],
      permissions: permissionsOf(['clerk']),
      orgId: null,
      districtId: null,
      entityId: null,
    }
    // Monday 2026-12-21 + 15 working days: 12-22…12-31 8, 2027-01-01 (unknown: a weekday) 9,
    // 1-04…1-08 14, 1-11 15.
    const { id } = await t.deps.db
      .transaction()
      .execute((trx) =>
        openCase(
          makeWriteContext(trx, actor, beyondClock.now(), 'zh-CN', { ip: '127.0.0.1', requestId: 'test' }),
          verificationType,
          { districtId: null, title: '跨年核查', data: {} },
        ),
      )
    const clockRow = () =>
      t.deps.db.selectFrom('clocks').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow()
    let row = await clockRow()
    expect(row.due_date).toBe('2027-01-11')
    expect(JSON.parse(row.computation).warnings).toEqual(['beyondSchedule'])

    const admin = await t.login('admin')
    const loaded = await t.request({
      method: 'PUT',
      url: '/api/calendar/schedules/2027',
      as: admin,
      payload: {
        year: 2027,
        source: { title: '测试用2027年节假日安排', number: null, date: '2026-11-01' },
        holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
        makeUpWorkdays: [],
      },
    })
    expect(loaded.statusCode, loaded.body).toBe(200)
    await t.jobs.runDue()
    await t.jobs.runDue()
    // 1-01 is now a holiday: 12-22…12-31 8, 1-04…1-08 13, 1-11 14, 1-12 15.
    row = await clockRow()
    expect(row.due_date).toBe('2027-01-12')
    expect(JSON.parse(row.computation).warnings).toEqual([])
    const events = await t.deps.db
      .selectFrom('case_events')
      .select(['event', 'data'])
      .where('case_id', '=', id)
      .orderBy('seq')
      .execute()
    expect(events.map((e) => e.event)).toEqual(['report.received', 'deadline.recomputed'])
    expect(JSON.parse(events[1]!.data)).toMatchObject({
      from: '2027-01-11',
      to: '2027-01-12',
      scheduleYear: 2027,
    })
    const overdue = await t.deps.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status'])
      .where('dedupe_key', 'like', `clock:${row.id}:overdue:%`)
      .orderBy('dedupe_key')
      .execute()
    expect(overdue.map((j) => j.status)).toEqual(['done', 'pending'])
  })
})
