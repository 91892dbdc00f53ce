import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeUsccCheckChar, USCC_CHARSET } from '../contracts/identifiers/index.ts'
import { type Harness, SCREENSHOT_DIR, startHarness } from './harness.ts'

const DEMO_PASSWORD = 'zhibao-demo'

function randomOf(charset: string, n: number) {
  return Array.from({ length: n }, () => charset[Math.floor(Math.random() * charset.length)]).join('')
}

/** A valid USCC for a company registered in Gusu district (320508). */
function newUscc() {
  const first17 = `91320508MA1${randomOf(USCC_CHARSET, 6)}`
  return first17 + computeUsccCheckChar(first17)
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('用户名', { exact: true }).fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page
    .locator('form')
    .getByRole('button', { name: /登\s*录/ })
    .click()
}

describe('enterprise registration, review and first sign-in', () => {
  let harness: Harness
  const suffix = randomOf('0123456789', 6)
  const enterprise = {
    uscc: newUscc(),
    entityName: `苏州知保测试科技有限公司${suffix}`,
    contactName: '王小明',
    phone: `139${randomOf('0123456789', 8)}`,
    username: `e2e-ent-${suffix}`,
    password: 'correct-horse-battery',
  }

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('an enterprise registers on the portal and is told to await approval', async () => {
    const page = await harness.newPage()
    await page.goto('/')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.getByRole('link', { name: '企业注册' }).first().click()
    await page.waitForURL('**/register')

    // Client-side validation with the shared Zod schema: a wrong check character is caught.
    await page
      .getByLabel('统一社会信用代码')
      .fill(`${enterprise.uscc.slice(0, 17)}${enterprise.uscc[17] === '0' ? '1' : '0'}`)
    await page.getByRole('button', { name: '提交注册' }).click()
    await expect.poll(() => page.getByText('统一社会信用代码校验位错误').count()).toBeGreaterThan(0)

    await page.getByLabel('统一社会信用代码').fill(enterprise.uscc)
    await page.getByLabel('企业名称').fill(enterprise.entityName)
    await page.getByLabel('联系人姓名').fill(enterprise.contactName)
    await page.getByLabel('手机号码').fill(enterprise.phone)
    await page.getByLabel('用户名', { exact: true }).fill(enterprise.username)
    await page.getByLabel('密码', { exact: true }).fill(enterprise.password)
    await page.getByLabel('确认密码').fill(enterprise.password)
    await page.getByRole('button', { name: '提交注册' }).click()
    await page.waitForURL('**/register/submitted')
    await page.getByText('注册已提交，等待审核').waitFor()
    expect(await page.getByText(enterprise.entityName).count()).toBeGreaterThan(0)
  })

  it('a wrong password shows the localized error, in Chinese and in English', async () => {
    const page = await harness.newPage()
    await signIn(page, 'clerk', 'not-the-password')
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor()
    expect(page.url()).toContain('/login')

    await page.getByText('English', { exact: true }).click()
    await page.getByLabel('Username', { exact: true }).fill('clerk')
    await page.getByLabel('Password', { exact: true }).fill('still-not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor()
  })

  it('a pending enterprise cannot sign in yet', async () => {
    const page = await harness.newPage()
    await signIn(page, enterprise.username, enterprise.password)
    await page.getByRole('alert').filter({ hasText: '账户正在等待保护中心审核' }).waitFor()
  })

  it('the clerk approves the registration in the workbench queue', async () => {
    const page = await harness.newPage()
    await signIn(page, 'clerk', DEMO_PASSWORD)
    await page.waitForURL('**/workbench')
    await page.getByRole('heading', { name: '我的工作' }).waitFor()
    await page.getByText('待审核的企业注册').waitFor()

    await page.getByRole('menuitem', { name: '注册审核' }).click()
    await page.waitForURL('**/workbench/registrations')
    const row = page.getByRole('row').filter({ hasText: enterprise.entityName })
    await row.waitFor()
    // Personal data is masked in the queue.
    expect(await row.textContent()).not.toContain(enterprise.phone)
    await row.getByRole('button', { name: /通\s*过/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('审核意见（选填）').fill('材料齐全，予以通过')
    await dialog.getByRole('button', { name: /通\s*过/ }).click()
    await page.getByText('已通过注册').waitFor()
    await row.waitFor({ state: 'detached' })
  })

  it('the enterprise signs in, reaches its home and switches to English', async () => {
    const page = await harness.newPage()
    await signIn(page, enterprise.username, enterprise.password)
    await page.waitForURL('**/account')
    await page.getByRole('heading', { name: `${enterprise.contactName}，您好` }).waitFor()
    await page.getByRole('cell', { name: enterprise.uscc }).waitFor()

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: `Hello, ${enterprise.contactName}` }).waitFor()
    await page.getByText('My enterprise').waitFor()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    // The choice survives a reload.
    await page.reload()
    await page.getByText('Enterprise user').waitFor()

    // Back to Chinese for a screenshot that proves CJK glyphs render.
    await page.getByText('中文', { exact: true }).click()
    await page.getByText('我的企业').waitFor()
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-enterprise-home.png'), fullPage: true })
  })
})
