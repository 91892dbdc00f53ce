/**
 * Deposit receipts (存证凭证) and their offline verification. A receipt lets anyone holding the log's
 * verifier key(s) check, without contacting the log, that an entry — and the files it lists — was
 * included in the log's tree at a signed checkpoint.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { base64Decode, base64Encode, bytesToHex, hexDecode } from './bytes.ts'
import { decodeLogEntry, EntryError, type LogEntry } from './entry.ts'
import { leafHash, ProofError, rootFromInclusionProof, verifyConsistency } from './merkle.ts'
import { type NoteVerifier, openCheckpoint, parseVerifierKey, type VerifiedBy } from './note.ts'
import { formatTlogProof, parseTlogProof } from './tlogProof.ts'

/** Receipt JSON, version 1. Unknown extra fields (e.g. `anchors`) are allowed and ignored here. */
export interface Receipt {
  version: 1
  /** Checkpoint origin of the log, e.g. `zhibao.example.cn/evidence/2026`. */
  logOrigin: string
  /** Leaf index of the entry. */
  index: number
  /** Base64 of the canonical entry bytes. */
  entry: string
  /** C2SP tlog-proof@v1 text; its checkpoint must equal `checkpoint`. */
  tlogProof: string
  /** Signed checkpoint note (verbatim). */
  checkpoint: string
  [extra: string]: unknown
}

/** Why a receipt did not verify. */
export type ReceiptFailure =
  | 'receiptMalformed'
  | 'proofMalformed'
  | 'checkpointMalformed'
  | 'unknownKey'
  | 'signature'
  | 'originMismatch'
  | 'entryMalformed'
  | 'rootMismatch'
  | 'fileNotInEntry'

/** A file to check against the entry: its bytes, or its SHA-256 (hex) and optionally its size. */
export type ReceiptFile = Uint8Array | { sha256: string; size?: number }

/** Input of {@link verifyReceipt}. */
export interface VerifyReceiptInput {
  /** Receipt object or its JSON text. */
  receipt: Receipt | string
  /** Accepted log keys (vkey strings or verifiers); several allow key rotation. */
  verifierKeys: ReadonlyArray<NoteVerifier | string>
  /** Files that must all be among the entry's blobs. */
  files?: readonly ReceiptFile[]
}

/** Outcome of {@link verifyReceipt}. */
export type ReceiptResult =
  | {
      ok: true
      origin: string
      index: number
      treeSize: number
      /** Hex root hash of the checkpoint. */
      rootHash: string
      /** Hex RFC 6962 leaf hash of the entry. */
      leafHash: string
      /** The decoded entry: a deposit (`zhibao.deposit`) or a statement (`zhibao.statement`). */
      entry: LogEntry
      /** Keys whose signatures on the checkpoint verified. */
      verifiedBy: VerifiedBy[]
      /** For each input file, in order, the index of the matching blob in `entry.blobs`. */
      files: Array<{ sha256: string; blobIndex: number }>
    }
  | { ok: false; reason: ReceiptFailure; detail: string }

function failure(reason: ReceiptFailure, detail: string): ReceiptResult {
  return { ok: false, reason, detail }
}

/**
 * Assembles a receipt (server side) from an entry, its inclusion proof and the signed checkpoint the
 * proof leads to.
 * @example buildReceipt({ logOrigin, index, entry: encodeEntry(e), proof, checkpoint: signedNote })
 */
export function buildReceipt(p: {
  logOrigin: string
  index: number
  entry: Uint8Array
  proof: Uint8Array[]
  checkpoint: string
}): Receipt {
  return {
    version: 1,
    logOrigin: p.logOrigin,
    index: p.index,
    entry: base64Encode(p.entry),
    tlogProof: formatTlogProof({ index: p.index, proof: p.proof, checkpoint: p.checkpoint }),
    checkpoint: p.checkpoint,
  }
}

