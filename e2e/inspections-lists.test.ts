import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

const csv = (lines: string[]) => ({
  name: 'file.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(lines.join('\n')),
})

describe('inspection lists: directory imports from a spreadsheet upload', () => {
  let harness: Harness
  let page: Page
  const errors: string[] = []
  const badge = `E2E${Math.random().toString(36).slice(2, 7).toUpperCase()}`

  beforeAll(async () => {
    harness = await startHarness()
    page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('an officer uploads the inspector list: a bad row is named and nothing is imported, then the corrected file is', async () => {
    await loginAs(page, 'officer.gusu')
    await page.goto('/workbench/inspections')
    await page.getByRole('tab', { name: '一单两库' }).click()
    const header = '执法证号,姓名,执法机构,所属区县,执法资格,承办上限,回避对象'
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('import-inspectors').click()
    await (await chooser).setFiles(
      csv([
        header,
        `${badge},端到端检查员,samr-gusu,gusu,law-enforcement,3,`,
        `${badge}X,,samr-gusu,gusu,,lots,`,
      ]),
    )
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toContain('第 3 行（capacity）')
    await expect.poll(() => page.getByRole('cell', { name: badge, exact: true }).count()).toBe(0)
    const again = page.waitForEvent('filechooser')
    await page.getByTestId('import-inspectors').click()
    await (await again).setFiles(csv([header, `${badge},端到端检查员,samr-gusu,gusu,law-enforcement,3,`]))
    await page.getByText('已导入 1 行').waitFor()
    await page.getByRole('cell', { name: badge, exact: true }).waitFor()
    expect(errors).toEqual([])
  }, 120_000)
})
