import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { readTable } from '../../kernel/documents/tables.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { multipart } from './multipart.ts'

const clock = fixedClock('2025-04-10T02:00:00Z')

describe('unit reports and review', () => {
  let t: TestApp
  let clerk: Session // 保护中心: responsible for T23
  let officerGusu: Session // 姑苏区市场监管局: responsible for nothing
  let planner: Session
  let leader: Session
  let officer: Session // 市市场监管局: responsible for most targets
  let targets: Record<string, { id: string; currentValue: number | null; status: string }>
  let planId: string

  const plan = async () => {
    const r = await t.request({ method: 'GET', url: `/api/cockpit/plans/${planId}`, as: leader })
    return Object.fromEntries(r.json().targets.map((x: { code: string }) => [x.code, x]))
  }
  const report = (as: Session, payload: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/cockpit/reports', as, payload })

  beforeAll(async () => {
    t = await createTestApp({ clock })
    clerk = await t.login('clerk')
    officerGusu = await t.login('officer.gusu')
    planner = await t.login('planner')
    leader = await t.login('leader')
    officer = await t.login('officer')
    planId = (await t.request({ method: 'GET', url: '/api/cockpit/plans', as: leader })).json().items[0].id
    targets = await plan()
  })
  afterAll(() => t.close())

  it('a unit reports its own target; another unit may not; computed targets are not reported', async () => {
    const ok = await report(clerk, {
      targetId: targets.T23!.id,
      period: '2025-Q1',
      value: 80,
      narrative: '保护中心专业人才80人',
      attachments: [{ name: '花名册', ref: 'HR-2025-03' }],
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ state: 'submitted', unit: 'center', value: 80 })
    const other = await report(officerGusu, { targetId: targets.T23!.id, period: '2025-Q1', value: 1 })
    expect(other.statusCode).toBe(403)
    expect(other.json().code).toBe('cockpit_not_responsible_unit')
    const computed = await report(clerk, { targetId: targets.T11!.id, period: '2025-03', value: 1 })
    expect(computed.json().code).toBe('cockpit_target_computed')
    const monthly = await report(clerk, { targetId: targets.T23!.id, period: '2025-03', value: 1 })
    expect(monthly.json().code).toBe('cockpit_period_mismatch')
    const district = await report(clerk, {
      targetId: targets.T23!.id,
      period: '2025-Q1',
      district: 'gusu',
      value: 1,
    })
    expect(district.json().code).toBe('cockpit_district_mismatch')
  })

  it('the plan office returns with comments, the unit revises, the plan office accepts; the value counts', async () => {
    const mine = (await t.request({ method: 'GET', url: '/api/cockpit/reports', as: clerk })).json().items
    expect(mine).toHaveLength(1)
    const id = mine[0].id
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/cockpit/reports/${id}/review`,
          as: clerk,
          payload: { decision: 'accept' },
        })
      ).statusCode,
    ).toBe(403)
    const noComment = await t.request({
      method: 'POST',
      url: `/api/cockpit/reports/${id}/review`,
      as: planner,
      payload: { decision: 'return' },
    })
    expect(noComment.statusCode).toBe(400)
    const returned = await t.request({
      method: 'POST',
      url: `/api/cockpit/reports/${id}/review`,
      as: planner,
      payload: { decision: 'return', comment: '请附人员名单' },
    })
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请附人员名单' })
    expect((await plan()).T23.currentValue).toBeNull()
    const revised = await report(clerk, {
      targetId: targets.T23!.id,
      period: '2025-Q1',
      value: 82,
      narrative: '附名单',
    })
    expect(revised.json()).toMatchObject({ id, state: 'submitted', value: 82 })
    const accepted = await t.request({
      method: 'POST',
      url: `/api/cockpit/reports/${id}/review`,
      as: planner,
      payload: { decision: 'accept', version: revised.json().version },
    })
    expect(accepted.json().state).toBe('accepted')
    expect(
      (await report(clerk, { targetId: targets.T23!.id, period: '2025-Q1', value: 1 })).json().code,
    ).toBe('cockpit_report_not_editable')
    expect((await plan()).T23).toMatchObject({ currentValue: 82, currentPeriod: '2025-Q1', computed: false })
  })

  it('a unit sees only its own reports; a leader sees all', async () => {
    await report(officer, { targetId: targets.T1!.id, period: '2025-Q1', value: 20 })
    const all = (await t.request({ method: 'GET', url: '/api/cockpit/reports', as: leader })).json().items
    expect(all.map((r: { unit: string }) => r.unit).sort()).toEqual(['center', 'samr-city'])
    expect(
      (await t.request({ method: 'GET', url: '/api/cockpit/reports', as: clerk })).json().items,
    ).toHaveLength(1)
    expect(
      (await t.request({ method: 'GET', url: '/api/cockpit/reports', as: officerGusu })).json().items,
    ).toHaveLength(0)
  })

  it('imports a whole period from the Excel template, all or nothing, by district', async () => {
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('填报')
      ws.addRow(['目标编号', '期间', '区县', '数值', '说明'])
      for (const r of rows) ws.addRow(r)
      return Buffer.from(await wb.xlsx.writeBuffer())
    }
    const bad = await sheet([
      ['T2', '2025-Q1', 'gusu', 30, ''],
      ['T2', '2025-Q1', 'nowhere', 30, ''],
      ['T99', '2025-Q1', '', 1, ''],
      ['T3', '2025-Q1', '', 'many', ''],
    ])
    const rejected = await t.request({
      method: 'POST',
      url: `/api/cockpit/plans/${planId}/reports/import.xlsx`,
      as: planner,
      ...multipart(bad),
    })
    expect(rejected.statusCode, rejected.body).toBe(400)
    expect(rejected.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '填报!3.district',
      '填报!4.target',
      '填报!5.value',
    ])
    const before = (await t.request({ method: 'GET', url: '/api/cockpit/reports', as: leader })).json().items
      .length
    expect(before).toBe(2)
    const good = await sheet([
      ['T2', '2025-Q1', 'gusu', 30, ''],
      ['T2', '2025-Q1', 'kunshan', 70, ''],
      ['T3', '2025-Q1', '', 25.5, ''],
    ])
    const unitImport = await t.request({
      method: 'POST',
      url: `/api/cockpit/plans/${planId}/reports/import.xlsx`,
      as: clerk,
      ...multipart(good),
    })
    expect(unitImport.statusCode).toBe(400)
    const imported = await t.request({
      method: 'POST',
      url: `/api/cockpit/plans/${planId}/reports/import.xlsx`,
      as: planner,
      ...multipart(good),
    })
    expect(imported.json()).toEqual({ imported: 3 })
    const now = await plan()
    // T2 is cumulative and broken down by district: the districts sum to the city figure.
    expect(now.T2).toMatchObject({ currentValue: 100, currentPeriod: '2025-Q1' })
    expect(now.T3).toMatchObject({ currentValue: 25.5 })
    const t2 = (
      await t.request({ method: 'GET', url: `/api/cockpit/targets/${targets.T2!.id}`, as: leader })
    ).json()
    expect(
      t2.districts.map((d: { district: string; value: number }) => [d.district, d.value]).sort(),
    ).toEqual([
      ['gusu', 30],
      ['kunshan', 70],
    ])
    expect(t2.history.find((h: { period: string }) => h.period === '2025-Q1')).toMatchObject({ value: 100 })
  })

  it('shows a unit everything it owes, and renders the period report as PDF and Excel', async () => {
    const unit = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/units/center`,
      as: clerk,
    })
    expect(unit.statusCode, unit.body).toBe(200)
    expect(unit.json().targets.map((x: { code: string }) => x.code)).toEqual(['T10', 'T11', 'T23'])
    const json = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1`,
      as: leader,
    })
    expect(json.json().targets).toHaveLength(29)
    const t23 = json.json().targets.find((x: { code: string }) => x.code === 'T23')
    expect(t23).toMatchObject({ value: 82, responsibleUnit: '中国（苏州）知识产权保护中心' })
    const english = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1`,
      as: leader,
      headers: { 'accept-language': 'en' },
    })
    const t23en = english.json().targets.find((x: { code: string }) => x.code === 'T23')
    expect(t23en.indicator).not.toBe(t23.indicator)
    expect(t23en.indicator).not.toMatch(/\p{Script=Han}/u)
    expect(t23en.responsibleUnit).not.toMatch(/\p{Script=Han}/u)
    expect(english.json().plan.title).not.toMatch(/\p{Script=Han}/u)
    const pdf = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1&format=pdf`,
      as: leader,
    })
    expect(pdf.headers['content-type']).toBe('application/pdf')
    // The files are official documents: Chinese whatever the caller's language.
    const xlsxEn = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1&format=xlsx`,
      as: leader,
      headers: { 'accept-language': 'en' },
    })
    const rows = (await readTable(xlsxEn.rawPayload, 'xlsx')).rows
    expect(JSON.stringify(rows)).toContain('中国（苏州）知识产权保护中心')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const xlsx = await t.request({
      method: 'GET',
      url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1&format=xlsx`,
      as: leader,
    })
    expect(xlsx.statusCode).toBe(200)
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/cockpit/plans/${planId}/period-report?period=2025-Q1`,
          as: clerk,
        })
      ).statusCode,
    ).toBe(403)
  })
})
