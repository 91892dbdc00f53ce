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
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${log()}`)
}

export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with: apt-get install chromium fonts-wqy-microhei`,
    )
  }
  await buildAll()
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-e2e-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  }
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL
  let output = ''
  const child = spawn(process.execPath, [path.join(root, 'dist/server.mjs')], {
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
    fs.rmSync(dataDir, { recursive: true, force: true })
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
