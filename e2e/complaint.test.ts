import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../contracts/cases.ts'
import { computeUsccCheckChar } from '../contracts/identifiers/index.ts'
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

// A complaint (投诉) from the public portal, on a phone, to acceptance by the clerk in the workbench;
// the due dates the pages show are the server's own.

describe('complaint from the portal to acceptance in the workbench', () => {
  let harness: Harness
  const suffix = Math.random().toString(36).slice(2, 8)
  const respondent = `苏州某某贸易有限公司${suffix}`
  let caseNumber = ''
  let tracking = { code: '', secret: '' }
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('the public submits a complaint on a phone, validated, and gets the numbers and a tracking secret', async () => {
    const page = await harness.newPage({ viewport: { width: 390, height: 844 } })
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/services')
    await page.getByRole('heading', { name: '办事服务' }).waitFor()
    await page.locator('a[href="/services/complaint"]').click()
    await page.getByRole('heading', { name: '投诉', exact: true }).waitFor()

    // The contract's Zod schema validates in the browser: a wrong phone number is named on its field.
    await page.getByLabel('姓名').fill('李四')
    await page.getByLabel('联系电话').fill('abc')
    await page.getByRole('button', { name: /提\s*交/ }).click()
    await page.getByText('格式不正确').first().waitFor()

    await page.getByLabel('联系电话').fill('13912345678')
    await page.getByLabel('地址', { exact: true }).fill('苏州市姑苏区人民路1号')
    await page.getByLabel('名称', { exact: true }).fill(respondent)
    await page.getByLabel('经营地址').fill('苏州市姑苏区观前街2号')
    await page.getByLabel('权利证书号或申请号').fill('12345678')
    await page.getByLabel('投诉请求').fill('停止销售侵权商品并赔偿')
    await page.getByLabel('事实和理由').fill('在被投诉人门店购买到假冒注册商标的商品。')
    await page.getByRole('button', { name: /提\s*交/ }).click()
    await page.waitForURL('**/services/submitted')
    caseNumber = ((await page.getByTestId('case-number').textContent()) ?? '').trim()
    expect(caseNumber).toMatch(/^TS-\d{4}-\d{6}$/)
    tracking = {
      code: ((await page.getByTestId('tracking-code').textContent()) ?? '').trim(),
      secret: ((await page.getByTestId('tracking-secret').textContent()) ?? '').trim(),
    }
    expect(tracking.code.length).toBeGreaterThan(3)
    await page.getByText('查询密码只显示这一次').waitFor()
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-complaint-submitted.png'), fullPage: true })
  })

  it('the clerk finds it in the case list, sees the 7-working-day clock as the server computed it, and accepts', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.waitForURL('**/workbench')
    await page.getByRole('menuitem', { name: /(^|\s)案件$/ }).click()
    await page.waitForURL('**/workbench/cases')
    const row = page.getByRole('row').filter({ hasText: caseNumber })
    await row.getByRole('link', { name: caseNumber }).click()
    await page.waitForURL('**/workbench/cases/*')
    const id = page.url().split('/').pop()!
    const server = async () => (await (await page.request.get(`/api/cases/${id}`)).json()) as CaseDetail

    const before = await server()
    const acceptance = before.clocks.find((c) => c.ruleId === '5.6')!
    expect(acceptance.status).toBe('running')
    const clock56 = page.getByTestId('clock-5.6')
    await expect.poll(() => clock56.getByTestId('clock-due').textContent()).toBe(acceptance.dueDate)
    await clock56.getByText('投诉受理或不予受理决定').first().waitFor()
    await page.getByTestId('case-state').filter({ hasText: '待受理' }).waitFor()
    // How it was computed: the calendar's steps, ending at the due date.
    await clock56.getByText(/计算过程/).click()
    await clock56.getByText(`到期日：${acceptance.dueDate}`).waitFor()

    await page.getByRole('button', { name: /^受\s*理$/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('备注（选填）').fill('材料齐全，予以受理')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await page.getByTestId('case-state').filter({ hasText: '已受理（调解中）' }).waitFor()
    await page.getByText('已执行：受理').waitFor()

    const after = await server()
    expect(after.state).toBe('accepted')
    expect(after.clocks.find((c) => c.ruleId === '5.6')!.status).toBe('met')
    const mediation = after.clocks.find((c) => c.ruleId === '5.9')!
    expect(mediation.status).toBe('running')
    await expect
      .poll(() => page.getByTestId('clock-5.9').getByTestId('clock-due').textContent())
      .toBe(mediation.dueDate)
    // The accepted step is on the timeline.
    await page.getByText('受理', { exact: true }).first().waitFor()
    await page.getByText('待受理 → 已受理（调解中）').waitFor()
    // The acceptance notice is listed and downloads as a numbered PDF.
    const notice = page.getByRole('link', { name: '受理通知书' })
    await notice.waitFor()
    const pdf = await page.request.get((await notice.getAttribute('href'))!)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-complaint-accepted.png'), fullPage: true })

    // The clerk records the respondent as a party by its USCC; a wrong check character is named first.
    const first17 = '91320508MA1E2E3F4'
    const uscc = first17 + computeUsccCheckChar(first17)
    await page.getByRole('button', { name: '添加当事人' }).click()
    const partyDialog = page.getByRole('dialog')
    await partyDialog.getByLabel('名称', { exact: true }).fill(respondent)
    await partyDialog.getByLabel('统一社会信用代码').fill(`${first17}${uscc[17] === '0' ? '1' : '0'}`)
    await partyDialog.getByRole('button', { name: /确\s*定/ }).click()
    await partyDialog.getByText('统一社会信用代码校验位错误').waitFor()
    await partyDialog.getByLabel('统一社会信用代码').fill(uscc)
    await partyDialog.getByRole('button', { name: /确\s*定/ }).click()
    await partyDialog.waitFor({ state: 'hidden' })
    await page.getByRole('row').filter({ hasText: uscc }).filter({ hasText: '被投诉人' }).waitFor()

    // Attachments: content that is not what the name says is refused in the server's words, a file over
    // 20 MB is refused before it is sent, and a real PDF is listed under the title given.
    const upload = page.getByTestId('attachment-upload').locator('input[type=file]')
    await upload.setInputFiles({
      name: '证据.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 this is not a PDF'),
    })
    await page.getByText('附件类型不被接受，或文件内容与声明的类型不符').waitFor()
    await upload.setInputFiles({
      name: '录像.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x25),
    })
    await page.getByText('附件超过大小限制（20 MB）').waitFor()
    await page.getByLabel('附件名称（选填，默认用文件名）').fill('购买凭证')
    await upload.setInputFiles({
      name: 'receipt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    })
    await page.getByRole('link', { name: '购买凭证' }).waitFor()
    await page.getByText('已上传：receipt.pdf').waitFor()

    // Assignment: the clerk picks the expert by name; after the respondent asks for the expert's
    // recusal, assigning again is refused with the reason, and the clerk grants the recusal.
    // The open dropdown's option: closed dropdowns stay in the page, hidden.
    const option = (text: string) =>
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text })
    const assignExpert = async () => {
      await page.getByTestId('assign-open').click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText('专家', { exact: true }).click()
      // Typed into the search box itself, not wherever the focus happens to be.
      await dialog.getByLabel('人员', { exact: true }).fill('郑')
      // The options are replaced when the search answers; a click on a replaced one selects
      // nothing and leaves the dropdown over the OK button (seen in CI): click until it closes.
      for (let attempt = 1; ; attempt++) {
        await option('郑技术调查官')
          .click({ timeout: 3000 })
          .catch(() => undefined)
        const closed = await page
          .locator('.ant-select-dropdown:visible')
          .waitFor({ state: 'hidden', timeout: 2000 })
          .then(
            () => true,
            () => false,
          )
        if (closed) break
        if (attempt === 3) throw new Error('the expert could not be chosen')
      }
      await dialog.getByRole('button', { name: /确\s*定/ }).click()
      return dialog
    }
    const assigned = await assignExpert()
    await assigned.waitFor({ state: 'hidden' })
    await page.getByTestId('assignments').getByText('郑技术调查官 · 专家').waitFor()
    await page.getByTestId('recusal-open').click()
    const recusalDialog = page.getByRole('dialog')
    await recusalDialog.getByLabel('回避人员').click()
    await option('郑技术调查官').click()
    await recusalDialog.getByLabel('申请人').click()
    await option(respondent).click()
    await recusalDialog.getByLabel('理由').fill('该专家曾为投诉人提供咨询')
    await recusalDialog.getByRole('button', { name: /确\s*定/ }).click()
    await recusalDialog.waitFor({ state: 'hidden' })
    await page.getByTestId('recusals').getByText('待决定').waitFor()
    const refused = await assignExpert()
    await refused.getByText('该人员与当事人有关联或已被申请回避，不能指派').waitFor()
    await refused.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByTestId('recusal-decide').click()
    const decision = page.getByRole('dialog')
    await decision.getByLabel('决定理由').fill('理由成立')
    await decision.getByRole('button', { name: /确\s*定/ }).click()
    await decision.waitFor({ state: 'hidden' })
    await page.getByTestId('recusals').getByText('准予回避').waitFor()
    await page.getByTestId('assignments').getByText('郑技术调查官 · 专家 (已回避)').waitFor()

    // The statistics count the complaint as received this year, in the clerk's scope.
    await page.getByRole('menuitem', { name: '案件统计' }).click()
    await page.waitForURL('**/workbench/case-statistics')
    await page.getByRole('heading', { name: '案件统计' }).waitFor()
    const complaints = page.getByRole('row').filter({ hasText: '投诉' }).first()
    await complaints.waitFor()
  })

  it('the complainant follows the complaint with the tracking code, in English too', async () => {
    const page = await harness.newPage({ viewport: { width: 390, height: 844 } })
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/services/track')
    await page.getByLabel('查询码').fill(tracking.code)
    await page.getByLabel('查询密码').fill(tracking.secret)
    await page.getByRole('button', { name: /查\s*询/ }).click()
    await page.getByText(caseNumber).first().waitFor()
    await page.getByText('已受理（调解中）').waitFor()
    // The acceptance notice addressed to the complainant downloads as a PDF, without signing in.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载受理通知书' }).click(),
    ])
    const saved = await download.path()
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-')

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Follow a submission' }).waitFor()
    await page.getByLabel('Tracking code').fill(tracking.code)
    await page.getByLabel('Tracking secret').fill('wrong-secret-123')
    await page.getByRole('button', { name: 'Look up' }).click()
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toMatch(/[A-Za-z]/)
    expect(errors).toEqual([])
  })
})
