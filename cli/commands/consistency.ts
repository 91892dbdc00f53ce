import fs from 'node:fs'
import { parseArgs } from 'node:util'
import {
  base64Decode,
  checkConsistency,
  openCheckpoint,
  parseVerifierKey,
} from '../../contracts/evidence/index.ts'
import { type CliCommand, EXIT, UsageError } from '../registry.ts'
import { collectVerifierKeys } from './verify.ts'

/**
 * `zhibao consistency`: proves that an older signed checkpoint (a file) is a prefix of a newer one (a
 * file, or the log's latest), with the log's consistency proof, checked here against both roots.
 */
export const consistencyCommand: CliCommand = {
  name: 'consistency',
  usage:
    'zhibao consistency --url <base URL> --old <checkpoint file> [--new <checkpoint file>] (--vkey <vkey> | --vkey-file <file>)…',
  summary: 'Prove that an older evidence-log checkpoint is a prefix of a newer one; exit 1 if not',
  async run({ args, out, err }) {
    let values: { url?: string; old?: string; new?: string; vkey?: string[]; 'vkey-file'?: string[] }
    try {
      values = parseArgs({
        args,
        options: {
          url: { type: 'string' },
          old: { type: 'string' },
          new: { type: 'string' },
          vkey: { type: 'string', multiple: true },
          'vkey-file': { type: 'string', multiple: true },
        },
        strict: true,
      }).values
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!values.url || !values.old) throw new UsageError('give --url and --old')
    const verifiers = collectVerifierKeys(values).map(parseVerifierKey)
    if (verifiers.length === 0) throw new UsageError('give the log key with --vkey or --vkey-file')
    const base = values.url.replace(/\/+$/, '')
    const oldNote = fs.readFileSync(values.old, 'utf8')
    const newNote = values.new
      ? fs.readFileSync(values.new, 'utf8')
      : await fetch(`${base}/api/evidence/checkpoint`).then((r) => r.text())
    const a = openCheckpoint(oldNote, verifiers)
    const b = openCheckpoint(newNote, verifiers)
    if (!a.ok || !b.ok) {
      err(
        `checkpoint rejected: ${!a.ok ? `old (${a.reason}: ${a.detail})` : ''} ${!b.ok ? `new (${b.reason}: ${b.detail})` : ''}`,
      )
      return EXIT.failed
    }
    const [m, n] = [a.checkpoint.size, b.checkpoint.size]
    if (a.checkpoint.origin !== b.checkpoint.origin) {
      err(`the checkpoints belong to different logs: ${a.checkpoint.origin}, ${b.checkpoint.origin}`)
      return EXIT.failed
    }
    let proof: Uint8Array[] = []
    if (m > 0 && m < n) {
      const response = await fetch(`${base}/api/evidence/proof/consistency?old=${m}&new=${n}`)
      if (!response.ok) {
        err(`the log gives no consistency proof from ${m} to ${n} (HTTP ${response.status})`)
        return EXIT.failed
      }
      proof = ((await response.json()) as { proof: string[] }).proof.map(
        (p) => base64Decode(p) ?? new Uint8Array(),
      )
    }
    let consistent: boolean
    try {
      consistent = m === 0 || checkConsistency(m, n, a.checkpoint.rootHash, b.checkpoint.rootHash, proof)
    } catch (error) {
      err(`NOT consistent: ${(error as Error).message}`)
      return EXIT.failed
    }
    if (!consistent) {
      err(`NOT consistent: the tree of size ${m} is not a prefix of the tree of size ${n}`)
      return EXIT.failed
    }
    out(
      `consistent: the log's tree of size ${m} is a prefix of its tree of size ${n} (${proof.length} proof hashes)`,
    )
    return EXIT.ok
  },
}
