import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

describe('evidence deposit, receipt and in-browser verification', () => {
  let harness: Harness
  const capture = Buffer.from(`商品页面截图 ${Date.now()}\nhttps://shop.example.com/item/1\n`)

  beforeAll(async () => {
    harness = await startHarness()
  }, 180_000)
  afterAll(async () => {
    await harness?.stop()
  })

  it('an enterprise deposits a file, downloads its receipt, and anyone verifies it on the portal', async () => {
    const page = await harness.newPage()
    await loginAs(page, 'enterprise')
    await page.goto('/evidence')
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'capture.txt', mimeType: 'text/plain', buffer: capture })
    await page.getByLabel('标题').fill('某网店侵权商品页面')
    await page.getByRole('button', { name: '提交存证' }).click()
    await expect
      .poll(
        async () => {
          await page
            .getByRole('button', { name: /刷\s*新/ })
            .first()
            .click({ timeout: 1000 })
            .catch(() => {})
          return page.getByText(/已存证（第 \d+ 条）/).count()
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0)
    const downloading = page.waitForEvent('download')
    await page.getByRole('link', { name: '凭证 JSON' }).first().click()
    const download = await downloading
    const receipt = fs.readFileSync((await download.path())!, 'utf8')
    expect(JSON.parse(receipt).version).toBe(1)

    // The public page, in a fresh context without a session.
    const visitor = await harness.newPage()
    await visitor.goto('/verify/evidence')
    await expect.poll(() => visitor.getByLabel('日志公钥（vkey）').inputValue()).toMatch(/\+[0-9a-f]{8}\+/)
    await visitor.getByLabel('存证凭证（JSON）').fill(receipt)
    const fileInputs = visitor.locator('input[type=file]')
    await fileInputs.nth(1).setInputFiles({ name: 'capture.txt', mimeType: 'text/plain', buffer: capture })
    await visitor.getByRole('button', { name: /核\s*验/ }).click()
    await expect.poll(() => visitor.getByRole('status').textContent()).toContain('文件「capture.txt」于')
    expect(await visitor.getByRole('status').textContent()).toContain('核验通过')
    // Online: the receipt's tree is checked against the log's latest checkpoint.
    await expect
      .poll(() => visitor.getByTestId('latest-consistency').textContent())
      .toContain('仍与最新检查点一致')

    // An edited file fails, and says why.
    await fileInputs
      .nth(1)
      .setInputFiles({ name: 'capture.txt', mimeType: 'text/plain', buffer: Buffer.from('edited') })
    await visitor.getByRole('button', { name: /核\s*验/ }).click()
    await expect.poll(() => visitor.getByRole('alert').textContent()).toContain('fileNotInEntry')
  }, 120_000)
})
