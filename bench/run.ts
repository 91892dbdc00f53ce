// `npm run bench [suite…]`: runs the benchmark suites (bench/suites/*.ts), writes each suite's
// results to bench/results/<suite>.md, and assembles BENCHMARKS.md from every result file with a
// note of the machine. Numbers are read against shared/perf-limits.md (same kind of machine).
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const suitesDir = path.join(root, 'bench', 'suites')
const resultsDir = path.join(root, 'bench', 'results')

const available = fs
  .readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort()
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
// `--assemble` only rebuilds BENCHMARKS.md from the stored results.
const suites = process.argv.includes('--assemble')
  ? []
  : wanted.length
    ? available.filter((s) => wanted.includes(s))
    : available

for (const suite of suites) {
  console.log(`\n=== ${suite}`)
  const started = Date.now()
  const module = (await import(path.join(suitesDir, `${suite}.ts`))) as { run(): Promise<string> }
  const markdown = await module.run()
  const stamp = `_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${((Date.now() - started) / 1000).toFixed(0)} s._\n`
  fs.writeFileSync(path.join(resultsDir, `${suite}.md`), `${markdown.trim()}\n\n${stamp}`)
  console.log(markdown)
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const machine = [
  `- ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}`,
  `- Node.js ${process.version}; PostgreSQL ${safe('psql --version')}`,
  '- Client and server share the machine (loopback); read ratios within one run, not absolute numbers across runs.',
].join('\n')
const sections = fs
  .readdirSync(resultsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => fs.readFileSync(path.join(resultsDir, f), 'utf8').trim())
fs.writeFileSync(
  path.join(root, 'BENCHMARKS.md'),
  `# Benchmarks\n\nProduced by \`npm run bench\` (one suite: \`npm run bench -- <suite>\`).\n\n## Machine\n\n${machine}\n\n${sections.join('\n\n')}\n`,
)
console.log('\nwrote BENCHMARKS.md')

function safe(command: string): string {
  try {
    return execSync(command, { encoding: 'utf8' }).match(/\d+\.\d+/)?.[0] ?? '?'
  } catch {
    return 'not installed'
  }
}
