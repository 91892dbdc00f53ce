import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computePatentCheckDigit } from '../contracts/identifiers/index.ts'
import { type Harness, startHarness } from './harness.ts'

// The portal search against the demo registry: words, an application number without its check
// digit, pinyin of a holder's name, a facet, and the asset page, by keyboard where a user would.
describe('portal search', () => {
  let harness: Harness

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('finds assets by words with highlights, by number, by pinyin, and narrows by a facet', async () => {
    const page = await harness.newPage()
    await page.goto('/search')
    await page.getByRole('heading', { name: '知识产权检索' }).waitFor()
    const box = page.getByRole('searchbox', { name: '检索关键词、申请号、注册号或统一社会信用代码' })
    await box.fill('半导体')
    await box.press('Enter')
    await page.getByRole('link', { name: '一种半导体晶圆清洗装置' }).waitFor()
    expect(await page.locator('mark', { hasText: '半导体' }).count()).toBeGreaterThan(2)
    expect(await page.getByText('一种半导体激光器芯片的封装结构').count()).toBe(0)

    const body = '202311034567'
    await box.fill(body)
    await box.press('Enter')
    await page.getByText('按编号精确匹配到 1 条结果').waitFor()
    await page
      .getByText(`${body}.${computePatentCheckDigit(body)}`)
      .first()
      .waitFor()

    await box.fill('gusu')
    await box.press('Enter')
    await page.getByText('共找到 7 条结果').waitFor()
    await page.getByText('商标 (2)').click()
    await page.getByText('共找到 2 条结果').waitFor()
    expect(page.url()).toContain('type=trademark')

    await page.getByRole('link', { name: '姑苏绣韵' }).click()
    await page.waitForURL('**/registry/assets/**')
    await page.getByRole('heading', { name: '姑苏绣韵' }).waitFor()
    await page.getByText('38123456').waitFor()
  })
})
