import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

// A how-to guide from the clerk's draft through the examiner's review to the public portal, where
// it is read (steps, links to ZhiBao's forms), found by search, and served with its own <title>.

const TITLE = '集成电路布图设计专有权纠纷处理办事指南'

describe('content: draft, review, publish, read and find a guide', () => {
  let harness: Harness
  let guideUrl = ''
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('the clerk drafts a guide and submits it for review', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await loginAs(page, 'clerk')
    await page.getByRole('menuitem', { name: '内容管理' }).click()
    await page.getByRole('heading', { name: '内容管理' }).waitFor()
    await page.getByTestId('content-new').click()
    await page.getByRole('heading', { name: '新建内容' }).waitFor()

    await page.getByLabel('类型', { exact: true }).click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '办事指南' })
      .click()
    await page.getByLabel('标题', { exact: true }).fill(TITLE)
    await page.getByLabel('摘要', { exact: true }).fill('布图设计权利人请求处理侵权纠纷的步骤和材料')
    await page.getByLabel('第 1 步', { exact: true }).fill('准备布图设计登记证书')
    await page.getByRole('button', { name: /添加步骤/ }).click()
    await page.getByLabel('第 2 步', { exact: true }).fill('在线提交投诉')
    await page.getByLabel('所需材料').fill('布图设计登记证书\n侵权比对说明')
    await page
      .getByLabel('正文', { exact: true })
      .fill('<p>适用于布图设计专有权纠纷。</p><script>alert(1)</script><img src=x onerror="alert(2)">')
    await page.getByTestId('content-save').click()
    await page.waitForURL(/\/workbench\/content\/[^/]+$/)
    await page.getByTestId('content-status').getByText('草稿').waitFor()
    // The body was cleaned on the server: the preview shows no script or handler.
    const body = await page.getByLabel('正文', { exact: true }).inputValue()
    expect(body).toContain('<p>适用于布图设计专有权纠纷。</p>')
    expect(body).not.toMatch(/script|onerror/)

    // Attachments: a file that is not what it claims is refused in the server's words; a PDF is kept.
    const upload = page.getByLabel('上传附件')
    await upload.setInputFiles({ name: '假文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ') })
    await page
      .getByRole('alert')
      .getByText(/附件仅支持 PDF/)
      .waitFor()
    await upload.setInputFiles({
      name: '布图设计登记表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n'),
    })
    await page.getByRole('link', { name: '布图设计登记表.pdf' }).waitFor()

    await page.getByTestId('content-submit').click()
    await page.getByTestId('content-status').getByText('待审核').waitFor()
    // Not reviewable by its author: the clerk has no review panel.
    expect(await page.getByTestId('content-approve').count()).toBe(0)
  })

  it('the examiner finds it in the review queue and publishes it', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await loginAs(page, 'examiner')
    await page.getByRole('menuitem', { name: '内容审核' }).click()
    await page.getByRole('heading', { name: '内容审核' }).waitFor()
    await page.getByRole('link', { name: TITLE }).click()
    await page.getByTestId('content-approve').click()
    await page.getByTestId('content-status').getByText('已发布').waitFor()
    await page.getByRole('link', { name: '在门户查看' }).click()
    await page.waitForURL('**/guides/**')
    guideUrl = new URL(page.url()).pathname
  })

  it('the public reads it, finds it by search, and a crawler sees its title without running scripts', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/guides')
    await page.getByRole('heading', { name: '办事指南', level: 1 }).waitFor()
    await page.getByRole('link', { name: TITLE }).click()
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor()
    await page.getByRole('listitem').filter({ hasText: '在线提交投诉' }).waitFor()
    expect(await page.title()).toBe(`${TITLE} · 办事指南 · 知保`)
    const attachment = page.getByRole('link', { name: '布图设计登记表.pdf' })
    const href = await attachment.getAttribute('href')
    expect((await fetch(`${harness.baseUrl}${href}`)).status).toBe(200)
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(
      '布图设计权利人请求处理侵权纠纷的步骤和材料',
    )

    // A demo guide links to the complaint form.
    await page.goto('/guides')
    await page.getByRole('link', { name: '知识产权侵权投诉办事指南' }).click()
    await page.getByRole('link', { name: '在线提交投诉' }).click()
    await page.waitForURL('**/services/complaint')

    await page.goto('/search')
    const box = page.getByRole('searchbox')
    await box.fill('布图设计')
    await box.press('Enter')
    await page.getByRole('link', { name: TITLE }).click()
    await page.waitForURL(`**${guideUrl}`)

    const html = await (await fetch(`${harness.baseUrl}${guideUrl}`)).text()
    expect(html).toContain(`<title>${TITLE} · 办事指南 · 知保</title>`)
    expect(html).toContain('<meta name="description" content="布图设计权利人请求处理侵权纠纷的步骤和材料" />')
    // The real web app's document (its script and styles), not a bare shell.
    expect(html).toContain('skip-link')
    expect(html).toMatch(/<script type="module"[^>]*src="[^"]+\.js"/)

    // The home page lists the news; a news item has its own page.
    await page.goto('/')
    await page.getByRole('link', { name: '知保平台上线运行：投诉举报、维权援助一网通办' }).click()
    await page.waitForURL('**/news/**')
    await page
      .getByRole('heading', { name: '知保平台上线运行：投诉举报、维权援助一网通办', level: 1 })
      .waitFor()

    // Policies filter by validity.
    await page.goto('/policies?validity=in_force')
    await page.getByRole('link', { name: '苏州市创建省知识产权保护示范区实施方案' }).click()
    await page.getByText('苏府〔2022〕83号').waitFor()

    // FAQ: grouped, each answer opens from the keyboard.
    await page.goto('/faq')
    await page.getByRole('heading', { name: '投诉举报', level: 2 }).waitFor()
    const question = page.getByRole('button', { name: /可以匿名举报吗/ })
    await question.focus()
    await page.keyboard.press('Enter')
    await page.getByText('匿名举报不留联系方式').waitFor()
    expect(errors).toEqual([])
  })
})
