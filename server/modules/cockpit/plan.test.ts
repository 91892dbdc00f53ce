import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planFileSchema } from '../../../contracts/cockpit.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { referenceOrganizations } from '../identity/reference-organizations.ts'
import { DEFAULT_PLAN } from './default-plan.ts'
import { multipart } from './multipart.ts'

describe('plans as data', () => {
  let t: TestApp
  let planner: Session
  let leader: Session
  let officer: Session

  beforeAll(async () => {
    t = await createTestApp()
    planner = await t.login('planner')
    leader = await t.login('leader')
    officer = await t.login('officer')
  })
  afterAll(() => t.close())

  const planCount = async () =>
    (await t.request({ method: 'GET', url: '/api/cockpit/plans', as: leader })).json().items.length

  it('ships the Suzhou plan: exactly the 29 targets and 10 tasks of targets.md, units from the org tree', async () => {
    const list = await t.request({ method: 'GET', url: '/api/cockpit/plans', as: leader })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items).toMatchObject([
      { code: 'suzhou-2022-83', documentNumber: '苏府〔2022〕83号', targetCount: 29, taskCount: 10 },
    ])
    const detail = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${list.json().items[0].id}`,
      as: leader,
    })
    expect(detail.statusCode, detail.body).toBe(200)
    const plan = detail.json()
    expect(plan.targets.map((x: { code: string }) => x.code)).toEqual(
      Array.from({ length: 29 }, (_, i) => `T${i + 1}`),
    )
    expect(plan.tasks.map((x: { section: string }) => x.section)).toEqual(
      ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => `三(${n})`),
    )
    const byCode = Object.fromEntries(plan.targets.map((x: { code: string }) => [x.code, x]))
    expect(byCode.T13).toMatchObject({
      targetValue: 90,
      comparator: 'moreThan',
      kind: 'ratio',
      computed: true,
      sourceAvailable: true,
    })
    expect(byCode.T11).toMatchObject({ targetValue: 400, computed: true, sourceAvailable: true })
    for (const code of ['T10', 'T17'])
      expect(byCode[code]).toMatchObject({ computed: true, sourceAvailable: false })
    expect(byCode.T9).toMatchObject({ kind: 'range', rangeMin: 2, rangeMax: 3 })
    expect(byCode.T26).toMatchObject({ kind: 'range', rangeMin: 3, rangeMax: 5 })
    expect(byCode.T4).toMatchObject({
      targetValue: 270000,
      responsibleUnit: 'copyright-city',
      computed: false,
    })
    expect(byCode.T5).toMatchObject({ targetValue: null, targetText: '位居全省前列', status: 'grey' })
    expect(byCode.T1.responsibleUnitName.zh).toBe('市市场监管局（知识产权局）')
    const codes = new Set(referenceOrganizations.map((o) => o.code))
    for (const task of DEFAULT_PLAN.tasks) {
      for (const unit of [task.leadUnit, ...task.coUnits]) expect(codes.has(unit), unit).toBe(true)
      expect(task.milestones.length).toBeGreaterThan(0)
      expect(task.milestones.every((m) => m.derived)).toBe(true)
    }
    for (const target of DEFAULT_PLAN.targets)
      expect(codes.has(target.responsibleUnit), target.code).toBe(true)
    expect(plan.tasks.find((x: { section: string }) => x.section === '三(五)').leadUnit).toBe('court-city')
  })

  it('exports the JSON format and imports it back as another plan (another city loads its own the same way)', async () => {
    const exported = await t.request({
      method: 'GET',
      url: '/api/cockpit/plans/suzhou-2022-83/export.json',
      as: leader,
    })
    expect(exported.statusCode).toBe(200)
    const file = { ...exported.json(), code: 'another-city-2024' }
    expect(planFileSchema.safeParse(file).success).toBe(true)
    const imported = await t.request({
      method: 'POST',
      url: '/api/cockpit/plans',
      payload: file,
      as: planner,
    })
    expect(imported.statusCode, imported.body).toBe(200)
    const again = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${imported.json().planId}`,
      as: leader,
    })
    expect(again.json().targets).toHaveLength(29)
    expect(again.json().tasks).toHaveLength(10)
    // The same code and document number again updates that plan (plan-update.test.ts).
    const twice = await t.request({ method: 'POST', url: '/api/cockpit/plans', payload: file, as: planner })
    expect(twice.json()).toMatchObject({ planId: imported.json().planId, mode: 'updated' })
  })

  it('rejects a bad JSON file with path-level errors and imports nothing; only the plan office imports', async () => {
    const before = await planCount()
    const file = structuredClone(DEFAULT_PLAN) as Record<string, any>
    file.code = 'bad-plan'
    file.targets[2].kind = 'vibes'
    file.targets[5].responsibleUnit = 'no-such-unit'
    file.tasks[1].milestones[0].dueDate = '2024/06/30'
    const response = await t.request({
      method: 'POST',
      url: '/api/cockpit/plans',
      payload: file,
      as: planner,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('cockpit_plan_file_invalid')
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['targets.2.kind', 'tasks.1.milestones.0.dueDate'])
    file.targets[2].kind = 'count'
    file.tasks[1].milestones[0].dueDate = '2024-06-30'
    const units = await t.request({ method: 'POST', url: '/api/cockpit/plans', payload: file, as: planner })
    expect(units.json().errors).toMatchObject([{ path: 'targets.5.responsibleUnit', code: 'unknown_unit' }])
    expect(await planCount()).toBe(before)
    const forbidden = await t.request({
      method: 'POST',
      url: '/api/cockpit/plans',
      payload: file,
      as: officer,
    })
    expect(forbidden.statusCode).toBe(403)
  })

  it('round-trips the Excel template; a bad sheet row is named, and nothing is imported', async () => {
    const xlsx = await t.request({
      method: 'GET',
      url: '/api/cockpit/plans/suzhou-2022-83/export.xlsx',
      as: leader,
    })
    expect(xlsx.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['方案', '目标', '任务', '节点'])
    workbook.getWorksheet('方案')!.getRow(2).getCell(1).value = 'excel-city-2024'
    const good = Buffer.from(await workbook.xlsx.writeBuffer())
    // Row 4 of 目标 is T3: make its kind invalid; row 3 of 节点 gets a bad date.
    workbook.getWorksheet('目标')!.getRow(4).getCell(6).value = 'vibes'
    workbook.getWorksheet('节点')!.getRow(3).getCell(3).value = 'soon'
    const bad = Buffer.from(await workbook.xlsx.writeBuffer())
    const before = await planCount()
    const rejected = await t.request({
      method: 'POST',
      url: '/api/cockpit/plans/import.xlsx',
      as: planner,
      ...multipart(bad),
    })
    expect(rejected.statusCode, rejected.body).toBe(400)
    expect(
      rejected
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['目标!4.kind', '节点!3.dueDate'])
    expect(await planCount()).toBe(before)
    const accepted = await t.request({
      method: 'POST',
      url: '/api/cockpit/plans/import.xlsx',
      as: planner,
      ...multipart(good),
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    const plan = (
      await t.request({ method: 'GET', url: `/api/cockpit/plans/${accepted.json().planId}`, as: leader })
    ).json()
    expect(plan.targets).toHaveLength(29)
    expect(plan.tasks).toHaveLength(10)
    expect(plan.tasks[0].milestones).toHaveLength(3)
  })
})
