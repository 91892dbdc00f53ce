/**
 * Canonical entry encoding v1 (`zhibao.deposit`): the bytes the evidence log commits to for one
 * deposit. The leaf hash is SHA-256(0x00 ‖ these bytes).
 *
 * Why deterministic JSON rather than a length-prefixed binary: the entry is printed in receipts and
 * read by auditors, courts and third-party verifiers in any language; JSON is self-describing and
 * every platform can parse it. Determinism comes from a deliberately tiny subset:
 *   - one object shape per version, keys in lexicographic (UTF-16 code unit) order, no whitespace;
 *   - string values restricted to characters that JSON never escapes (hex digits, a strict ISO time,
 *     a lower-case media type token), so no escaping choices exist;
 *   - numbers are non-negative integers ≤ 2^53−1 in shortest decimal form;
 * which makes the encoding a strict subset of RFC 8785 (JCS): a JCS library produces the same bytes.
 * Decoding is strict: the bytes must parse, validate, and re-encode to exactly themselves, so every
 * entry has exactly one accepted encoding. Entries are at most 65 535 bytes (tlog-tiles bundles use a
 * uint16 length prefix).
 *
 * ```
 * {"blobs":[{"mediaType":"application/pdf","sha256":"<64 hex>","size":12345}],
 *  "depositor":"<64 hex>","receivedAt":"2026-11-25T08:00:00.000Z","titleHash":"<64 hex>",
 *  "type":"zhibao.deposit","v":1}
 * ```
 * (shown wrapped; the encoding has no newlines). `titleHash` is optional and omitted when absent.
 * No personal data appears in clear: `depositor` is the salted commitment SHA-256(salt ‖ UTF-8
 * depositorId), `titleHash` likewise a salted commitment to the title.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, concatBytes, utf8, utf8Decode } from './bytes.ts'

/** Entry type string of deposits, encoding version 1. */
export const ENTRY_TYPE_DEPOSIT = 'zhibao.deposit'
/** Current entry encoding version. */
export const ENTRY_VERSION = 1
/** Maximum encoded entry size in bytes. */
export const MAX_ENTRY_BYTES = 65_535
/** Minimum salt length for commitments, in bytes. */
export const MIN_SALT_BYTES = 16

/** One deposited file (blob), identified by content. */
export interface EntryBlob {
  /** Lower-case hex SHA-256 of the file bytes. */
  sha256: string
  /** File size in bytes. */
  size: number
  /** Lower-case media type without parameters, e.g. `application/pdf`. */
  mediaType: string
}

/** A deposit entry (canonical entry encoding v1). */
export interface DepositEntry {
  v: 1
  type: typeof ENTRY_TYPE_DEPOSIT
  /** Deposited blobs, in deposit order, no duplicate digests, at least one. */
  blobs: EntryBlob[]
  /** Salted depositor commitment, lower-case hex SHA-256(salt ‖ depositorId). */
  depositor: string
  /** Optional salted commitment to the deposit title, lower-case hex. */
  titleHash?: string
  /** Time the log received the deposit, `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC, as `Date.toISOString`). */
  receivedAt: string
}

/** Raised by {@link encodeEntry} / {@link decodeEntry} for an invalid entry. */
export class EntryError extends Error {
  override name = 'EntryError'
}

const HEX64 = /^[0-9a-f]{64}$/
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Salted commitment SHA-256(salt ‖ UTF-8 value) as lower-case hex: how the depositor identity (and
 * optionally the title) enter the public log. The salt (≥ 16 random bytes) stays with the depositor's
 * record; revealing salt and value later proves the link.
 * @example depositorCommitment(salt, '91320500MA1XXXXXXX') // '3f…'
 */
export function depositorCommitment(salt: Uint8Array, value: string): string {
  if (salt.length < MIN_SALT_BYTES) throw new EntryError(`salt must be at least ${MIN_SALT_BYTES} bytes`)
  return bytesToHex(sha256(concatBytes(salt, utf8(value))))
}

function fail(msg: string): never {
  throw new EntryError(msg)
}

