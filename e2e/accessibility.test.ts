import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from './harness.ts'

// WCAG 2.1 AA basics on the public pages, checked by axe-core in the real browser: names and
// labels, contrast, landmarks, language, and keyboard focus on the page's own controls.
const axeSource = createRequire(import.meta.url)('axe-core').source as string

/** The public pages a citizen or an enterprise reaches without signing in. */
const publicPages = [
  { path: '/', ready: '#main' },
  { path: '/login', ready: 'form' },
  { path: '/register', ready: 'form' },
  { path: '/search', ready: '#main' },
  { path: '/deadline-calculator', ready: 'form' },
  { path: '/services', ready: '#main' },
  { path: '/services/track', ready: 'form' },
  { path: '/verify/evidence', ready: '#main' },
  { path: '/inspections', ready: '#main' },
  { path: '/news', ready: '#main' },
  { path: '/policies', ready: '#main' },
  { path: '/guides', ready: '#main' },
  { path: '/faq', ready: '#main' },
  { path: '/navigation', ready: '#main' },
  { path: '/directory', ready: '#main' },
  { path: '/classroom', ready: '#main' },
  { path: '/talent', ready: '#main' },
]

async function audit(page: Page): Promise<AxeResults['violations']> {
  await page.evaluate(axeSource) // evaluated through the debugging protocol: the page's CSP allows no inline script
  const results = await page.evaluate(() =>
    // @ts-expect-error axe is injected into the page above
    (window.axe as typeof import('axe-core')).run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )
  return results.violations
}

const describeViolations = (violations: AxeResults['violations']) =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n')

describe('accessibility of the public pages', () => {
  let harness: Harness

  beforeAll(async () => {
    harness = await startHarness()
  })
  afterAll(async () => {
    await harness?.stop()
  })

  it.each(publicPages)('$path has no WCAG 2.1 A/AA violations axe can detect', async ({ path, ready }) => {
    const page = await harness.newPage()
    await page.goto(path)
    await page.locator(ready).first().waitFor()
    await page.waitForLoadState('networkidle')
    const violations = await audit(page)
    expect(describeViolations(violations)).toBe('')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect((await page.title()).length).toBeGreaterThan(0)
  })

  it('a guide, opened from the list, has no violations either', async () => {
    const page = await harness.newPage()
    await page.goto('/guides')
    await page.locator('#main a[href^="/guides/"]').first().click()
    await page.waitForURL(/\/guides\/.+/)
    await page.locator('#main h1, #main h2').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(describeViolations(await audit(page))).toBe('')
  })

  it('names the page language in English too, and reaches the login form by keyboard alone', async () => {
    const page = await harness.newPage({ locale: 'en-US' })
    await page.goto('/')
    await page.locator('#main').waitFor()
    await page.getByText('English', { exact: true }).first().click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.goto('/login')
    await page.locator('form').waitFor()
    // Tab from the top of the page until the username field has focus.
    let focused = ''
    for (let i = 0; i < 30 && !focused.endsWith('username'); i++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => document.activeElement?.getAttribute('id') ?? '')
    }
    expect(focused).toMatch(/username$/)
  })
})
