import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

// A clerk gives a consented talent profile a photo (a file that is not an image is refused with the
// server's message); the public sees it with its alt text; withdrawing consent takes it away.

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

describe('talent photos', () => {
  let harness: Harness
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('uploads, shows publicly with alt text, and disappears on withdrawal', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.getByRole('menuitem', { name: '人才库' }).click()
    const upload = page.getByRole('button', { name: /^上传照片 / }).first()
    await upload.waitFor()
    const name = ((await upload.getAttribute('aria-label')) ?? '').replace(/^上传照片 /, '')
    const row = page.getByRole('row', { name: new RegExp(name) })

    await row.locator('input[type=file]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('%PDF-1.7 not an image'),
    })
    await page.getByText('照片须为 JPEG、PNG 或 WebP 图片').waitFor()
    expect(await row.getByRole('img', { name: `${name}的照片` }).count()).toBe(0)

    await row
      .locator('input[type=file]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG_1x1 })
    await page.getByText('照片已保存').waitFor()
    await row.getByRole('img', { name: `${name}的照片` }).waitFor()

    const visitor = await harness.newPage()
    await visitor.goto('/talent')
    await visitor.getByRole('link', { name }).click()
    const photo = visitor.getByRole('img', { name: `${name}的照片` })
    await photo.waitFor()
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1)
    const profileUrl = visitor.url()

    await row.getByRole('button', { name: '撤回同意' }).click()
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click()
    await page.getByText('已撤回同意，人才信息已下线').waitFor()
    await visitor.goto(profileUrl)
    await visitor.getByRole('alert').waitFor()
    expect(await visitor.getByRole('img', { name: `${name}的照片` }).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
