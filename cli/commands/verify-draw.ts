import fs from 'node:fs'
import { verifyDrawRecord } from '../../contracts/inspections/draw/index.ts'
import { nodeSha256 } from '../../contracts/inspections/draw/node-hash.ts'
import { type CliCommand, EXIT, UsageError } from '../registry.ts'

/**
 * `zhibao verify-draw record.json`: re-runs a published draw record (docs/draw-algorithm.md §9)
 * offline, with no database and no trust in the server. Exit 0 when it reproduces, 1 with the
 * reason and the first difference when it does not.
 */
export const verifyDrawCommand: CliCommand = {
  name: 'verify-draw',
  usage: 'zhibao verify-draw <record.json>',
  summary: 'Re-run a published inspection draw record; exit code 0 when it reproduces, 1 otherwise',
  async run({ args, out, err }) {
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new UsageError('expected one record file')
    const file = args[0]!
    let record: unknown
    try {
      record = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch (error) {
      err(`cannot read ${file}: ${(error as Error).message}`)
      return EXIT.failed
    }
    const started = performance.now()
    const outcome = verifyDrawRecord(record, { sha256: nodeSha256 })
    const ms = Math.round(performance.now() - started)
    if (outcome.ok) {
      const r = record as {
        inputs: { planId: string }
        commitment: string
        seed: string
        result: { targets: unknown[] }
      }
      out(
        `draw record ok: plan ${r.inputs.planId}, ${r.result.targets.length} target(s) reproduced in ${ms} ms`,
      )
      out(`commitment ${r.commitment}`)
      out(`seed       ${r.seed}`)
      return EXIT.ok
    }
    err(`draw record does NOT verify: ${outcome.reason} — ${outcome.message}`)
    if (outcome.firstDifference) {
      const d = outcome.firstDifference
      err(
        `first difference at ${d.path}: recomputed ${JSON.stringify(d.expected)}, record has ${JSON.stringify(d.actual)}`,
      )
    }
    return EXIT.failed
  },
}
