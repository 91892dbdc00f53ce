/**
 * End-to-end harness: builds the app if stale, starts the real server on a free port with a fresh
 * data directory, and drives Debian's Chromium through playwright-core. One harness per test file.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
// @ts-expect-error the build script is plain JavaScript without type declarations
import { buildAll } from '../scripts/build.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CHROMIUM_PATH = '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.join(root, '.tmp')

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export type Harness = {
  baseUrl: string
  browser: Browser
  /** A fresh browser context (own cookies and storage) with one page. */
  newPage: (options?: { locale?: string; viewport?: { width: number; height: number } }) => Promise<Page>
  /** Server output so far, for failure messages. */
  serverLog: () => string
  stop: () => Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Builds what is stale, then copies the server bundle and the web build into `target`, all under
 * a lock shared by every e2e file. Vitest may run test files side by side, and a colleague's
 * `npm start` rebuilds dist/ too; Vite empties dist/web on each build, so a server serving
 * dist/web directly can lose its lazy chunks mid-test. Each harness serves its own snapshot.
 */
async function buildSnapshot(target: string) {
  const lock = path.join(root, '.tmp', 'e2e-build.lock')
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true }) // left by a killed run
      if (Date.now() > deadline) throw new Error(`could not take the build lock ${lock}`)
      await sleep(250)
    }
  }
  try {
    await buildAll()
    const dist = path.join(target, 'dist')
    fs.mkdirSync(dist, { recursive: true })
    for (const file of ['server.mjs', 'server.mjs.map']) {
      const from = path.join(root, 'dist', file)
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dist, file))
    }
    fs.cpSync(path.join(root, 'dist', 'web'), path.join(dist, 'web'), { recursive: true })
    // The bundle keeps packages external; they resolve through this link.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'), 'dir')
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${log()}`)
    try {
      const response = await fetch(`${url}/api/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await sleep(200)
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`)
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install chromium fonts-wqy-microhei`,
    )
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-e2e-'))
  await buildSnapshot(workDir)
  const port = await freePort()
  const dataDir = path.join(workDir, 'data')
  fs.mkdirSync(dataDir)
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  }
  // On PostgreSQL each harness gets its own schema, dropped at stop, as the server tests do.
  const schema = process.env.DATABASE_URL ? `e2e_${Math.random().toString(36).slice(2, 10)}` : undefined
  if (process.env.DATABASE_URL && schema) {
    env.DATABASE_URL = process.env.DATABASE_URL
    env.DATABASE_SCHEMA = schema
  }
  let output = ''
  const child = spawn(process.execPath, [path.join(workDir, 'dist/server.mjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const serverLog = () => output.slice(-5000)
  const baseUrl = `http://127.0.0.1:${port}`
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const stop = async () => {
    await Promise.allSettled(contexts.map((c) => c.close()))
    await browser?.close().catch(() => {})
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    fs.rmSync(workDir, { recursive: true, force: true })
    if (schema && process.env.DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await admin.connect()
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end())
    }
  }
  try {
    await waitForHealth(baseUrl, child, serverLog)
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  } catch (error) {
    await stop()
    throw error
  }
  const launched = browser
  return {
    baseUrl,
    browser: launched,
    serverLog,
    stop,
    newPage: async (options = {}) => {
      const context = await launched.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? 'zh-CN',
        viewport: options.viewport ?? { width: 1280, height: 860 },
      })
      // Fail a step in seconds, well inside the test's own timeout, so one failure is legible.
      context.setDefaultTimeout(10_000)
      contexts.push(context)
      return context.newPage()
    },
  }
}

/** The password of every demo account (seed data). */
export const DEMO_PASSWORD = 'zhibao-demo'

/** Signs `page` in as a demo account through the login form (zh-CN) and waits until it has left /login. */
export async function loginAs(page: Page, username: string) {
  await page.goto('/login')
  await page.getByLabel('用户名', { exact: true }).fill(username)
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD)
  await page
    .locator('form')
    .getByRole('button', { name: /登\s*录/ })
    .click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
