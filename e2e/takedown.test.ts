import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../contracts/cases.ts'
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

// An e-commerce takedown (电商平台快速处置) from the right holder's notice through the center's
// opinion and forwarding to the seller's declaration, which starts the 15-day window (rules.md
// 7.10) shown with its due date, extended by working days for a delay (7.11). The server offers no
// way to move its clock, so the window's lapse itself is covered by the server tests
// (server/modules/cases/takedown.test.ts); here the window, its due date and its extension are.

/** Picks an option of an antd Select by its label (the list renders in a popup). */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click()
}

describe('takedown through its counter-declaration window', () => {
  let harness: Harness
  let page: Page
  const suffix = Math.random().toString(36).slice(2, 8)
  const listing = `https://shop.example.com/item/${suffix}`
  let caseNumber = ''
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('the enterprise submits a takedown notice on a phone and finds it under my cases', async () => {
    const ent = await harness.newPage({ viewport: { width: 390, height: 844 } })
    ent.on('pageerror', (e) => errors.push(e.message))
    await loginAs(ent, 'enterprise')
    await ent.waitForURL('**/account')
    await ent.goto('/services/takedown')
    await ent.getByRole('heading', { name: '电商平台快速处置', exact: true }).waitFor()
    await ent.getByLabel('权利人名称').fill(`苏州知保示范科技有限公司${suffix}`)
    await ent.getByLabel('联系电话').fill('13800001111')
    await ent.getByLabel('权利证书号或申请号').fill('G12345678')
    await ent.getByLabel('平台 1').fill('某电商平台')
    // A listing must be a web address: the shared schema says so before anything is sent.
    await ent.getByLabel('链接 1').fill('not a url')
    await ent.getByLabel('初步证据说明').fill('商标注册证及购买公证书，侵权商品与注册商标相同。')
    await ent.getByRole('button', { name: /提\s*交/ }).click()
    await ent.getByText('格式不正确').first().waitFor()
    await ent.getByLabel('链接 1').fill(listing)
    await ent.getByRole('button', { name: /提\s*交/ }).click()
    await ent.waitForURL('**/services/submitted')
    caseNumber = ((await ent.getByTestId('case-number').textContent()) ?? '').trim()
    expect(caseNumber).toMatch(/^DS-\d{4}-\d{6}$/)
    // A signed-in submitter follows the case under "my cases", not with a tracking secret.
    expect(await ent.getByTestId('tracking-secret').count()).toBe(0)
    await ent.getByRole('link', { name: '我的办件' }).click()
    await ent.waitForURL('**/services/mine')
    await ent.getByText(caseNumber).first().waitFor()
    await ent.getByText('通知已收到').first().waitFor()
  })

  it('the clerk issues the opinion, forwards it, and records the declaration: the 15-day window runs', async () => {
    page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.waitForURL('**/workbench')
    await page.getByRole('menuitem', { name: /(^|\s)案件$/ }).click()
    await page
      .getByRole('row')
      .filter({ hasText: caseNumber })
      .getByRole('link', { name: caseNumber })
      .click()
    await page.waitForURL('**/workbench/cases/*')
    const id = page.url().split('/').pop()!
    const server = async () => (await (await page.request.get(`/api/cases/${id}`)).json()) as CaseDetail
    const state = (text: string) => page.getByTestId('case-state').filter({ hasText: text }).waitFor()
    const dialog = page.getByRole('dialog')
    const confirm = async () => {
      await dialog.getByRole('button', { name: /确\s*定/ }).click()
      await dialog.waitFor({ state: 'hidden' })
    }

    await state('通知已收到')
    await page.getByRole('button', { name: '出具侵权判定咨询意见' }).click()
    // A required field left empty is named on the form; nothing is sent.
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await dialog.getByText('必填').first().waitFor()
    await choose(page, '判定结论', '可能构成侵权')
    await dialog.getByLabel('意见').fill('被诉商品使用与注册商标相同的标志，可能构成侵权。')
    await confirm()
    await state('已出具侵权判定咨询意见')

    await page.getByRole('button', { name: '转送平台处置' }).click()
    await dialog.getByText('确认执行“转送平台处置”？').waitFor()
    await confirm()
    await state('已转送平台')

    await page.getByRole('button', { name: '登记不侵权声明送达' }).click()
    await dialog.getByLabel('声明内容摘要').fill('卖家声明其商品来源合法，不构成侵权。')
    await confirm()
    await state('不侵权声明已送达')

    const c = await server()
    expect(c.state).toBe('declarationDelivered')
    const window = c.clocks.find((k) => k.ruleId === '7.10')!
    expect(window.status).toBe('running')
    const card = page.getByTestId('clock-7.10')
    await expect
      .poll(async () => (await card.getByTestId('clock-due').textContent())?.trim())
      .toBe(window.dueDate)
    await card.getByText(`${window.daysLeft} 天`).waitFor()
    // The window cannot be lifted by hand: only the timer does that (systemOnly), so no button.
    expect(c.actions.map((a) => a.name).sort()).toEqual(['recordComplaintOrSuit', 'withdraw'])
    expect(await page.getByRole('button', { name: '期满终止措施' }).count()).toBe(0)

    // The public calculator, 15 calendar days from the same start, gives the same due date.
    const calc = await harness.newPage({ viewport: { width: 390, height: 844 } })
    calc.on('pageerror', (e) => errors.push(e.message))
    await calc.goto('/deadline-calculator')
    await calc.getByLabel('起算日').fill(window.startDate)
    await calc.getByLabel('期间长度').fill('15')
    await choose(calc, '计算单位', '自然日')
    await calc.getByRole('button', { name: '计算到期日' }).click()
    await expect
      .poll(async () => (await calc.getByTestId('due-date').textContent())?.trim())
      .toBe(window.dueDate)
    await calc.getByText(`到期日：${window.dueDate}`).waitFor()
    expect(await calc.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    // A due date past the last loaded holiday schedule comes with the warning.
    const far = (await (await calc.request.get('/api/calendar/deadline?from=2030-06-03&days=10')).json()) as {
      due: string
      warnings: string[]
    }
    expect(far.warnings).toEqual(['beyondSchedule'])
    await calc.getByLabel('起算日').fill('2030-06-03')
    await calc.getByLabel('期间长度').fill('10')
    await choose(calc, '计算单位', '工作日')
    await calc.getByRole('button', { name: '计算到期日' }).click()
    await calc.getByText('到期日超出已公布的节假日安排', { exact: false }).waitFor()
    await expect.poll(async () => (await calc.getByTestId('due-date').textContent())?.trim()).toBe(far.due)
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await calc.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-deadline-calculator.png'), fullPage: true })
  })

  it('the clerk extends the window by working days for a notarization delay, with the reason shown', async () => {
    const before = (await (
      await page.request.get(`/api/cases/${page.url().split('/').pop()}`)
    ).json()) as CaseDetail
    const window = before.clocks.find((k) => k.ruleId === '7.10')!
    const card = page.getByTestId('clock-7.10')
    await card.getByRole('button', { name: '申请延长期限' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('延长天数（按规则的计算单位）').fill('5')
    await dialog.getByLabel('延长理由').fill('公证认证尚未完成')
    await dialog.getByRole('button', { name: '提交延长' }).click()
    await page.getByText('期限已延长').waitFor()
    const after = (await (await page.request.get(`/api/cases/${before.id}`)).json()) as CaseDetail
    const extended = after.clocks.find((k) => k.ruleId === '7.10')!
    expect(extended.dueDate > window.dueDate).toBe(true)
    await expect
      .poll(async () => (await card.getByTestId('clock-due').textContent())?.trim())
      .toBe(extended.dueDate)
    await card.getByText(`延长 5 个工作日：${window.dueDate} → ${extended.dueDate}`).waitFor()
    await card.getByText('公证认证尚未完成', { exact: false }).waitFor()

    // Beyond the 20 working days the rule allows: the server's localized error, nothing changed.
    await card.getByRole('button', { name: '申请延长期限' }).click()
    await dialog.getByLabel('延长天数（按规则的计算单位）').fill('16')
    await dialog.getByLabel('延长理由').fill('仍未完成')
    await dialog.getByRole('button', { name: '提交延长' }).click()
    await dialog.getByRole('alert').waitFor()
    expect(((await dialog.getByRole('alert').textContent()) ?? '').length).toBeGreaterThan(2)
    const still = (await (await page.request.get(`/api/cases/${before.id}`)).json()) as CaseDetail
    expect(still.clocks.find((k) => k.ruleId === '7.10')!.dueDate).toBe(extended.dueDate)
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-takedown-window.png'), fullPage: true })

    // The same page in English, on a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByText('English', { exact: true }).click()
    await page.getByTestId('case-state').filter({ hasText: 'declaration delivered' }).waitFor()
    await card.getByText('Due date').waitFor()
    await card.getByText(`Extended by 5 working days: ${window.dueDate} → ${extended.dueDate}`).waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-takedown-window-en.png'), fullPage: true })
    expect(errors).toEqual([])
  })
})
