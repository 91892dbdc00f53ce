import fs from 'node:fs'
import type { Download } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, loginAs, startHarness } from './harness.ts'

// What a signed-in party and a member of staff see of the case engine beyond the case page: the
// enterprise's "my cases" with the notices addressed to it (as filer and as respondent), a case hit
// in the unified search leading to the workbench case page, and changing one's own e-mail address.

const head = async (download: Download) =>
  fs
    .readFileSync(await download.path())
    .subarray(0, 5)
    .toString()

/** The API as `username` (session cookie and CSRF token), or as the public without one. */
async function apiAs(baseUrl: string, username?: string) {
  let headers: Record<string, string> = { 'content-type': 'application/json' }
  if (username) {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username, password: 'zhibao-demo' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    headers = { ...headers, cookie, 'x-csrf-token': csrfToken }
  }
  return async <T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`)
    return JSON.parse(text) as T
  }
}

describe('my cases, case search and own e-mail', () => {
  let harness: Harness
  const filed = { id: '', number: '' }
  const against = { id: '', number: '' }
  const errors: string[] = []

  beforeAll(async () => {
    harness = await startHarness()
    const enterprise = await apiAs(harness.baseUrl, 'enterprise')
    const officer = await apiAs(harness.baseUrl, 'officer.gusu')
    const anonymous = await apiAs(harness.baseUrl)
    const orgs = await anonymous<{ id: string; code: string }[]>('GET', '/api/organizations')
    const districtId = orgs.find((o) => o.code === 'gusu')!.id
    const entity = (await enterprise<{ items: { name: string; uscc: string }[] }>('GET', '/api/entities'))
      .items[0]!
    const complaint = (complainant: string, respondent: object) => ({
      complainant: { name: complainant, phone: '13912345678', address: '苏州市姑苏区人民路1号' },
      respondent,
      right: { kind: 'trademark', number: `${Math.random()}`.slice(2, 10) },
      request: '停止销售侵权商品',
      facts: '购买到假冒注册商标的商品。',
      districtId,
    })
    const act = (id: string, transition: string, input: object = {}) =>
      officer('POST', `/api/cases/${id}/transitions/${transition}`, { input })
    // The enterprise files a complaint, which is accepted: a 受理通知书 addressed to it.
    Object.assign(
      filed,
      await enterprise(
        'POST',
        '/api/cases/complaints',
        complaint('冯经理', { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' }),
      ),
    )
    await act(filed.id, 'accept')
    // Someone complains about the enterprise; mediation ends and both sides are told.
    Object.assign(
      against,
      await anonymous(
        'POST',
        '/api/cases/complaints',
        complaint('周投诉人', { name: entity.name, address: '苏州市姑苏区观前街2号', uscc: entity.uscc }),
      ),
    )
    await act(against.id, 'accept')
    await act(against.id, 'terminateMediation', { reason: '被投诉人拒绝调解' })
    await act(against.id, 'informParties')
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it('the enterprise downloads its notices under my cases, and as respondent sees only those to both sides', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'enterprise')
    await page.waitForURL('**/account')
    await page.goto('/services/mine')
    await page.getByRole('heading', { name: '我的办件' }).waitFor()

    const own = page.locator('.ant-card-small').filter({ hasText: filed.number })
    const notice = own.getByRole('link', { name: '受理通知书' })
    await notice.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), notice.click()])
    expect(await head(download)).toBe('%PDF-')

    const theirs = page.locator('.ant-card-small').filter({ hasText: against.number })
    await theirs.getByText('被投诉（被申请）方').waitFor()
    await theirs.getByText('已办结', { exact: true }).waitFor()
    const termination = theirs.getByRole('link', { name: '终止调解告知书' })
    await termination.waitFor()
    // The complainant's own acceptance notice, and the complainant's name, are not the respondent's.
    expect(await theirs.getByRole('link', { name: '受理通知书' }).count()).toBe(0)
    expect(await page.getByText('周投诉人').count()).toBe(0)
    const [second] = await Promise.all([page.waitForEvent('download'), termination.click()])
    expect(await head(second)).toBe('%PDF-')
    expect(errors).toEqual([])
  })

  it('staff open a case from the unified search; the public finds no case', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'officer.gusu')
    await page.waitForURL('**/workbench')
    await page.goto(`/search?q=${encodeURIComponent(filed.number)}`)
    await page.getByRole('link', { name: new RegExp(filed.number) }).click()
    await page.waitForURL(`**/workbench/cases/${filed.id}`)
    await page.getByTestId('case-state').filter({ hasText: '已受理（调解中）' }).waitFor()
    await page.getByText(filed.number).first().waitFor()

    const anonymous = await harness.newPage()
    await anonymous.goto(`/search?q=${encodeURIComponent(filed.number)}`)
    await anonymous.getByText(/条结果/).waitFor()
    expect(await anonymous.getByText(filed.number).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('users change their own e-mail with the current password; bad input is refused in their language', async () => {
    const page = await harness.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await loginAs(page, 'enterprise')
    await page.waitForURL('**/account')
    const shown = page.getByTestId('account-email')
    const before = (await shown.textContent())?.trim()
    const email = page.getByLabel('新的电子邮箱')
    const password = page.getByLabel('当前密码')
    const save = page.getByRole('button', { name: '保存邮箱' })
    await email.fill('feng@')
    await password.fill('zhibao-demo')
    await save.click()
    await page.getByText('电子邮箱格式不正确').waitFor()
    await email.fill('feng@silk.example.cn')
    await password.fill('wrong-password')
    await save.click()
    await page.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor()
    expect((await shown.textContent())?.trim()).toBe(before)
    await password.fill('zhibao-demo')
    await save.click()
    await page.getByText('电子邮箱已更新').waitFor()
    await expect.poll(async () => (await shown.textContent())?.trim()).toBe('feng@silk.example.cn')

    // Staff reach the same page from the workbench's user menu, here in English.
    const staff = await harness.newPage()
    staff.on('pageerror', (e) => errors.push(e.message))
    await loginAs(staff, 'officer.gusu')
    await staff.waitForURL('**/workbench')
    await staff.getByRole('button', { name: '用户菜单' }).click()
    await staff.getByRole('menuitem', { name: '我的账户' }).click()
    await staff.waitForURL('**/account')
    await staff.getByText('English', { exact: true }).first().click()
    await staff.getByLabel('New e-mail address').fill('not an address')
    await staff.getByLabel('Current password').fill('zhibao-demo')
    await staff.getByRole('button', { name: 'Save e-mail' }).click()
    await staff.getByText('Enter a valid e-mail address').waitFor()
    await staff.getByLabel('New e-mail address').fill('wang.gusu@amr.example.cn')
    await staff.getByRole('button', { name: 'Save e-mail' }).click()
    await staff.getByText('E-mail address updated').waitFor()
    await expect
      .poll(async () => (await staff.getByTestId('account-email').textContent())?.trim())
      .toBe('wang.gusu@amr.example.cn')
    expect(errors).toEqual([])
  })
})
