/**
 * C2SP tlog-proof@v1 (`.tlog-proof`): an offline-verifiable inclusion proof bundled with the signed
 * checkpoint it leads to.
 *
 * ```
 * c2sp.org/tlog-proof@v1
 * [extra <base64 opaque data>]        (optional, NOT authenticated)
 * index <decimal leaf index>
 * <base64 hash>                        (inclusion proof, leaf sibling first; zero or more lines)
 *
 * <checkpoint note, verbatim, with signatures and cosignatures>
 * ```
 */
import { base64Decode, base64Encode, parseDecimal } from './bytes.ts'
import { HASH_SIZE, ProofError } from './merkle.ts'

/** First line of every tlog-proof. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1'
/** Longest inclusion proof accepted (a 2^64-leaf tree needs 64 hashes). */
export const MAX_PROOF_HASHES = 64

/** A parsed tlog-proof. */
export interface TlogProof {
  /** Optional opaque data; unauthenticated, never rely on it for verification. */
  extra?: Uint8Array
  /** Zero-based leaf index. */
  index: number
  /** Inclusion proof hashes, leaf sibling first. */
  proof: Uint8Array[]
  /** The signed checkpoint note, verbatim (ends in "\n"). */
  checkpoint: string
}

/**
 * Formats a tlog-proof.
 * @example formatTlogProof({ index: 5, proof, checkpoint: signedNote })
 */
export function formatTlogProof(p: TlogProof): string {
  if (!Number.isSafeInteger(p.index) || p.index < 0) throw new ProofError('invalid index')
  if (p.proof.length > MAX_PROOF_HASHES) throw new ProofError('proof too long')
  if (!p.checkpoint.endsWith('\n') || p.checkpoint.startsWith('\n'))
    throw new ProofError('invalid checkpoint note')
  let out = `${TLOG_PROOF_HEADER}\n`
  if (p.extra !== undefined) out += `extra ${base64Encode(p.extra)}\n`
  out += `index ${p.index}\n`
  for (const h of p.proof) {
    if (h.length !== HASH_SIZE) throw new ProofError('proof hashes are 32 bytes')
    out += `${base64Encode(h)}\n`
  }
  return `${out}\n${p.checkpoint}`
}

/**
 * Parses a tlog-proof. The checkpoint note is returned verbatim, unverified. Throws
 * {@link ProofError} if malformed.
 * @example parseTlogProof(text).index // 5
 */
export function parseTlogProof(text: string): TlogProof {
  const lines = text.split('\n')
  let i = 0
  if (lines[i++] !== TLOG_PROOF_HEADER) throw new ProofError(`first line must be ${TLOG_PROOF_HEADER}`)
  let extra: Uint8Array | undefined
  if (lines[i]?.startsWith('extra ')) {
    extra = base64Decode(lines[i]!.slice('extra '.length))
    if (!extra) throw new ProofError('extra data is not base64')
    i++
  }
  const indexLine = lines[i++] ?? ''
  const index = indexLine.startsWith('index ') ? parseDecimal(indexLine.slice('index '.length)) : undefined
  if (index === undefined) throw new ProofError('missing or malformed index line')
  const proof: Uint8Array[] = []
  for (;;) {
    const line = lines[i++]
    if (line === undefined) throw new ProofError('missing blank line before the checkpoint')
    if (line === '') break
    const h = base64Decode(line)
    if (!h || h.length !== HASH_SIZE) throw new ProofError('proof line is not a base64 SHA-256 hash')
    proof.push(h)
    if (proof.length > MAX_PROOF_HASHES) throw new ProofError('proof too long')
  }
  const checkpoint = lines.slice(i).join('\n')
  if (checkpoint === '' || checkpoint.startsWith('\n') || !checkpoint.endsWith('\n'))
    throw new ProofError('missing checkpoint')
  return extra === undefined ? { index, proof, checkpoint } : { extra, index, proof, checkpoint }
}
