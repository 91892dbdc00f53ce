// Issue 2's benchmark: throughput and p99 of GET /api/health, of an authenticated scoped list
// (GET /api/entities as a district officer), and of a bare Fastify route in the same server process,
// with autocannon at 100 connections; the same list computed on every request (the app without its
// response cache); and the time from `npm start` to the first 200.
import { type ChildProcess, fork, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

export async function run(): Promise<string> {
  const { child, port, uncachedPort } = await startBenchServer()
  try {
    const base = `http://127.0.0.1:${port}`
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.gusu', password: 'zhibao-demo' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
    const list = await (await fetch(`${base}/api/entities?pageSize=20`, { headers: { cookie } })).json()
    const scopedName = `GET /api/entities (officer.gusu, scoped, 20 of ${list.total})`
    const targets: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: 'bare Fastify route', url: `${base}/bench/bare`, headers: {} },
      { name: 'GET /api/health', url: `${base}/api/health`, headers: {} },
      { name: scopedName, url: `${base}/api/entities?pageSize=20`, headers: { cookie } },
      {
        name: 'the same list, computed every time (response cache off)',
        url: `http://127.0.0.1:${uncachedPort}/api/entities?pageSize=20`,
        headers: { cookie },
      },
    ]
    const results = new Map<string, { rps: number[]; p99: number[]; errors: number }>()
    for (let round = 0; round < 2; round++) {
      for (const target of round % 2 ? [...targets].reverse() : targets) {
        await cannon(target.url, target.headers, 2) // warm-up
        const r = await cannon(target.url, target.headers, SECONDS)
        const entry = results.get(target.name) ?? { rps: [], p99: [], errors: 0 }
        entry.rps.push(r.requests.average)
        entry.p99.push(r.latency.p99)
        entry.errors += r.errors + r.non2xx
        results.set(target.name, entry)
      }
    }
    const bare = median(results.get('bare Fastify route')!.rps)
    const rows = [...results].map(([name, r]) => {
      const rps = median(r.rps)
      return `| ${name} | ${Math.round(rps).toLocaleString('en')} | ${median(r.p99)} | ${(rps / bare).toFixed(2)} | ${r.errors} |`
    })
    const startup = await measureStartup()
    const scoped = median(results.get(scopedName)!.rps) / bare
    return [
      '## Platform (issue 2)',
      '',
      `autocannon, 100 connections, ${SECONDS} s per route after a 2 s warm-up, 2 rounds (order reversed in the second), median shown; server: the app with NODE_ENV=production on SQLite with 10,000 entities over 10 districts.`,
      '',
      '| route | req/s | p99 ms | ratio to bare | errors + non-2xx |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      `Target: the authenticated scoped list at ≥ 40% of the bare route: **${(scoped * 100).toFixed(0)}%** (${scoped >= 0.4 ? 'met' : 'not met'}).`,
      '',
      'How: the scoped list is declared `cacheByScope` (server/kernel/http/response-cache.ts, decision 39). After the',
      'session and the permission are checked as for any request, a repeat of the same URL in the same data scope is',
      'answered from memory while SQLite’s data version is unchanged: every write of this process and every commit of',
      'another connection moves it, so an answer is never older than the data (tests in response-cache.test.ts). A',
      'computed list costs about 240 µs of server CPU against about 22 µs for the bare route: SQLite runs the page of',
      '20 rows with district names (~40 µs in a hot loop) and the exact count of the rows in scope (~25 µs), the rest is',
      'Kysely building the statements, the hooks and writing 5 KB; the last row of the table measures it with the cache',
      'off (what the first request after a change costs). On PostgreSQL, where other instances write unseen, nothing',
      'is cached.',
      '',
      '| `npm start` to the first 200 on /api/health (installed and built checkout, SQLite) | ms |',
      '|---|---|',
      `| first start: empty DATA_DIR (migrations, reference and demo data) | ${startup.first} |`,
      `| second start: existing database | ${startup.second} |`,
      '',
      `Target: < 3 s: ${Math.max(startup.first, startup.second) < 3000 ? 'met' : 'not met'}.`,
    ].join('\n')
  } finally {
    child.kill('SIGTERM')
  }
}

function startBenchServer(): Promise<{ child: ChildProcess; port: number; uncachedPort: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, 'bench/http-server.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    })
    child.once('message', (m: { port: number; uncachedPort: number }) => resolve({ child, ...m }))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

function cannon(url: string, headers: Record<string, string>, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 100, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
  })
}

async function measureStartup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-start-'))
  const once = async () => {
    const port = 3900 + Math.floor(Math.random() * 100)
    const started = performance.now()
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    })
    try {
      for (;;) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/health`)
          if (response.status === 200) return Math.round(performance.now() - started)
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 20))
        if (performance.now() - started > 30_000) throw new Error('server did not start in 30 s')
      }
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  }
  const first = await once()
  const second = await once()
  return { first, second }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
