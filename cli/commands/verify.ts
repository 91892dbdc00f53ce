import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  base64Encode,
  checkLatestConsistency,
  parseCheckpoint,
  parseNote,
  verifyReceipt,
} from '../../contracts/evidence/index.ts'
import { isSm2VerifierKey, parseSm2VerifierKey } from '../../contracts/evidence/sm2.ts'
import { type CliCommand, EXIT, UsageError } from '../registry.ts'

/** Verifier keys from `--vkey` strings and `--vkey-file` files (one vkey a line, `#` comments). */
export function collectVerifierKeys(values: { vkey?: string[]; 'vkey-file'?: string[] }): string[] {
  const keys = [...(values.vkey ?? [])]
  for (const file of values['vkey-file'] ?? []) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const t = line.trim()
      if (t && !t.startsWith('#')) keys.push(t)
    }
  }
  return keys
}

/** SHA-256 and size of a file, streamed (evidence files may be large). */
async function digestFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), size }
}

const REASONS: Record<string, string> = {
  receiptMalformed: 'the receipt is not a valid receipt JSON document',
  proofMalformed: 'the inclusion proof is malformed or does not match the receipt',
  checkpointMalformed: 'the checkpoint is malformed',
  unknownKey: 'the checkpoint is not signed by any of the given log keys',
  signature: 'a checkpoint signature is invalid (the checkpoint was altered)',
  originMismatch: 'the checkpoint belongs to another log',
  entryMalformed: 'the entry is not a canonical deposit entry',
  rootMismatch: 'the entry and proof do not lead to the signed root (receipt altered)',
  fileNotInEntry: 'the file is not one of the deposited files (altered or different file)',
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'zhibao verify <receipt.json> [file…] (--vkey <vkey> | --vkey-file <file>)… [--url <base URL>]',
  summary: 'Verify an evidence receipt (and files) offline against the log key; exit 1 on failure',
  async run({ args, out, err }) {
    let parsed: ReturnType<
      typeof parseArgs<{
        options: {
          vkey: { type: 'string'; multiple: true }
          'vkey-file': { type: 'string'; multiple: true }
          url: { type: 'string' }
        }
        allowPositionals: true
      }>
    >
    try {
      parsed = parseArgs({
        args,
        options: {
          vkey: { type: 'string', multiple: true },
          'vkey-file': { type: 'string', multiple: true },
          url: { type: 'string' },
        },
        allowPositionals: true,
        strict: true,
      })
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const [receiptFile, ...files] = parsed.positionals
    if (!receiptFile) throw new UsageError('give the receipt file')
    const verifierKeys = collectVerifierKeys(parsed.values)
    if (verifierKeys.length === 0)
      throw new UsageError('give the log key with --vkey or --vkey-file (the trust root)')
    const receipt = fs.readFileSync(receiptFile, 'utf8')
    const digests = await Promise.all(files.map(digestFile))
    let result: ReturnType<typeof verifyReceipt>
    let keys: Array<string | ReturnType<typeof parseSm2VerifierKey>> = []
    try {
      // An SM2 (国密) vkey checks the checkpoint's SM2 signature line (docs/evidence-log.md §5.1).
      keys = verifierKeys.map((k) => (isSm2VerifierKey(k) ? parseSm2VerifierKey(k) : k))
      result = verifyReceipt({ receipt, verifierKeys: keys, files: digests })
    } catch (error) {
      err(`verification failed: bad verifier key: ${(error as Error).message}`)
      return EXIT.failed
    }
    if (!result.ok) {
      err(`verification FAILED (${result.reason}): ${REASONS[result.reason] ?? ''} — ${result.detail}`)
      return EXIT.failed
    }
    const note = parseNote(JSON.parse(receipt).checkpoint)
    const checkpoint = parseCheckpoint(note.text)
    const signedBy = result.verifiedBy.map((k) => `${k.name}+${k.keyId}`).join(', ')
    const where = `as entry ${result.index} of the log ${result.origin} whose checkpoint (size ${result.treeSize}, root ${base64Encode(checkpoint.rootHash)}) is signed by key ${signedBy}`
    if (files.length === 0) {
      const e = result.entry
      out(
        e.type === 'zhibao.deposit'
          ? `OK: the entry (${e.blobs.length} file(s)) was deposited at ${e.receivedAt}, ${where}`
          : `OK: the statement ${e.kind} (digest ${e.digest}) was received at ${e.receivedAt}, ${where}`,
      )
    }
    for (const [i, file] of files.entries()) {
      out(
        `OK: this exact file ${path.basename(file)} (sha256 ${digests[i]!.sha256}) was deposited at ${result.entry.receivedAt}, ${where}`,
      )
    }
    if (parsed.values.url) {
      // Online: the receipt's checkpoint must be a prefix of the log's latest one.
      const base = parsed.values.url.replace(/\/+$/, '')
      try {
        const latest = await fetch(`${base}/api/evidence/checkpoint`).then((r) => r.text())
        const size = parseCheckpoint(parseNote(latest).text).size
        const m = result.treeSize
        const proof =
          size > m
            ? (
                (await fetch(`${base}/api/evidence/proof/consistency?old=${m}&new=${size}`).then((r) =>
                  r.json(),
                )) as {
                  proof: string[]
                }
              ).proof
            : []
        const c = checkLatestConsistency({
          receipt: result,
          latest,
          verifierKeys: keys,
          proof,
        })
        if (!c.ok) {
          err(`NOT consistent with the latest checkpoint (${c.reason}): ${c.detail}`)
          return EXIT.failed
        }
        out(`OK: still consistent with the latest checkpoint (size ${c.latestSize}, root ${c.latestRoot})`)
      } catch (error) {
        err(`could not check against the latest checkpoint at ${base}: ${(error as Error).message}`)
        return EXIT.failed
      }
    }
    return EXIT.ok
  },
}