function validate(e: DepositEntry): void {
  if (e.v !== ENTRY_VERSION) fail(`unsupported entry version ${String(e.v)}`)
  if (e.type !== ENTRY_TYPE_DEPOSIT) fail(`unsupported entry type ${String(e.type)}`)
  if (!Array.isArray(e.blobs) || e.blobs.length === 0) fail('at least one blob is required')
  const seen = new Set<string>()
  for (const b of e.blobs) {
    if (typeof b !== 'object' || b === null) fail('blob must be an object')
    if (typeof b.sha256 !== 'string' || !HEX64.test(b.sha256))
      fail('blob sha256 must be 64 lower-case hex digits')
    if (seen.has(b.sha256)) fail('duplicate blob digest')
    seen.add(b.sha256)
    if (!Number.isSafeInteger(b.size) || b.size < 0) fail('blob size must be a non-negative safe integer')
    if (typeof b.mediaType !== 'string' || !MEDIA_TYPE.test(b.mediaType))
      fail('blob mediaType must be a lower-case type/subtype without parameters')
  }
  if (typeof e.depositor !== 'string' || !HEX64.test(e.depositor))
    fail('depositor must be 64 lower-case hex digits')
  if (e.titleHash !== undefined && (typeof e.titleHash !== 'string' || !HEX64.test(e.titleHash)))
    fail('titleHash must be 64 lower-case hex digits')
  if (typeof e.receivedAt !== 'string' || !ISO_UTC.test(e.receivedAt))
    fail('receivedAt must be YYYY-MM-DDTHH:MM:SS.sssZ')
  const t = Date.parse(e.receivedAt)
  if (Number.isNaN(t) || new Date(t).toISOString() !== e.receivedAt)
    fail('receivedAt is not a valid UTC time')
}

function serialize(e: DepositEntry): string {
  const blobs = e.blobs
    .map((b) => `{"mediaType":"${b.mediaType}","sha256":"${b.sha256}","size":${b.size}}`)
    .join(',')
  const title = e.titleHash === undefined ? '' : `,"titleHash":"${e.titleHash}"`
  return `{"blobs":[${blobs}],"depositor":"${e.depositor}","receivedAt":"${e.receivedAt}"${title},"type":"${e.type}","v":${e.v}}`
}

/**
 * Encodes a deposit entry canonically (v1). Throws {@link EntryError} if a field is invalid.
 * @example
 * encodeEntry({ v: 1, type: 'zhibao.deposit', blobs: [{ sha256, size: 3, mediaType: 'text/plain' }],
 *   depositor: depositorCommitment(salt, id), receivedAt: new Date().toISOString() })
 */
export function encodeEntry(entry: DepositEntry): Uint8Array {
  validate(entry)
  const bytes = utf8(serialize(entry))
  if (bytes.length > MAX_ENTRY_BYTES) fail(`entry exceeds ${MAX_ENTRY_BYTES} bytes`)
  return bytes
}

const BLOB_KEYS = 'mediaType,sha256,size'

/**
 * Decodes canonical entry bytes; accepts only the exact canonical encoding. Throws {@link EntryError}.
 * @example decodeEntry(encodeEntry(entry)) // deep-equals entry
 */
