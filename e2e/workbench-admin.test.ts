import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

/**
 * Picks an option of an antd Select or TreeSelect, whose list renders in a popup. Retries when a
 * click lands while the popup animates (seen on a loaded machine), and checks the choice took.
 */
async function choose(page: Page, label: string, option: string, search?: string) {
  const item = page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) })
  // The popup renders at the end of <body>, so the form item shows the option's text only once chosen.
  const chosen = item.filter({ hasText: option })
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await page.getByLabel(label, { exact: true }).click()
    // Long lists are virtualised: narrow them by typing first.
    if (search) await page.keyboard.type(search)
    await page
      .locator('.ant-select-dropdown:visible')
      .locator('.ant-select-item-option, .ant-select-tree-treenode')
      .filter({ hasText: option })
      .first()
      .click()
    // A multiple select stays open; a click outside closes it (Escape would also close the drawer).
    const open = page.locator('.ant-select-dropdown:visible')
    if (await open.count())
      await page.locator('.ant-drawer-title:visible, .ant-modal-title:visible').first().click()
    await open.waitFor({ state: 'hidden' })
  }
  await chosen.first().waitFor()
}

describe('administration in the workbench', () => {
  let harness: Harness
  let page: Page
  const errors: string[] = []
  const suffix = Math.random().toString(36).slice(2, 8)

  beforeAll(async () => {
    harness = await startHarness()
    page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'admin')
    await page.waitForURL('**/workbench')
  })
  afterAll(async () => {
    await harness?.stop()
  })
  beforeEach((context) => {
    // Leave a picture of the page behind when a step fails.
    onTestFailed(async () => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const name = context.task.name.replace(/\W+/g, '-')
      await page?.screenshot({ path: path.join(SCREENSHOT_DIR, `failed-${name}.png`) }).catch(() => {})
    })
  })

  it('shows my work with role, scope and the registration count', async () => {
    await page.getByRole('heading', { name: '我的工作' }).waitFor()
    await page.getByText('系统管理员').first().waitFor()
    await page.getByText('全市').waitFor()
    await page.getByText('待审核的企业注册').waitFor()
  })

  it('adds a sub-organization in the organization tree', async () => {
    await page.getByRole('menuitem', { name: '组织机构' }).click()
    await page.locator('.ant-tree-treenode:not([aria-hidden]) .ant-tree-node-content-wrapper').first().click()
    await page.getByRole('button', { name: '新增下级机构' }).click()
    const drawer = page.getByRole('dialog')
    await choose(page, '机构类型', '部门')
    await drawer.getByLabel('机构编码').fill(`e2e-${suffix}`)
    await drawer.getByLabel('中文名称').fill(`测试部门${suffix}`)
    await drawer.getByLabel('英文名称').fill(`Test agency ${suffix}`)
    await drawer.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('机构已保存').waitFor()
    await page.locator('.ant-tree').getByText(`测试部门${suffix}`).waitFor()
  })

  it('creates a staff user and disables it', async () => {
    await page.getByRole('menuitem', { name: '用户管理' }).click()
    await page.getByRole('button', { name: '新建工作人员' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByLabel('用户名').fill(`e2e.staff.${suffix}`)
    await drawer.getByLabel('姓名').fill('测试人员')
    await drawer.getByLabel('初始密码').fill('a-long-initial-password')
    await choose(page, '角色', '执法人员')
    await choose(page, '所属机构', `测试部门${suffix}`, `测试部门${suffix}`)
    await drawer.getByRole('button', { name: /创\s*建/ }).click()
    await page.getByText('账户已创建').waitFor()

    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill(`e2e.staff.${suffix}`)
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter')
    const row = page.getByRole('row').filter({ hasText: `e2e.staff.${suffix}` })
    await row.getByText(`测试部门${suffix}`).waitFor()
    await row.getByRole('button', { name: /停\s*用/ }).click()
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click()
    await page.getByText('账户已停用').waitFor()
    await row.getByText('已停用').waitFor()
  })

  it('creates an API token that is shown once and works, then revokes it', async () => {
    await page.getByRole('menuitem', { name: 'API 令牌' }).click()
    await page.getByRole('button', { name: '新建令牌' }).click()
    const modal = page.getByRole('dialog')
    await modal.getByLabel('名称').fill(`e2e token ${suffix}`)
    await choose(page, '所属用户', '(admin)', 'admin')
    await choose(page, '权限范围', 'entity.read', 'entity.read')
    await modal.getByRole('button', { name: '新建令牌' }).click()
    await page.getByText('令牌已创建').waitFor()
    const token = (await page.locator('.ant-modal .ant-typography code').textContent())?.trim() ?? ''
    expect(token.length).toBeGreaterThan(20)
    const used = await fetch(`${harness.baseUrl}/api/entities`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(used.status).toBe(200)
    await page.getByRole('button', { name: '我已保存' }).click()

    const row = page.getByRole('row').filter({ hasText: `e2e token ${suffix}` })
    await row.getByRole('button', { name: /吊\s*销/ }).click()
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click()
    await page.getByText('令牌已吊销').waitFor()
    const after = await fetch(`${harness.baseUrl}/api/entities`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(after.status).toBe(401)
  })

  it('browses and verifies the audit log', async () => {
    await page.getByRole('menuitem', { name: '审计日志' }).click()
    await page.getByRole('row').filter({ hasText: 'token' }).first().waitFor()
    const exportHref = await page.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')
    expect(exportHref).toContain('/api/audit/export')
    await page.getByRole('button', { name: '校验哈希链' }).click()
    await page.getByText(/哈希链完整：已校验 \d+ 条记录/).waitFor()
  })

  it('opens the cockpit with a real chart', async () => {
    await page.getByRole('menuitem', { name: '驾驶舱' }).click()
    await page.waitForURL('**/cockpit')
    await page.getByRole('heading', { name: '驾驶舱' }).waitFor()
    await page.locator('canvas').first().waitFor()
    await page.getByText('方案目标、任务进度、区县对比与督办通知由方案督办模块计算').waitFor()
    await page.getByRole('link', { name: '查看详情' }).first().click()
    await page.waitForURL('**/cockpit/plan')
  })

  it('works at phone width, the menu folding into a drawer', async () => {
    const phone = await harness.newPage({ viewport: { width: 390, height: 844 } })
    phone.on('pageerror', (e) => errors.push(e.message))
    await loginAs(phone, 'clerk')
    await phone.waitForURL('**/workbench')
    await phone.getByRole('button', { name: '打开菜单' }).click()
    await phone.getByRole('menuitem', { name: '市场主体' }).click()
    await phone.waitForURL('**/workbench/entities')
    await phone.getByRole('heading', { name: '市场主体' }).waitFor()
    await phone.locator('.ant-table-row').first().waitFor()
    await phone.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' })
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-phone-entities.png') })
    expect(errors).toEqual([])
  })
})
