import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, SCREENSHOT_DIR, startHarness } from './harness.ts'

describe('the plan in the cockpit: a unit reports, the plan office accepts, leaders see the charts', () => {
  let harness: Harness
  const errors: string[] = []
  let targetUrl = ''

  beforeAll(async () => {
    harness = await startHarness()
  }, 240_000)
  afterAll(async () => {
    await harness?.stop()
  })

  it('the protection center (responsible for T23) reports a figure from its unit page', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'clerk')
    await page.goto('/cockpit/unit')
    await page.getByRole('heading', { name: /责任单位/ }).waitFor()
    await page.getByRole('link', { name: 'T23', exact: true }).click()
    await page.waitForURL('**/cockpit/targets/**')
    targetUrl = new URL(page.url()).pathname
    await page.getByRole('heading', { name: /T23/ }).waitFor()
    await page.getByLabel('数值').fill('96')
    await page.getByLabel('情况说明').fill('保护中心专业人才96人')
    await page.getByRole('button', { name: '提交填报' }).click()
    await page.getByText('已提交，等待方案办公室审核').waitFor()
    await page.getByRole('cell', { name: '待审核' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-unit-report.png` })
  })

  it('the plan office accepts it, and the target shows the value', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'planner')
    await page.goto(targetUrl)
    await page.getByRole('button', { name: /^采\s*纳$/ }).click()
    await page.getByRole('cell', { name: '已采纳' }).waitFor()
    await expect.poll(() => page.getByText(/^96 \(/).count()).toBeGreaterThan(0)
  })

  it('a leader opens the overview and its charts render', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'leader')
    await page.goto('/cockpit/plan')
    await page.getByRole('heading', { name: '苏州市创建省知识产权保护示范区实施方案' }).waitFor()
    for (const label of ['各类目标进度', '指标走势', '任务节点时间轴']) {
      await page.locator(`[data-chart="${label}"] canvas`).waitFor()
    }
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(29)
    // The daily sweep has run at start: the plan's milestones are past due, so notices are open.
    await page.getByText(/^督办通知 \([1-9]\d*\)$/).waitFor()
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cockpit-plan-overview.png`, fullPage: true })
    expect(errors).toEqual([])
  })
})
