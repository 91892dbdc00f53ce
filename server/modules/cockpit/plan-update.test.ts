import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

type Plan = {
  id: string
  targets: { id: string; code: string; targetValue: number | null; currentValue: number | null }[]
  tasks: {
    id: string
    section: string
    milestones: { id: string; title: string; dueDate: string; completedOn: string | null }[]
  }[]
}

describe('re-importing a plan with the same code and document number updates it', () => {
  let t: TestApp
  let planner: Session
  let clerk: Session
  let leader: Session
  let file: Record<string, any>

  const plan = async () =>
    (await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })).json() as Plan
  const importFile = (payload: object) =>
    t.request({ method: 'POST', url: '/api/cockpit/plans', payload, as: planner })

  beforeAll(async () => {
    t = await createTestApp()
    planner = await t.login('planner')
    clerk = await t.login('clerk')
    leader = await t.login('leader')
    file = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83/export.json', as: leader })
    ).json()
    // The protection center reports T23 and the plan office accepts it; a milestone is completed.
    const before = await plan()
    const t23 = before.targets.find((x) => x.code === 'T23')!
    const report = await t.request({
      method: 'POST',
      url: '/api/cockpit/reports',
      as: clerk,
      payload: { targetId: t23.id, period: '2023-Q4', value: 90 },
    })
    expect(report.statusCode, report.body).toBe(200)
    const accepted = await t.request({
      method: 'POST',
      url: `/api/cockpit/reports/${report.json().id}/review`,
      as: planner,
      payload: { decision: 'accept' },
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const milestone = before.tasks[0]!.milestones[0]!
    const done = await t.request({
      method: 'POST',
      url: `/api/cockpit/milestones/${milestone.id}/complete`,
      as: planner,
      payload: { completedOn: '2023-05-01', note: '已印发' },
    })
    expect(done.statusCode, done.body).toBe(200)
  })
  afterAll(() => t.close())

  it('updates targets by code and tasks by section, adds new ones, and keeps reports and completions', async () => {
    const before = await plan()
    const changed = structuredClone(file)
    changed.targets.find((x: { code: string }) => x.code === 'T1').targetValue = 99
    changed.targets.push({
      ...changed.targets[0],
      code: 'T30',
      indicator: { zh: '新增指标', en: 'A new indicator' },
    })
    changed.tasks[0].milestones[0].standard = '印发并公开'
    changed.tasks[0].milestones[1].dueDate = '2026-12-31'
    changed.tasks[0].milestones.push({
      title: '新增节点',
      dueDate: '2026-06-30',
      standard: '验收',
      derived: true,
    })
    const r = await importFile(changed)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({
      planId: before.id,
      mode: 'updated',
      changes: { added: 1, updated: 39, removed: 0 },
    })
    const after = await plan()
    expect(
      (await t.request({ method: 'GET', url: '/api/cockpit/plans', as: leader })).json().items,
    ).toHaveLength(1)
    expect(after.targets).toHaveLength(30)
    const byCode = (p: Plan, code: string) => p.targets.find((x) => x.code === code)!
    expect(byCode(after, 'T1')).toMatchObject({ id: byCode(before, 'T1').id, targetValue: 99 })
    expect(byCode(after, 'T23')).toMatchObject({ id: byCode(before, 'T23').id, currentValue: 90 })
    const task = after.tasks[0]!
    expect(task.id).toBe(before.tasks[0]!.id)
    expect(task.milestones.map((m) => m.title)).toEqual([
      ...before.tasks[0]!.milestones.map((m) => m.title),
      '新增节点',
    ])
    expect(task.milestones[0]).toMatchObject({
      id: before.tasks[0]!.milestones[0]!.id,
      completedOn: '2023-05-01',
    })
    expect(task.milestones[1]!.dueDate).toBe('2026-12-31')
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'cockpit.plan.updated')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('refuses to drop a target that has reports or a completed milestone, and changes nothing', async () => {
    const before = await plan()
    const dropped = structuredClone(file)
    dropped.targets = dropped.targets.filter((x: { code: string }) => x.code !== 'T23')
    dropped.targets.find((x: { code: string }) => x.code === 'T1').targetValue = 1
    dropped.tasks[0].milestones.shift()
    const r = await importFile(dropped)
    expect(r.statusCode, r.body).toBe(409)
    expect(r.json().code).toBe('cockpit_plan_update_refused')
    expect(
      r
        .json()
        .errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)
        .sort(),
    ).toEqual([
      'targets.T23 target_has_reports',
      `tasks.${file.tasks[0].section}.milestones milestone_completed`,
    ])
    expect(await plan()).toEqual(before)
  })

  it('drops targets and tasks without reports or completions', async () => {
    const smaller = structuredClone(file)
    smaller.targets = smaller.targets.filter((x: { code: string }) => x.code !== 'T29')
    smaller.tasks = smaller.tasks.filter((x: { section: string }) => x.section !== '三(十)')
    const r = await importFile(smaller)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().changes).toMatchObject({ added: 0, removed: 3 })
    const after = await plan()
    expect(after.targets.map((x) => x.code)).not.toContain('T29')
    expect(after.targets.map((x) => x.code)).not.toContain('T30')
    expect(after.tasks.map((x) => x.section)).not.toContain('三(十)')
  })

  it('serves the empty plan template and a period template of the caller’s reported targets', async () => {
    const sheets = async (url: string, as: Session) => {
      const r = await t.request({ method: 'GET', url, as })
      expect(r.statusCode, r.body).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
      return book
    }
    const empty = await sheets('/api/cockpit/plan-template.xlsx', planner)
    expect(empty.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['方案', 1],
      ['目标', 1],
      ['任务', 1],
      ['节点', 1],
    ])
    const rows = async (as: Session) => {
      const book = await sheets('/api/cockpit/plans/suzhou-2022-83/reports/template.xlsx?period=2024-Q2', as)
      const sheet = book.getWorksheet('填报')!
      return sheet
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[])[1])
    }
    // The center reports T23 only; the plan office gets every reported quarterly target, none computed.
    expect(await rows(clerk)).toEqual(['T23'])
    const all = await rows(planner)
    expect(all).toContain('T23')
    expect(all).not.toContain('T13')
    const monthly = await t.request({
      method: 'GET',
      url: '/api/cockpit/plans/suzhou-2022-83/reports/template.xlsx?period=2024-13',
      as: planner,
    })
    expect(monthly.statusCode).toBe(400)
  })

  it('a milestone cannot be recorded as completed in the future', async () => {
    const m = (await plan()).tasks[1]!.milestones[0]!
    const r = await t.request({
      method: 'POST',
      url: `/api/cockpit/milestones/${m.id}/complete`,
      as: planner,
      payload: { completedOn: '2999-01-01', note: '提前' },
    })
    expect(r.statusCode).toBe(400)
    expect(r.json().code).toBe('cockpit_milestone_date_invalid')
    expect((await plan()).tasks[1]!.milestones[0]!.completedOn).toBeNull()
  })

  it('the same code under another document number is refused: a new version takes its own code', async () => {
    const revised = { ...structuredClone(file), documentNumber: '苏府〔2025〕1号' }
    const refused = await importFile(revised)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('cockpit_plan_exists')
    const version = await importFile({ ...revised, code: 'suzhou-2025-1' })
    expect(version.statusCode, version.body).toBe(200)
    expect(version.json().mode).toBe('created')
    expect(
      (await t.request({ method: 'GET', url: '/api/cockpit/plans', as: leader })).json().items,
    ).toHaveLength(2)
  })
})
