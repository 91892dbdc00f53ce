import { fail, type IdentifierResult, normaliseInput, ok } from './types.ts'

// Subclass (A61K), optionally followed by main group / subgroup. Main groups are written with
// up to 4 digits (ST.8 pads them), subgroups with 2–6. A trailing version such as "(2006.01)"
// as found in CNIPA data is accepted and dropped.
const IPC_PATTERN = /^([A-H]\d{2}[A-Z])(?:\s*(\d{1,4})\s*\/\s*(\d{2,6}))?(?:\s*\(\d{4}\.\d{2}\))?$/

/**
 * Validates an IPC symbol and normalises it to the spaced form.
 * @example validateIpc('a61k31/495') // { ok: true, value: 'A61K 31/495' }
 * @example validateIpc('A61K')       // { ok: true, value: 'A61K' }
 */
export function validateIpc(input: string): IdentifierResult {
  const trimmed = normaliseInput(input)
  if (trimmed === '') return fail('ipc', 'empty')
  const match = IPC_PATTERN.exec(trimmed.toUpperCase())
  if (!match) return fail('ipc', 'format')
  const [, subclass, mainGroup, subgroup] = match
  if (mainGroup === undefined) return ok(subclass!)
  const group = Number(mainGroup)
  if (group === 0) return fail('ipc', 'range')
  return ok(`${subclass} ${group}/${subgroup}`)
}
