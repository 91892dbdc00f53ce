import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVICE_TARGETS } from '../contracts/services/index.ts'
import { type Harness, loginAs, startHarness } from './harness.ts'

// 保护导航 walked by keyboard to the e-commerce takedown form, with back, restart and a shared link;
// every ZhiBao page a result can point to exists; and the service directory with its map rendered
// and filtered by service, district and text.

const axeSource = createRequire(import.meta.url)('axe-core').source as string

/** WCAG 2.1 A/AA violations axe can detect on the page as it is (same rules as accessibility.test.ts). */
async function violations(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle')
  await page.evaluate(axeSource)
  const found: AxeResults['violations'] = await page.evaluate(() =>
    // @ts-expect-error axe is injected into the page above
    (window.axe as typeof import('axe-core'))
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r: AxeResults) => r.violations),
  )
  return found
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n')
}

async function mapPoints(page: Page): Promise<number> {
  const map = page.getByTestId('service-map')
  await map.locator('canvas').waitFor()
  return Number(await map.getAttribute('data-points'))
}

describe('protection navigation and service directory', () => {
  let harness: Harness
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('walks the navigator by keyboard to the takedown form, with back, restart and a shareable step', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/')
    await page.getByRole('link', { name: '保护导航' }).click()
    await page.getByRole('heading', { level: 1, name: '知识产权保护导航' }).waitFor()
    expect(await page.title()).toBe('知识产权保护导航 · 知保')
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain('维权援助')

    // Answer by keyboard: focus the option, press Enter; focus lands on the next question.
    const answer = async (name: string, next: string) => {
      await page.getByRole('button', { name }).focus()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 2, name: next }).waitFor()
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(next)
    }
    await answer('有人仿冒或侵犯了我的知识产权', '被侵犯的是哪一种权利？')
    await answer('商标（有人使用我的品牌）', '侵权行为发生在哪里？')
    expect(page.url()).toContain('path=which-right.trademark-where')
    // Back returns to the previous question, then the same answer again.
    await page.getByRole('button', { name: /上一步/ }).click()
    await page.getByRole('heading', { level: 2, name: '被侵犯的是哪一种权利？' }).waitFor()
    await answer('商标（有人使用我的品牌）', '侵权行为发生在哪里？')
    await answer('电商平台或网店', '向电商平台发出侵权处置通知')
    const shared = page.url()
    expect(shared).toContain('path=which-right.trademark-where.takedown')

    // The link opens the same result in a fresh browser.
    const other = await harness.newPage()
    await other.goto(shared.replace(/^https?:\/\/[^/]+/, ''))
    await other.getByRole('heading', { level: 2, name: '向电商平台发出侵权处置通知' }).waitFor()
    await other.getByRole('button', { name: /重新开始/ }).click()
    await other.getByRole('heading', { level: 2, name: '您遇到了什么问题？' }).waitFor()

    await page.getByRole('link', { name: '填写电商平台侵权处置通知' }).click()
    await page.waitForURL('**/services/takedown')
    await page.getByRole('heading', { name: '电商平台快速处置' }).waitFor()
    expect(errors).toEqual([])
  })

  it('has no WCAG 2.1 A/AA violations axe can detect on a question, a result and the directory', async () => {
    const page = await harness.newPage()
    await page.goto('/navigation')
    await page.getByRole('heading', { level: 2, name: '您遇到了什么问题？' }).waitFor()
    expect(await violations(page)).toBe('')
    await page.goto('/navigation?path=evidence')
    await page.getByRole('heading', { level: 2, name: '电子存证' }).waitFor()
    expect(await violations(page)).toBe('')
    await page.goto('/directory')
    await page.getByText('共 15 家服务机构').waitFor()
    expect(await violations(page)).toBe('')
  })

  it('every page a navigation result points to exists', async () => {
    const page = await harness.newPage()
    for (const path of Object.values(SERVICE_TARGETS)) {
      await page.goto(path)
      await page.locator('main h1, main h2').first().waitFor()
      expect(await page.getByText('页面不存在。').count(), path).toBe(0)
    }
  })

  it('shows the directory on a map and in a list, filtered by service, district and text', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/directory')
    await page.getByRole('heading', { level: 1, name: '知识产权服务名录' }).waitFor()
    expect(await page.title()).toBe('知识产权服务名录 · 知保')
    await page.getByText('共 15 家服务机构').waitFor()
    expect(await mapPoints(page)).toBe(15)
    // The canvas has drawn something: not every pixel is the background.
    const painted = await page
      .getByTestId('service-map')
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
        return n
      })
    expect(painted).toBeGreaterThan(100)

    const choose = async (label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).click()
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: option })
        .click()
    }
    await choose('服务项目', '纠纷调解')
    await page.waitForURL('**service=mediation**')
    await page.getByText('共 4 家服务机构').waitFor()
    expect(await mapPoints(page)).toBe(4)
    await page.getByRole('link', { name: '苏州市知识产权纠纷人民调解委员会' }).waitFor()

    await choose('辖区', '姑苏区')
    await page.getByText('共 1 家服务机构').waitFor()
    expect(await mapPoints(page)).toBe(1)
    await page.getByRole('link', { name: '苏州仲裁委员会知识产权仲裁中心' }).waitFor()

    await page.goto('/directory')
    const text = page.getByLabel('名称或地址')
    await text.fill('昆山')
    await text.press('Enter')
    await page.getByText('共 2 家服务机构').waitFor()
    await page.getByRole('link', { name: '中国（苏州）知识产权保护中心昆山分中心' }).click()
    await page.getByRole('heading', { level: 1, name: '中国（苏州）知识产权保护中心昆山分中心' }).waitFor()
    await page.getByRole('link', { name: '0512-57380000' }).waitFor()
    expect(await page.title()).toContain('中国（苏州）知识产权保护中心昆山分中心')
    expect(errors).toEqual([])
  })

  it('a clerk imports points from CSV: a bad row is named and nothing imported, then the fixed file is, and published', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.getByRole('menuitem', { name: '服务名录管理' }).click()
    await page.getByRole('heading', { level: 1, name: '服务名录管理' }).waitFor()
    const suffix = Math.random().toString(36).slice(2, 6)
    const header = '名称,类型,服务项目,辖区,地址,联系电话,纬度,经度,公开\n'
    const good = `太仓港区知识产权服务点${suffix},知识产权公共服务网点,知识产权咨询,太仓市,太仓市港城大道 5 号,0512-53600000,31.60,121.20,否\n`
    const bad = `${header}${good}火星服务点${suffix},工作站,知识产权咨询,太仓市,火星大道 1 号,5360,45.0,121.2,是\n`
    const input = page.locator('input[type=file]')
    await input.setInputFiles({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    const list = page.getByTestId('import-errors')
    await list.getByText('row 3: contacts.0.phone').waitFor()
    await list.getByText('row 3: lat').waitFor()
    expect(await page.getByText(`太仓港区知识产权服务点${suffix}`).count()).toBe(0)

    await input.setInputFiles({
      name: 'points.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(header + good),
    })
    await page.getByText('已导入 1 家服务机构').waitFor()
    const row = page.getByRole('row', { name: new RegExp(`太仓港区知识产权服务点${suffix}`) })
    await row.waitFor()
    await row.getByRole('switch').click()
    await row.getByRole('link', { name: `太仓港区知识产权服务点${suffix}` }).waitFor()

    const visitor = await harness.newPage()
    await visitor.goto(`/directory?q=${encodeURIComponent(suffix)}`)
    await visitor.getByText('共 1 家服务机构').waitFor()
    expect(errors).toEqual([])
  })
})
