import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

const axeSource = createRequire(import.meta.url)('axe-core').source as string

/** WCAG 2.1 A/AA violations axe-core finds on the page, one line each. */
async function axeViolations(page: Page): Promise<string> {
  await page.evaluate(axeSource)
  const violations: AxeResults['violations'] = await page.evaluate(
    async () =>
      (
        await (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        })
      ).violations,
  )
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')
}
const COURSE = '企业知识产权合规管理实务'

// The classroom's golden path: an enterprise registers for a demo session, the organizer records
// its attendance, and the enterprise downloads its certificate.
describe('IP classroom: register, attend, certificate', () => {
  let harness: Harness
  const errors: string[] = []
  let sessionPath = ''

  beforeAll(async () => {
    harness = await startHarness()
  }, 240_000)
  afterAll(async () => {
    await harness?.stop()
  })

  it('an enterprise user registers for an upcoming session from the portal', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'enterprise')
    await page.goto('/classroom')
    await page.getByRole('heading', { name: '知识产权课堂', level: 1 }).waitFor()
    expect(await page.title()).toContain('知识产权课堂')
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain('培训课程')
    await page.getByRole('link', { name: COURSE }).click()
    await page.waitForURL('**/classroom/sessions/**')
    sessionPath = new URL(page.url()).pathname
    await page.getByRole('heading', { name: COURSE, level: 1 }).waitFor()
    const seatsBefore = await page.getByTestId('seats-left').textContent()
    expect(seatsBefore).toContain('余 34 席')
    // A wrong mobile number is refused in the browser by the contract's own rule.
    await page.getByLabel('手机号').fill('1390000222')
    await page.getByTestId('register-submit').click()
    await page
      .getByText(/手机号/, { exact: false })
      .nth(1)
      .waitFor()
    await page.getByLabel('手机号').fill('13900002222')
    await page.getByLabel('单位').fill('苏州园区新材料股份有限公司')
    await page.getByTestId('register-submit').click()
    await page.getByText('报名成功').waitFor()
    await expect.poll(() => page.getByTestId('seats-left').textContent()).toContain('余 33 席')
    await page.screenshot({ path: `${SCREENSHOT_DIR}/classroom-registered.png` })
  })

  it('the organizer marks the enterprise as attended on the check-in list', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.goto('/workbench/classroom')
    await page.getByRole('heading', { name: '课程管理' }).waitFor()
    await page.goto(`/workbench${sessionPath}`)
    await page.getByRole('heading', { name: new RegExp(`签到 · ${COURSE}`) }).waitFor()
    // Names and phones are masked on the list.
    await page.getByRole('cell', { name: '139****2222' }).waitFor()
    await page.getByRole('checkbox', { name: '选择 冯**' }).check()
    await page.getByTestId('mark-attended').click()
    await page.getByText('已更新 1 条签到记录').waitFor()
    const row = page.getByRole('row', { name: /139\*\*\*\*2222/ })
    await row.getByText('已签到').waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/classroom-attendance.png` })
  })

  it('the enterprise downloads its certificate, a PDF naming the course and its verification number', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'enterprise')
    await page.goto('/classroom/mine')
    await page.getByRole('heading', { name: '我的报名与结业证书' }).waitFor()
    const link = page.getByRole('link', { name: `下载《${COURSE}》结业证书` })
    const downloading = page.waitForEvent('download')
    await link.click()
    const download = await downloading
    const file = (await download.path())!
    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).toContain('结业证书')
    expect(text).toContain(COURSE)
    const number = /KT\d{4}-[0-9A-Z]+/.exec(text)?.[0]
    expect(number).toBeDefined()

    // Anyone can verify the number on the classroom page.
    const visitor = await harness.newPage()
    await visitor.goto('/classroom')
    await visitor.getByLabel('证书编号').fill(number!)
    await visitor.getByTestId('verify-certificate').click()
    await visitor.getByText('证书有效').waitFor()
    await visitor.getByText('冯**').waitFor()
    expect(errors).toEqual([])
  })

  it('a member of the public registers without an account and cancels through the link with the access code', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(sessionPath)
    await page.getByText('未登录也可报名', { exact: false }).waitFor()
    await page.getByLabel('姓名').fill('陆明')
    await page.getByLabel('手机号').fill('13812345678')
    await page.getByTestId('register-submit').click()
    await page.getByText('报名成功').waitFor()
    await page.getByRole('link', { name: '查看我的报名（请收藏此链接）' }).click()
    await page.waitForURL('**/classroom/registrations/**')
    await page.getByRole('heading', { name: '我的报名', level: 1 }).waitFor()
    await page.getByText('已报名').waitFor()
    await page.getByRole('button', { name: /取消报名/ }).click()
    await page.getByRole('button', { name: /^(OK|确\s*定)$/ }).click()
    await page.getByText('已取消', { exact: true }).waitFor()
  })

  it('the public classroom and talent pages pass axe, and search leads to a course and a profile', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    for (const path of ['/classroom', '/talent', sessionPath]) {
      await page.goto(path)
      await page.locator('h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      const found = await axeViolations(page)
      if (found) console.log(found)
      expect(found, path).toBe('')
    }
    await page.goto('/talent')
    await page.getByLabel('类别', { exact: true }).click()
    await page.locator('.ant-select-item-option', { hasText: '预审员' }).click()
    await page.getByRole('link', { name: '周雅琴' }).waitFor()
    expect(await page.getByRole('link', { name: '沈立群' }).count()).toBe(0)

    await page.goto(`/search?q=${encodeURIComponent('合规管理')}`)
    await page.getByRole('link', { name: new RegExp(`^${COURSE}$`) }).click()
    await page.waitForURL('**/classroom/courses/**')
    await page.getByRole('heading', { name: COURSE, level: 1 }).waitFor()
    await page.goto(`/search?q=${encodeURIComponent('钱文静')}`)
    await page.getByRole('link', { name: /钱文静/ }).click()
    await page.waitForURL('**/talent/**')
    await page.getByRole('heading', { name: '钱文静', level: 1 }).waitFor()
    expect(errors).toEqual([])
  })
})
