#!/usr/bin/env node
// `npx zhibao <command>` from a checkout: rebuild the CLI bundle if a source is newer, then run it.
// The build note goes to stderr, so the command's own output stays clean for scripts.
import { buildAll } from '../scripts/build.mjs'

await buildAll({ web: false, log: (line) => process.stderr.write(`${line}\n`) })
const { main } = await import('../dist/cli.mjs')
process.exitCode = await main(process.argv.slice(2))