export function decodeEntry(bytes: Uint8Array): DepositEntry {
  if (bytes.length > MAX_ENTRY_BYTES) fail(`entry exceeds ${MAX_ENTRY_BYTES} bytes`)
  const text = utf8Decode(bytes)
  if (text === undefined) fail('entry is not UTF-8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    fail('entry is not JSON')
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('entry is not a JSON object')
  const o = raw as Record<string, unknown>
  const keys = Object.keys(o).sort().join(',')
  if (keys !== 'blobs,depositor,receivedAt,titleHash,type,v' && keys !== 'blobs,depositor,receivedAt,type,v')
    fail(`unexpected entry fields: ${keys}`)
  if (!Array.isArray(o.blobs)) fail('blobs must be an array')
  for (const b of o.blobs) {
    if (typeof b !== 'object' || b === null || Object.keys(b).sort().join(',') !== BLOB_KEYS)
      fail('unexpected blob fields')
  }
  const entry = o as unknown as DepositEntry
  validate(entry)
  if (serialize(entry) !== text) fail('entry is not in canonical form')
  const out: DepositEntry = {
    v: 1,
    type: ENTRY_TYPE_DEPOSIT,
    blobs: entry.blobs.map((b) => ({ sha256: b.sha256, size: b.size, mediaType: b.mediaType })),
    depositor: entry.depositor,
    receivedAt: entry.receivedAt,
  }
  if (entry.titleHash !== undefined) out.titleHash = entry.titleHash
  return out
}

/** Entry type string of statements (non-file entries), encoding version 1. */
export const ENTRY_TYPE_STATEMENT = 'zhibao.statement'

/**
 * A statement entry (canonical entry encoding v1, type `zhibao.statement`): the log's commitment to
 * a digest produced by another part of ZhiBao, e.g. a random-inspection draw's input commitment.
 * ```
 * {"digest":"<64 hex>","kind":"inspection-commitment","receivedAt":"2026-11-25T08:00:00.000Z",
 *  "ref":"<public reference>","type":"zhibao.statement","v":1}
 * ```
 * `ref` is optional and omitted when absent. Nothing here may be personal data: the log is public.
 */
export interface StatementEntry {
  v: 1
  type: typeof ENTRY_TYPE_STATEMENT
  /** What the digest commits to, e.g. `inspection-commitment`: `^[a-z][a-z0-9-]{0,62}$`. */
  kind: string
  /** Lower-case hex SHA-256 the statement commits to. */
  digest: string
  /** Optional public reference (e.g. a draw id): `^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$`. */
  ref?: string
  /** Time the log received the statement, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  receivedAt: string
}

/** Any entry of the log. */
export type LogEntry = DepositEntry | StatementEntry

const KIND = /^[a-z][a-z0-9-]{0,62}$/
const REF = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/

function validateStatement(e: StatementEntry): void {
  if (e.v !== ENTRY_VERSION) fail(`unsupported entry version ${String(e.v)}`)
  if (e.type !== ENTRY_TYPE_STATEMENT) fail(`unsupported entry type ${String(e.type)}`)
  if (typeof e.kind !== 'string' || !KIND.test(e.kind))
    fail('kind must be lower-case letters, digits and hyphens, starting with a letter, at most 63')
  if (typeof e.digest !== 'string' || !HEX64.test(e.digest)) fail('digest must be 64 lower-case hex digits')
  if (e.ref !== undefined && (typeof e.ref !== 'string' || !REF.test(e.ref)))
    fail('ref must be 1–128 characters of A–Z a–z 0–9 . _ : / -, starting with a letter or digit')
  if (typeof e.receivedAt !== 'string' || !ISO_UTC.test(e.receivedAt))
    fail('receivedAt must be YYYY-MM-DDTHH:MM:SS.sssZ')
  const t = Date.parse(e.receivedAt)
  if (Number.isNaN(t) || new Date(t).toISOString() !== e.receivedAt)
    fail('receivedAt is not a valid UTC time')
}

function serializeStatement(e: StatementEntry): string {
  const ref = e.ref === undefined ? '' : `,"ref":"${e.ref}"`
  return `{"digest":"${e.digest}","kind":"${e.kind}","receivedAt":"${e.receivedAt}"${ref},"type":"${e.type}","v":${e.v}}`
}

/**
 * Encodes a statement entry canonically (v1). Throws {@link EntryError} if a field is invalid.
 * @example encodeStatement({ v: 1, type: 'zhibao.statement', kind: 'inspection-commitment', digest, receivedAt })
 */
export function encodeStatement(entry: StatementEntry): Uint8Array {
  validateStatement(entry)
  return utf8(serializeStatement(entry))
}

function parseObject(bytes: Uint8Array): { text: string; o: Record<string, unknown> } {
  if (bytes.length > MAX_ENTRY_BYTES) fail(`entry exceeds ${MAX_ENTRY_BYTES} bytes`)
  const text = utf8Decode(bytes)
  if (text === undefined) fail('entry is not UTF-8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    fail('entry is not JSON')
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('entry is not a JSON object')
  return { text, o: raw as Record<string, unknown> }
}

/** Decodes canonical statement bytes; accepts only the exact canonical encoding. */
export function decodeStatement(bytes: Uint8Array): StatementEntry {
  const { text, o } = parseObject(bytes)
  const keys = Object.keys(o).sort().join(',')
  if (keys !== 'digest,kind,receivedAt,ref,type,v' && keys !== 'digest,kind,receivedAt,type,v')
    fail(`unexpected entry fields: ${keys}`)
  const entry = o as unknown as StatementEntry
  validateStatement(entry)
  if (serializeStatement(entry) !== text) fail('entry is not in canonical form')
  const out: StatementEntry = {
    v: 1,
    type: ENTRY_TYPE_STATEMENT,
    kind: entry.kind,
    digest: entry.digest,
    receivedAt: entry.receivedAt,
  }
  if (entry.ref !== undefined) out.ref = entry.ref
  return out
}

/**
 * Decodes any log entry by its `type` (deposit or statement), canonically. Throws {@link EntryError}.
 * @example const e = decodeLogEntry(bytes); if (e.type === 'zhibao.deposit') e.blobs
 */
export function decodeLogEntry(bytes: Uint8Array): LogEntry {
  const { o } = parseObject(bytes)
  if (o.type === ENTRY_TYPE_STATEMENT) return decodeStatement(bytes)
  return decodeEntry(bytes)
}
