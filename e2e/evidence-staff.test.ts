import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

describe('workbench: case evidence for staff', () => {
  let harness: Harness

  beforeAll(async () => {
    harness = await startHarness()
  }, 180_000)
  afterAll(async () => {
    await harness?.stop()
  })

  it('a clerk finds deposits under 案件存证 in the menu and downloads a file (audited by the server)', async () => {
    const page = await harness.newPage()
    await loginAs(page, 'clerk')
    // A deposit of the clerk's own, made on the portal page.
    await page.goto('/evidence')
    await page.locator('input[type=file]').setInputFiles({
      name: 'scene.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`现场记录 ${Date.now()}\n`),
    })
    await page.getByLabel('标题').fill('现场检查记录')
    await page.getByRole('button', { name: '提交存证' }).click()
    await expect.poll(() => page.getByText('现场检查记录').count(), { timeout: 15_000 }).toBeGreaterThan(0)

    await page.goto('/workbench')
    await page.getByRole('navigation').getByText('案件存证').first().click()
    await page.waitForURL((url) => url.pathname === '/workbench/evidence')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('案件存证')
    const table = page.getByTestId('staff-deposits')
    await expect.poll(() => table.getByText('现场检查记录').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const downloading = page.waitForEvent('download')
    await table.getByRole('link', { name: 'scene.txt' }).first().click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('scene.txt')
  })
})