function parseReceipt(input: Receipt | string): Receipt | string {
  let r: unknown = input
  if (typeof input === 'string') {
    try {
      r = JSON.parse(input)
    } catch {
      return 'receipt is not JSON'
    }
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return 'receipt is not an object'
  const o = r as Record<string, unknown>
  if (o.version !== 1) return `unsupported receipt version ${String(o.version)}`
  for (const k of ['logOrigin', 'entry', 'tlogProof', 'checkpoint'] as const) {
    if (typeof o[k] !== 'string') return `receipt.${k} must be a string`
  }
  if (!Number.isSafeInteger(o.index) || (o.index as number) < 0)
    return 'receipt.index must be a non-negative integer'
  return o as Receipt
}

/**
 * Verifies a deposit receipt offline: (1) the checkpoint note is signed by one of `verifierKeys`
 * (unknown signatures ignored, e.g. witness cosignatures), (2) its origin is the receipt's log,
 * (3) the entry decodes canonically, (4) its leaf hash and the tlog-proof inclusion proof reproduce
 * the checkpoint root at the checkpoint's size, (5) every given file's SHA-256 is one of the entry's
 * blob digests (and sizes match when given). Never throws for bad receipts; throws {@link NoteError}
 * for a malformed verifier key string.
 * @example
 * const r = verifyReceipt({ receipt: json, verifierKeys: [vkey], files: [pdfBytes] })
 * if (!r.ok) console.error(r.reason, r.detail)
 */
export function verifyReceipt(input: VerifyReceiptInput): ReceiptResult {
  const verifiers = input.verifierKeys.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k))
  const receipt = parseReceipt(input.receipt)
  if (typeof receipt === 'string') return failure('receiptMalformed', receipt)

  let proof: ReturnType<typeof parseTlogProof>
  try {
    proof = parseTlogProof(receipt.tlogProof)
  } catch (e) {
    return failure('proofMalformed', (e as Error).message)
  }
  if (proof.checkpoint !== receipt.checkpoint)
    return failure('proofMalformed', 'the checkpoint in tlogProof differs from receipt.checkpoint')
  if (proof.index !== receipt.index)
    return failure('proofMalformed', 'tlogProof index differs from receipt.index')

  const cp = openCheckpoint(receipt.checkpoint, verifiers)
  if (!cp.ok) return failure(cp.reason === 'malformed' ? 'checkpointMalformed' : cp.reason, cp.detail)
  const { origin, size, rootHash } = cp.checkpoint
  if (origin !== receipt.logOrigin)
    return failure(
      'originMismatch',
      `checkpoint origin ${origin} is not the receipt's log ${receipt.logOrigin}`,
    )

  const entryBytes = base64Decode(receipt.entry)
  if (!entryBytes) return failure('entryMalformed', 'receipt.entry is not base64')
  let entry: LogEntry
  try {
    entry = decodeLogEntry(entryBytes)
  } catch (e) {
    if (e instanceof EntryError) return failure('entryMalformed', e.message)
    throw e
  }

  const leaf = leafHash(entryBytes)
  let computed: Uint8Array
  try {
    computed = rootFromInclusionProof(proof.index, size, leaf, proof.proof)
  } catch (e) {
    if (e instanceof ProofError) return failure('proofMalformed', e.message)
    throw e
  }
  if (bytesToHex(computed) !== bytesToHex(rootHash))
    return failure('rootMismatch', 'entry and inclusion proof do not reproduce the checkpoint root')

  const files: Array<{ sha256: string; blobIndex: number }> = []
  for (const f of input.files ?? []) {
    const digest = f instanceof Uint8Array ? bytesToHex(sha256(f)) : f.sha256.toLowerCase()
    const size = f instanceof Uint8Array ? f.length : f.size
    if (entry.type !== 'zhibao.deposit')
      return failure('fileNotInEntry', `a ${entry.type} entry lists no files (${digest})`)
    const blobIndex = entry.blobs.findIndex((b) => b.sha256 === digest)
    if (blobIndex < 0) return failure('fileNotInEntry', `no blob with SHA-256 ${digest} in the entry`)
    if (size !== undefined && entry.blobs[blobIndex]!.size !== size)
      return failure('fileNotInEntry', `blob ${digest} has size ${entry.blobs[blobIndex]!.size}, not ${size}`)
    files.push({ sha256: digest, blobIndex })
  }

  return {
    ok: true,
    origin,
    index: proof.index,
    treeSize: size,
    rootHash: bytesToHex(rootHash),
    leafHash: bytesToHex(leaf),
    entry,
    verifiedBy: cp.verifiedBy,
    files,
  }
}

/** Outcome of {@link checkLatestConsistency}. */
export type LatestConsistency =
  | { ok: true; latestSize: number; latestRoot: string; verifiedBy: VerifiedBy[] }
  | { ok: false; reason: 'checkpoint' | 'originMismatch' | 'shrunk' | 'inconsistent'; detail: string }

/**
 * Online step after {@link verifyReceipt}: checks that the receipt's checkpoint (size m, root r) is
 * a prefix of the log's latest signed checkpoint (size n ≥ m), with the consistency proof m → n
 * that the log serves (`GET /api/evidence/proof/consistency?old=m&new=n`). A receipt issued at size
 * m thus stays checkable after the log grows: "still consistent with the latest checkpoint".
 * @example checkLatestConsistency({ receipt: verified, latest: noteText, verifierKeys, proof })
 */
export function checkLatestConsistency(input: {
  /** The successful result of verifyReceipt. */
  receipt: { origin: string; treeSize: number; rootHash: string }
  /** The latest signed checkpoint note, as fetched. */
  latest: string
  verifierKeys: ReadonlyArray<NoteVerifier | string>
  /** Base64 or raw consistency proof hashes from size m to size n (empty when equal). */
  proof: ReadonlyArray<Uint8Array | string>
}): LatestConsistency {
  const verifiers = input.verifierKeys.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k))
  const cp = openCheckpoint(input.latest, verifiers)
  if (!cp.ok) return { ok: false, reason: 'checkpoint', detail: `${cp.reason}: ${cp.detail}` }
  const { origin, size, rootHash } = cp.checkpoint
  if (origin !== input.receipt.origin)
    return { ok: false, reason: 'originMismatch', detail: `latest checkpoint is of ${origin}` }
  const m = input.receipt.treeSize
  if (size < m)
    return {
      ok: false,
      reason: 'shrunk',
      detail: `the latest checkpoint has ${size} entries, the receipt's ${m}`,
    }
  const proof: Uint8Array[] = []
  for (const p of input.proof) {
    const bytes = typeof p === 'string' ? base64Decode(p) : p
    if (!bytes) return { ok: false, reason: 'inconsistent', detail: 'a proof hash is not base64' }
    proof.push(bytes)
  }
  const oldRoot = hexDecode(input.receipt.rootHash, 32)
  if (!oldRoot || !verifyConsistency(m, size, oldRoot, rootHash, proof))
    return {
      ok: false,
      reason: 'inconsistent',
      detail: `the tree of size ${m} is not a prefix of the latest tree of size ${size}`,
    }
  return { ok: true, latestSize: size, latestRoot: bytesToHex(rootHash), verifiedBy: cp.verifiedBy }
}
