import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, type Harness, loginAs, startHarness } from './harness.ts'

const RANDOMNESS = 'b2fc21325a24904a6a9e81a6c63f65f6cec3f0b2400df3f4a56b214770e9ccca'

/** The API as the signed-in officer, for set-up the test does not exercise through the UI. */
async function apiSession(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return JSON.parse(text) as T
  }
}

describe('random inspection from plan to published, verified result', () => {
  let harness: Harness
  let page: Page
  const errors: string[] = []
  const suffix = Math.random().toString(36).slice(2, 7).toUpperCase()

  beforeAll(async () => {
    harness = await startHarness()
    page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('the portal lists the demo draw and verifies its record in the browser', async () => {
    await page.goto('/inspections')
    await page.getByRole('link', { name: /姑苏区专利标识与商标使用联合抽查/ }).click()
    await page.getByRole('button', { name: '在浏览器中验证' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('验证通过')
    await expect.poll(() => page.getByText('演示数据：随机数为固定测试值').count()).toBe(1)
  }, 60_000)

  it('an officer plans, draws step by step, records and publishes a result; the public verifies it', async () => {
    await loginAs(page, 'officer')
    await page.goto('/workbench/inspections')
    // The annual plan, through the form.
    await page.getByRole('tab', { name: '年度计划' }).click()
    const planTitle = `端到端测试计划 ${suffix}`
    await page.getByLabel('计划名称', { exact: true }).fill(planTitle)
    await page.getByRole('button', { name: '创建计划' }).click()
    await page.getByRole('cell', { name: planTitle }).waitFor()

    // Its task, through the API (the task form's selects are exercised elsewhere).
    const call = await apiSession(harness.baseUrl, 'officer')
    const plans = await call<{ id: string; title: string }[]>('GET', '/api/inspections/plans')
    const items = await call<{ id: string; code: string }[]>('GET', '/api/inspections/items')
    const orgs = await call<{ id: string; code: string }[]>('GET', '/api/organizations')
    const code = `E2E-${suffix}`
    await call('POST', `/api/inspections/plans/${plans.find((p) => p.title === planTitle)!.id}/tasks`, {
      code,
      title: `姑苏区商标使用抽查 ${suffix}`,
      itemIds: [items.find((i) => i.code === 'trademark-use')!.id],
      population: { districts: [orgs.find((o) => o.code === 'gusu')!.id] },
      stratifyBy: ['credit'],
      strata: [{ stratum: 'B', count: 2 }],
      agencyIds: [orgs.find((o) => o.code === 'samr-gusu')!.id],
      periodStart: '2026-06-01',
      periodEnd: '2026-12-31',
    })

    // The draw wizard: designate an observer account; the observer commits in person on their screen.
    await page.reload()
    await page
      .getByRole('row', { name: new RegExp(code) })
      .getByRole('link', { name: '抽取' })
      .click()
    await page.getByLabel('见证人用户名').fill('prosecutor')
    await page.getByRole('button', { name: /指\s*定/ }).click()
    await page.getByText('待提交承诺').first().waitFor()
    const observer = await harness.newPage()
    observer.on('pageerror', (e) => errors.push(e.message))
    await loginAs(observer, 'prosecutor')
    await observer.goto('/workbench/inspections/observer')
    const duty = observer.getByRole('row', { name: new RegExp(code) })
    await duty.getByRole('button', { name: /生\s*成/ }).click()
    const secret = await duty.getByLabel('秘密值（十六进制，16–64字节）').inputValue()
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    await duty.getByTestId('observer-commit').click()
    await duty.getByText('待揭示').or(duty.getByText('已提交承诺')).first().waitFor()
    // The officer commits the draw once the observer has committed.
    await page
      .getByRole('button', { name: /刷\s*新/ })
      .first()
      .click()
    await page.getByText('已提交承诺').waitFor()
    await page.getByRole('button', { name: '提交承诺' }).click()
    await page.getByText('输入承诺').waitFor()
    // The observer reveals; a wrong value is refused with a clear message first.
    await observer.reload()
    await duty.getByLabel('揭示的秘密值（十六进制）').fill('00'.repeat(16))
    await duty.getByTestId('observer-reveal').click()
    await expect.poll(() => observer.getByRole('alert').first().textContent()).toContain('承诺不符')
    await duty.getByLabel('揭示的秘密值（十六进制）').fill(secret)
    await duty.getByTestId('observer-reveal').click()
    await duty.getByText('已完成').waitFor()
    await observer.close()
    await page.getByRole('button', { name: /刷\s*新/ }).click()
    // The operator enters the drand randomness of the announced round, and the draw runs.
    await page.getByLabel('drand randomness').fill(RANDOMNESS)
    await page.getByRole('button', { name: '计算种子并抽取' }).click()
    await page.getByText('抽取对象数').waitFor()
    await page.getByRole('button', { name: '公开抽取记录' }).click()
    await page.getByRole('link', { name: '公开页面与验证' }).waitFor()
    await page.getByRole('button', { name: '抽取结果与检查结果' }).click()

    // Results: enter the first target's result, then publish it.
    const row = page.locator('.ant-table-row').first()
    await row.getByRole('button', { name: '录入结果' }).click()
    await page.getByLabel('检查结果', { exact: true }).click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '未发现问题' })
      .click()
    await page.getByLabel('检查情况').fill('现场检查，商标使用规范。')
    await page.getByRole('button', { name: /保\s*存/ }).click()
    await row.getByText('未发现问题').waitFor()
    await expect.poll(() => row.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/) // the publication deadline
    await row.getByRole('button', { name: /公\s*示/ }).click()
    await row.getByText('已公示').waitFor()
    await expect.poll(() => row.textContent()).toContain('张执法')

    // A problem found on the second target opens a penalty case, linked from the result.
    const second = page.locator('.ant-table-row').nth(1)
    await second.getByRole('button', { name: '录入结果' }).click()
    await page.getByLabel('检查结果', { exact: true }).click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^发现问题$/ })
      .click()
    await page.getByLabel('检查情况').fill('商标标识使用不规范。')
    await page.getByRole('button', { name: /保\s*存/ }).click()
    await second.getByText('发现问题').waitFor()
    await second.getByTestId('open-penalty-1').click()
    const caseLink = second.getByRole('link', { name: /^CF-\d{4}-/ })
    await caseLink.click()
    await page.waitForURL('**/workbench/cases/**')
    await expect.poll(() => page.getByText('行政处罚').count()).toBeGreaterThan(0)
    await page.goBack()

    // The public page shows who inspected, entered and published, and re-runs the draw.
    await page.getByRole('link', { name: '公开页面与验证' }).click()
    await page.getByRole('button', { name: '在浏览器中验证' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('验证通过')
    const published = page.locator('.ant-table-row').filter({ hasText: '未发现问题' })
    await expect.poll(() => published.textContent()).toContain('张执法')
    // Statistics: coverage, problem rates, publication timeliness.
    await page.goto('/workbench/inspections')
    await page.getByRole('tab', { name: '统计' }).click()
    await expect.poll(() => page.getByText(/按期公示 \d+/).count()).toBe(1)
    expect(errors).toEqual([])
  }, 180_000)
})
