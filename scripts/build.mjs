// Builds what `npm start` serves: the web app (Vite) into dist/web and the server and CLI bundles
// (esbuild) into dist/. Each part is rebuilt only when a source file is newer than its output,
// so a second `npm start` starts at once; `--force` rebuilds everything.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const force = process.argv.includes('--force')

function newest(dirs) {
  let latest = 0
  const walk = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name))
    } else if (!/\.test\.tsx?$/.test(p)) latest = Math.max(latest, stat.mtimeMs)
  }
  for (const d of dirs) walk(path.join(root, d))
  return latest
}

function stale(output, inputs) {
  const stat = fs.statSync(path.join(root, output), { throwIfNoEntry: false })
  return force || !stat || newest(inputs) > stat.mtimeMs
}

/** `web: false` skips the web app (the CLI needs only its bundle); `log` receives the summary line. */
export async function buildAll({ web = true, log = console.log } = {}) {
  const started = Date.now()
  const built = []
  if (web && stale('dist/web/index.html', ['web', 'contracts', 'vite.config.ts', 'package.json'])) {
    const { build } = await import('vite')
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' })
    built.push('web')
  }
  const bundles = { 'dist/server.mjs': 'server/main.ts', 'dist/cli.mjs': 'cli/main.ts' }
  for (const [output, entry] of Object.entries(bundles)) {
    if (!stale(output, ['server', 'contracts', 'cli', 'package.json'])) continue
    const { build } = await import('esbuild')
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, output),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      logLevel: 'warning',
    })
    built.push(output)
  }
  if (built.length) log(`built ${built.join(', ')} in ${Date.now() - started} ms`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAll()
