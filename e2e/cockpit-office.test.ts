import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import suzhouPlan from '../plans/suzhou-2022-83.json' with { type: 'json' }
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

async function workbook(rows: Record<string, (string | number)[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const [name, values] of Object.entries(rows)) book.addWorksheet(name).addRows(values)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('the plan office imports plans and figures and records milestones; a unit answers a notice', () => {
  let harness: Harness
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  }, 240_000)
  afterAll(async () => {
    await harness?.stop()
  })

  it('a plan file with bad rows is refused and its errors are listed row by row', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'planner')
    await page.goto('/workbench')
    await page.getByRole('menuitem', { name: '方案管理' }).click()
    await page.waitForURL('**/cockpit/office')
    await page.getByRole('heading', { name: '方案管理' }).waitFor()
    await page.getByRole('cell', { name: '苏府〔2022〕83号' }).waitFor()
    // The shipped plan as Excel: row 4 of 目标 (T3) gets a kind that does not exist, row 3 of 节点 a bad date.
    const exported = await page.request.get('/api/cockpit/plans/suzhou-2022-83/export.xlsx')
    expect(exported.status()).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer)
    book.getWorksheet('方案')!.getRow(2).getCell(1).value = 'e2e-city-2025'
    book.getWorksheet('目标')!.getRow(4).getCell(6).value = 'vibes'
    book.getWorksheet('节点')!.getRow(3).getCell(3).value = 'soon'
    await page.locator('[data-testid="plan-import"] input[type="file"]').setInputFiles({
      name: 'bad-plan.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    })
    const table = page.getByTestId('plan-import-errors')
    await table.getByText('方案文件有误，未导入任何内容；请按错误清单逐行修改').waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-office-plan-errors.png`, fullPage: true })
    // One table row per bad cell: sheet, spreadsheet row, column, the problem in words.
    await table.locator('tr', { hasText: /目标\s*4\s*kind\s*取值不在允许范围内/ }).waitFor()
    await table.locator('tr', { hasText: /节点\s*3\s*dueDate\s*格式有误/ }).waitFor()
    // Nothing was imported.
    expect(await page.getByRole('cell', { name: 'e2e-city-2025' }).count()).toBe(0)
    // A JSON file: the shipped plan under another code imports as a second plan.
    const file = { ...structuredClone(suzhouPlan), code: 'e2e-city-2025', documentNumber: 'E2E〔2025〕1号' }
    await page.locator('[data-testid="plan-import"] input[type="file"]').setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    })
    await page.getByText(/已导入方案/).waitFor()
    await page.getByRole('cell', { name: 'E2E〔2025〕1号' }).waitFor()
    expect(await page.getByTestId('plan-import-errors').count()).toBe(0)
  })

  it('imports a whole period’s figures from Excel, all or nothing', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'planner')
    await page.goto('/cockpit/office')
    await page.getByRole('heading', { name: '方案管理' }).waitFor()
    const input = page.locator('[data-testid="period-import"] input[type="file"]')
    const header = ['目标编号', '期间', '区县', '数值', '说明']
    await input.setInputFiles({
      name: 'period-bad.xlsx',
      mimeType: XLSX,
      buffer: await workbook({
        填报: [header, ['T23', '2024-Q4', '', 88, '保护中心专业人才'], ['T99', '2024-Q4', '', 1, '']],
      }),
    })
    const table = page.getByTestId('period-import-errors')
    await table.locator('tr', { hasText: /填报\s*3\s*target\s*未知的目标编号/ }).waitFor()
    await input.setInputFiles({
      name: 'period.xlsx',
      mimeType: XLSX,
      buffer: await workbook({ 填报: [header, ['T23', '2024-Q4', '', 88, '保护中心专业人才']] }),
    })
    await page.getByText('已导入 1 条期间数据').waitFor()
    // The plan office's figures are accepted at once: the target shows them.
    const reports = await page.request.get('/api/cockpit/reports?period=2024-Q4&state=accepted')
    expect((await reports.json()).items).toMatchObject([{ targetCode: 'T23', value: 88 }])
  })

  it('records a milestone as done with its date and acceptance note, and shows it on time', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'planner')
    await page.goto('/cockpit/office')
    const task = suzhouPlan.tasks[0]!
    const milestone = task.milestones[0]!
    const label = `${task.section} ${milestone.title}`
    await page.getByRole('button', { name: `记录完成 ${label}` }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('完成日期').fill(milestone.dueDate)
    await dialog.getByRole('button', { name: /提\s*交/ }).click()
    await dialog.getByText('请填写验收情况').waitFor()
    await dialog.getByLabel('验收情况').fill('年度工作要点已经联席会议审议通过并印发')
    await dialog.getByRole('button', { name: /提\s*交/ }).click()
    await page.getByText('已记录完成').waitFor()
    const row = page.getByRole('row').filter({ hasText: milestone.title })
    await row.getByText('按期完成').waitFor()
    await row.getByText(`${milestone.dueDate} · 年度工作要点已经联席会议审议通过并印发`).waitFor()
    expect(await page.getByRole('button', { name: `记录完成 ${label}` }).count()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-office-milestone.png`, fullPage: true })
  })

  it('the plan office returns a unit’s figure for revision with a comment written in a form', async () => {
    const unit = await harness.newPage()
    unit.on('pageerror', (e) => errors.push(e.message))
    await loginAs(unit, 'clerk')
    await unit.goto('/cockpit/unit')
    await unit.getByRole('link', { name: 'T23', exact: true }).click()
    await unit.getByRole('heading', { name: /T23/ }).waitFor()
    const targetUrl = new URL(unit.url()).pathname
    await unit.getByLabel('数值').fill('70')
    await unit.getByRole('button', { name: '提交填报' }).click()
    await unit.getByRole('cell', { name: '待审核' }).waitFor()

    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'planner')
    await page.goto(targetUrl)
    await page.getByRole('button', { name: /^退回修改$/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: /^退回修改$/ }).click()
    await dialog.getByText('请填写退回意见').nth(1).waitFor()
    await dialog.getByLabel('请填写退回意见').fill('请补充人才名单')
    await dialog.getByRole('button', { name: /^退回修改$/ }).click()
    await page.getByRole('cell', { name: '已退回' }).waitFor()
    await page.getByRole('cell', { name: '请补充人才名单' }).waitFor()
  })

  it('a leader reads a computed target: its history by period and the records behind the figure', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'leader')
    await page.goto('/workbench')
    await page.getByRole('menuitem', { name: '方案总览' }).click()
    await page.waitForURL('**/cockpit/plan')
    await page.getByRole('link', { name: 'T13', exact: true }).click()
    await page.getByRole('heading', { name: /T13/ }).waitFor()
    await page.getByText('指标历史').waitFor()
    await page.getByText('数据明细').waitFor()
    await page.getByText(/^\d{4}-\d{2}：/).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-target-drilldown.png`, fullPage: true })
  })

  it('the court answers a supervision notice from its inbox; the plan office sees the response', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'judge')
    await page.goto('/workbench/inbox')
    await page
      .getByRole('link', { name: /督办通知：三\(五\)/ })
      .first()
      .click()
    await page.waitForURL('**/cockpit/notices/**')
    await page.getByText('市中级法院').first().waitFor()
    await page.getByTestId('notice-respond').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('答复内容').fill('证据保全模式已在全市法院推行，附实施细则')
    await dialog.getByRole('button', { name: /提\s*交/ }).click()
    await page
      .getByTestId('notice-event-response')
      .getByText('证据保全模式已在全市法院推行，附实施细则')
      .waitFor()
    await page.getByText('已答复').first().waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-notice-response.png`, fullPage: true })

    const office = await harness.newPage()
    office.on('pageerror', (e) => errors.push(e.message))
    await loginAs(office, 'planner')
    await office.goto('/workbench/inbox')
    await office
      .getByRole('link', { name: /督办答复：三\(五\)/ })
      .first()
      .click()
    await office.getByTestId('notice-close').click()
    const close = office.getByRole('dialog')
    await close.getByLabel('办结意见').fill('已落实，办结')
    await close.getByRole('button', { name: /提\s*交/ }).click()
    await office.getByTestId('notice-event-closed').waitFor()
    expect(errors).toEqual([])
  })
})
