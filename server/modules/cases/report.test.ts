import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../contracts/cases.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { assistanceType } from './assistance.workflow.ts'
import { complaintType } from './complaint.workflow.ts'
import { DEFAULT_DEADLINE_RULES } from './deadline-rules.ts'
import type { CaseTypeDeclaration, DeadlineEffects } from './engine/declaration.ts'
import { reportType } from './report.workflow.ts'
import { takedownType } from './takedown.workflow.ts'

const clock = fixedClock('2026-04-29T00:00:00.000Z')
const at = (iso: string) => clock.set(new Date(iso))

function report(districtId: string, named: boolean) {
  return {
    reporter: named ? { name: '王五', phone: '13800001111' } : null,
    respondent: { name: '苏州某某电子商行', address: '苏州市姑苏区十全街3号' },
    right: { kind: 'designPatent', number: 'ZL202330000000.1' },
    clue: '该商行销售仿冒外观设计专利的产品。',
    districtId,
  }
}

describe('declared procedures agree with the deadline rules', () => {
  it.each([complaintType, reportType, takedownType, assistanceType] as CaseTypeDeclaration[])(
    '$type',
    (declaration) => {
      const rules = new Map(DEFAULT_DEADLINE_RULES.map((r) => [r.ruleId, r]))
      const steps: { event: string; deadlines?: DeadlineEffects }[] = [
        declaration.intake,
        ...declaration.transitions,
      ]
      for (const step of steps) {
        const d = step.deadlines ?? {}
        for (const id of [...(d.start ?? []), ...(d.startIf ?? []).map((s) => s.rule)]) {
          expect(rules.get(id)!.startEvent, id).toBe(step.event)
        }
        for (const id of d.meet ?? []) expect(rules.get(id)!.meetEvents, id).toContain(step.event)
        for (const id of d.suspend ?? []) expect(rules.get(id)!.suspendEvents, id).toContain(step.event)
        for (const id of d.resume ?? []) expect(rules.get(id)!.resumeEvents, id).toContain(step.event)
      }
    },
  )
})

describe('report (举报) procedure', () => {
  let t: TestApp
  let gusuId: string
  let gusu: Session
  const detail = async (id: string) => {
    const response = await t.request({ method: 'GET', url: `/api/cases/${id}`, as: gusu })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as CaseDetail
  }
  const act = (id: string, transition: string, input: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: `/api/cases/${id}/transitions/${transition}`,
      as: gusu,
      payload: { input },
    })
  const submit = async (body: unknown) => {
    const response = await t.request({ method: 'POST', url: '/api/cases/reports', payload: body as object })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string; number: string }
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    gusu = await t.login('officer.gusu')
  })
  afterAll(() => t.close())

  it('verifies a named report in 15 working days, then tells the reporter within 5', async () => {
    at('2026-04-30T10:00:00+08:00')
    const { id, number } = await submit(report(gusuId, true))
    expect(number).toBe('JB-2026-000001')
    let c = await detail(id)
    // The title does not name the reporter (rules.md 5.13).
    expect(c.title).toBe('举报 苏州某某电子商行')
    // 5-01…5-05 Labour Day, 5-06…5-08 1–3, 5-09 (make-up Sat) 4, 5-11…5-15 9, 5-18…5-22 14, 5-25 15.
    expect(c.clocks).toMatchObject([{ ruleId: '5.14', dueDate: '2026-05-25', status: 'running' }])
    at('2026-05-20T10:00:00+08:00')
    c = (await act(id, 'docket', { note: '证据充分' })).json()
    expect(c).toMatchObject({ state: 'decided', data: { decision: 'docketed' } })
    // 5 working days from Wednesday 5-20: 5-21, 5-22, 5-25, 5-26, 5-27.
    expect(c.clocks.find((k) => k.ruleId === '5.11')).toMatchObject({
      status: 'running',
      dueDate: '2026-05-27',
    })
    const closeFirst = await act(id, 'close')
    expect(closeFirst.json()).toMatchObject({
      code: 'transition_guard_failed',
      detail: { reason: '须先告知实名举报人处理结果' },
    })
    c = (await act(id, 'informReporter')).json()
    expect(c.state).toBe('reporterInformed')
    expect(c.clocks.map((k) => [k.ruleId, k.status])).toEqual([
      ['5.14', 'met'],
      ['5.11', 'met'],
    ])
  })

  it('suspends verification while goods are tested; an anonymous report has no one to inform', async () => {
    at('2026-04-30T11:00:00+08:00')
    const { id } = await submit(report(gusuId, false))
    at('2026-05-11T10:00:00+08:00')
    expect((await act(id, 'startTesting')).json().clocks[0]).toMatchObject({ status: 'suspended' })
    expect((await act(id, 'docket')).json().code).toBe('transition_not_allowed_in_state')
    at('2026-05-18T10:00:00+08:00')
    let c = (await act(id, 'finishTesting')).json() as CaseDetail
    // Suspended 5-12…5-18: 5 working days; 5-25 + 5: 5-26…5-29, 6-01.
    expect(c.clocks[0]).toMatchObject({ status: 'running', dueDate: '2026-06-01' })
    c = (await act(id, 'decline', { reason: '不构成违法' })).json()
    expect(c).toMatchObject({ state: 'decided', data: { decision: 'declined', declineReason: '不构成违法' } })
    expect(c.clocks.map((k) => k.ruleId)).toEqual(['5.14'])
    expect((await act(id, 'informReporter')).json().code).toBe('transition_guard_failed')
    c = (await act(id, 'close')).json()
    expect(c.state).toBe('closed')
  })
})
