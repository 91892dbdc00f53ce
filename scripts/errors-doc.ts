// Writes docs/errors.md from the error-code registry: every code a client can receive, with its
// HTTP status and its zh-CN and English message. `server/kernel/errors-doc.test.ts` fails when the
// two drift; after adding or changing a code, run `npx tsx scripts/errors-doc.ts`.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import '../server/app.ts'
import { errorDefinitions } from '../server/kernel/errors.ts'

export const errorsDocPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/errors.md')

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

/** The Markdown page for the registry, codes in alphabetical order so the diff of a change is small. */
export function renderErrorsDoc(): string {
  const rows = [...errorDefinitions()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, d]) => `| \`${code}\` | ${d.status} | ${cell(d.zh)} | ${cell(d.en)} |`)
  return [
    '# Error codes',
    '',
    'Every error the API returns is `application/problem+json` (RFC 9457) with one of these codes in',
    '`code` (and in `type` as `urn:zhibao:error:<code>`), the HTTP status below, and `title` in the',
    "caller's language (`Accept-Language`: zh-CN by default, English on request). Validation errors",
    '(`validation_failed`) also list each bad field in `errors[]` with its `path` (e.g. `body.uscc`).',
    '',
    'Generated from the registry by `npx tsx scripts/errors-doc.ts`; a test keeps it in sync.',
    '',
    '| code | status | zh-CN | en |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(errorsDocPath, renderErrorsDoc())
  console.log(`wrote ${path.relative(process.cwd(), errorsDocPath)} (${errorDefinitions().size} codes)`)
}
