/**
 * C2SP signed notes (signed-note v1.0.0), verifier and signer key strings (vkey / Go's
 * `PRIVATE+KEY+…`), Ed25519 note signatures (type 0x01), Ed25519 witness cosignatures
 * (`cosignature/v1`, type 0x04, verification only) and tlog-checkpoint v1.0.0 bodies.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { sha256 } from '@noble/hashes/sha2.js'
import {
  base64Decode,
  base64Encode,
  bytesToHex,
  concatBytes,
  hexDecode,
  parseDecimal,
  utf8,
} from './bytes.ts'
import { HASH_SIZE } from './merkle.ts'

/** Signature type byte of an Ed25519 note signature. */
export const SIG_TYPE_ED25519 = 0x01
/** Signature type byte of an Ed25519 `cosignature/v1` witness cosignature. */
export const SIG_TYPE_COSIGNATURE_V1 = 0x04
/** Upper bound on signature lines accepted in one note (the spec requires at least 16). */
export const MAX_NOTE_SIGNATURES = 100

const EM_DASH_PREFIX = '\u2014 '

/** A malformed note, key string or checkpoint. */
export class NoteError extends Error {
  override name = 'NoteError'
}

/** Verifies the signatures of one key; identified in notes by (name, keyId). */
export interface NoteVerifier {
  /** Key name, as it appears on signature lines. */
  readonly name: string
  /** Key ID: 8 lower-case hex digits (the first 4 bytes of a signature payload). */
  readonly keyId: string
  /** Signature type byte (0x01 Ed25519, 0x04 Ed25519 cosignature). */
  readonly type: number
  /** Verifies `signature` (the payload after the key ID) over the note text bytes. */
  verify(text: Uint8Array, signature: Uint8Array): boolean
}

/** Produces note signatures for one key. */
export interface NoteSigner {
  readonly name: string
  readonly keyId: string
  /** Returns the signature payload (without key ID) over the note text bytes. */
  sign(text: Uint8Array): Uint8Array
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True if the string has no lone surrogates, i.e. encodes to UTF-8 without loss. */
function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s)
}

/** Key names are non-empty, contain no Unicode whitespace, no `+` and no control characters. */
export function isValidKeyName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  return name.length > 0 && !/[\s+\u0000-\u001f\u007f]/u.test(name) && isWellFormed(name)
}

/**
 * Key ID per signed-note: first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ publicKey), as hex.
 * @example keyIdFor('PeterNeumann', 0x01, pub) // 'c74f20a3'
 */
export function keyIdFor(name: string, type: number, publicKey: Uint8Array): string {
  const h = sha256(concatBytes(utf8(`${name}\n`), new Uint8Array([type]), publicKey))
  return bytesToHex(h.subarray(0, 4))
}

function readUint64(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0)
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(v)
}

/** Message a `cosignature/v1` witness signs at UNIX time `t` over a checkpoint note text. */
export function cosignatureMessage(time: number, text: Uint8Array): Uint8Array {
  return concatBytes(utf8(`cosignature/v1\ntime ${time}\n`), text)
}

/** Timestamp carried by a `cosignature/v1` signature payload (first 8 bytes, big-endian seconds). */
export function cosignatureTime(signature: Uint8Array): number | undefined {
  if (signature.length !== 72) return undefined
  const t = readUint64(signature)
  return Number.isNaN(t) ? undefined : t
}

/** A verifier parsed from a vkey string, with its raw public key. */
export interface VerifierKey extends NoteVerifier {
  readonly publicKey: Uint8Array
  /** The canonical vkey string. */
  readonly vkey: string
}

function makeVerifier(name: string, type: number, publicKey: Uint8Array): VerifierKey {
  const keyId = keyIdFor(name, type, publicKey)
  const vkey = `${name}+${keyId}+${base64Encode(concatBytes(new Uint8Array([type]), publicKey))}`
  const verify =
    type === SIG_TYPE_ED25519
      ? (text: Uint8Array, sig: Uint8Array) => {
          if (sig.length !== 64) return false
          try {
            return ed25519.verify(sig, text, publicKey, { zip215: false })
          } catch {
            return false
          }
        }
      : (text: Uint8Array, sig: Uint8Array) => {
          const t = cosignatureTime(sig)
          if (t === undefined) return false
          try {
            return ed25519.verify(sig.subarray(8), cosignatureMessage(t, text), publicKey, { zip215: false })
          } catch {
            return false
          }
        }
  return { name, keyId, type, publicKey, vkey, verify }
}

/**
 * Builds the verifier key string `<name>+<hex keyID>+<base64(type ‖ publicKey)>`.
 * @example formatVerifierKey('example.com/log', pub) // 'example.com/log+1a2b3c4d+AXr…'
 */
export function formatVerifierKey(name: string, publicKey: Uint8Array, type = SIG_TYPE_ED25519): string {
  if (!isValidKeyName(name)) throw new NoteError(`invalid key name ${JSON.stringify(name)}`)
  if (publicKey.length !== 32) throw new NoteError('Ed25519 public keys are 32 bytes')
  return makeVerifier(name, type, publicKey).vkey
}

/** Splits `name+keyid+key` where key (base64) may contain '+'. */
function splitKey(s: string): [string, string, string] | undefined {
  const a = s.indexOf('+')
  const b = a < 0 ? -1 : s.indexOf('+', a + 1)
  if (b < 0) return undefined
  return [s.slice(0, a), s.slice(a + 1, b), s.slice(b + 1)]
}

/**
 * Parses a vkey string (Ed25519 type 0x01 or cosignature type 0x04); checks that the key ID matches
 * the name and key. Throws {@link NoteError} if malformed or of an unsupported type.
 * @example parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
 */
export function parseVerifierKey(vkey: string): VerifierKey {
  // base64 may itself contain '+': split off the name and key ID only
  const parts = splitKey(vkey)
  if (!parts) throw new NoteError('a verifier key has the form name+keyid+key')
  const [name, id, key64] = parts
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  if (!hexDecode(id, 4)) throw new NoteError('key ID must be 8 lower-case hex digits')
  const key = base64Decode(key64)
  if (!key || key.length === 0) throw new NoteError('key is not base64')
  const type = key[0]!
  if (type !== SIG_TYPE_ED25519 && type !== SIG_TYPE_COSIGNATURE_V1)
    throw new NoteError(`unsupported signature type 0x${type.toString(16).padStart(2, '0')}`)
  if (key.length !== 33) throw new NoteError('Ed25519 public keys are 32 bytes')
  const v = makeVerifier(name, type, key.slice(1))
  if (v.keyId !== id) throw new NoteError('key ID does not match name and key')
  return v
}

/** A signer parsed from a signer key string, with its verifier. */
export interface SignerKey extends NoteSigner {
  readonly publicKey: Uint8Array
  /** The matching vkey string. */
  readonly verifierKey: string
}

function makeSigner(name: string, seed: Uint8Array): SignerKey {
  const publicKey = ed25519.getPublicKey(seed)
  const v = makeVerifier(name, SIG_TYPE_ED25519, publicKey)
  return {
    name,
    keyId: v.keyId,
    publicKey,
    verifierKey: v.vkey,
    sign: (text: Uint8Array) => ed25519.sign(text, seed),
  }
}

/**
 * Parses a signer key string `PRIVATE+KEY+<name>+<hex keyID>+<base64(0x01 ‖ 32-byte seed)>` (the
 * golang.org/x/mod/sumdb/note format). Only Ed25519 (type 0x01) signers are supported. Keep these
 * strings secret; production logs keep the key in an HSM/KMS and implement {@link NoteSigner}.
 */
export function parseSignerKey(skey: string): SignerKey {
  const parts = skey.startsWith('PRIVATE+KEY+') ? splitKey(skey.slice('PRIVATE+KEY+'.length)) : undefined
  if (!parts) throw new NoteError('a signer key has the form PRIVATE+KEY+name+keyid+key')
  const [name, id, key64] = parts
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  const key = base64Decode(key64)
  if (key?.length !== 33 || key[0] !== SIG_TYPE_ED25519) throw new NoteError('not an Ed25519 signer key')
  const signer = makeSigner(name, key.slice(1))
  if (signer.keyId !== id) throw new NoteError('key ID does not match name and key')
  return signer
}

/** Formats a signer key string from a key name and a 32-byte Ed25519 seed. */
export function formatSignerKey(name: string, seed: Uint8Array): string {
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  if (seed.length !== 32) throw new NoteError('Ed25519 seeds are 32 bytes')
  const s = makeSigner(name, seed)
  return `PRIVATE+KEY+${name}+${s.keyId}+${base64Encode(concatBytes(new Uint8Array([SIG_TYPE_ED25519]), seed))}`
}

/**
 * Generates a fresh Ed25519 key pair (randomness from `crypto.getRandomValues`).
 * @example const { signerKey, verifierKey } = generateKeyPair('zhibao.example.cn/evidence/2026')
 */
export function generateKeyPair(name: string): { signerKey: string; verifierKey: string } {
  const signerKey = formatSignerKey(name, ed25519.utils.randomSecretKey())
  return { signerKey, verifierKey: parseSignerKey(signerKey).verifierKey }
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string
  keyId: string
  /** Payload after the 4-byte key ID. */
  signature: Uint8Array
}

/** A note split into its text and signature lines (nothing verified yet). */
export interface ParsedNote {
  /** Signed text, ending in "\n". */
  text: string
  signatures: NoteSignature[]
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
const BAD_TEXT = /[\u0000-\u0009\u000b-\u001f]/

/** Signed text must be well-formed UTF-16 (UTF-8 on the wire), end in "\n", and hold no control characters but "\n". */
function checkText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n'))
    throw new NoteError('note text must be non-empty and end in a newline')
  if (BAD_TEXT.test(text) || !isWellFormed(text))
    throw new NoteError('note text contains a control character')
}

/**
 * Splits a signed note at its last blank line and parses the signature lines
 * `— <name> <base64(keyID ‖ signature)>`. Throws {@link NoteError} if malformed.
 */
export function parseNote(note: string): ParsedNote {
  const split = note.lastIndexOf('\n\n')
  if (split < 0) throw new NoteError('no blank line before the signatures')
  const text = note.slice(0, split + 1)
  checkText(text)
  const sigs = note.slice(split + 2)
  if (!sigs.endsWith('\n')) throw new NoteError('signature lines must end in a newline')
  const lines = sigs.slice(0, -1).split('\n')
  if (lines.length > MAX_NOTE_SIGNATURES) throw new NoteError('too many signatures')
  const signatures: NoteSignature[] = []
  for (const line of lines) {
    if (!line.startsWith(EM_DASH_PREFIX)) throw new NoteError('signature line must start with "— "')
    const rest = line.slice(EM_DASH_PREFIX.length)
    const sp = rest.indexOf(' ')
    if (sp < 0) throw new NoteError('signature line has no key name')
    const name = rest.slice(0, sp)
    const payload = base64Decode(rest.slice(sp + 1))
    if (!isValidKeyName(name) || !payload || payload.length < 5)
      throw new NoteError('malformed signature line')
    signatures.push({ name, keyId: bytesToHex(payload.subarray(0, 4)), signature: payload.slice(4) })
  }
  return { text, signatures }
}

function sigLine(name: string, keyId: string, signature: Uint8Array): string {
  return `${EM_DASH_PREFIX}${name} ${base64Encode(concatBytes(hexDecode(keyId, 4)!, signature))}\n`
}

/**
 * Signs `text` with each signer and returns the note `text ‖ "\n" ‖ signature lines`.
 * @example signNote('hello\n', [parseSignerKey(skey)]) // 'hello\n\n— name base64…\n'
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text)
  if (signers.length === 0) throw new NoteError('at least one signer is required')
  const bytes = utf8(text)
  let out = `${text}\n`
  for (const s of signers) {
    if (!isValidKeyName(s.name) || !hexDecode(s.keyId, 4))
      throw new NoteError('invalid signer name or key ID')
    out += sigLine(s.name, s.keyId, s.sign(bytes))
  }
  return out
}

/** Appends further signature lines (e.g. cosignatures a witness returned) to a note. */
export function appendSignatureLines(note: string, lines: string): string {
  const merged = note + lines
  parseNote(merged)
  return merged
}

/** Key that produced a verified signature. */
export interface VerifiedBy {
  name: string
  keyId: string
  type: number
  /** For cosignatures (type 0x04): the witness's UNIX timestamp. */
  time?: number
}

/** Why a note was not accepted. */
export type NoteFailure = 'malformed' | 'unknownKey' | 'signature'

/** Outcome of {@link openNote}. */
export type NoteResult =
  | { ok: true; text: string; verifiedBy: VerifiedBy[]; signatures: NoteSignature[] }
  | { ok: false; reason: NoteFailure; detail: string }

/**
 * Verifies a signed note against a set of known keys (several keys allow key rotation and witness
 * cosignatures). Signature lines whose (name, key ID) is unknown are ignored; any known key whose
 * signature fails rejects the whole note (`signature`); a note with no known key is `unknownKey`.
 * `verifiedBy` names every key that verified, in note order.
 * @example
 * const r = openNote(noteText, [parseVerifierKey(vkey)])
 * if (r.ok) console.log(r.verifiedBy[0].name)
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): NoteResult {
  let parsed: ParsedNote
  try {
    parsed = parseNote(note)
  } catch (e) {
    return { ok: false, reason: 'malformed', detail: (e as Error).message }
  }
  const bytes = utf8(parsed.text)
  const verifiedBy: VerifiedBy[] = []
  for (const sig of parsed.signatures) {
    const v = verifiers.find((k) => k.name === sig.name && k.keyId === sig.keyId)
    if (!v) continue
    if (!v.verify(bytes, sig.signature))
      return {
        ok: false,
        reason: 'signature',
        detail: `signature by ${sig.name}+${sig.keyId} does not verify`,
      }
    if (verifiedBy.some((x) => x.name === v.name && x.keyId === v.keyId)) continue
    const by: VerifiedBy = { name: v.name, keyId: v.keyId, type: v.type }
    if (v.type === SIG_TYPE_COSIGNATURE_V1) by.time = cosignatureTime(sig.signature)!
    verifiedBy.push(by)
  }
  if (verifiedBy.length === 0)
    return { ok: false, reason: 'unknownKey', detail: 'no signature by a known key' }
  return { ok: true, text: parsed.text, verifiedBy, signatures: parsed.signatures }
}

/** A tlog-checkpoint v1.0.0 body. */
export interface Checkpoint {
  /** Unique log identity, e.g. `zhibao.example.cn/evidence/2026`. */
  origin: string
  /** Tree size (≤ 2^53−1 in this implementation). */
  size: number
  /** RFC 6962 root hash, 32 bytes. */
  rootHash: Uint8Array
  /** Optional extension lines (NOT RECOMMENDED by the spec; ZhiBao's log writes none). */
  extensions?: string[]
}

/**
 * Formats a checkpoint body: origin, decimal size, base64 root, extension lines, each ending in "\n".
 * @example formatCheckpoint({ origin: 'example.com/log', size: 8, rootHash }) // 'example.com/log\n8\nXcna…=\n'
 */
export function formatCheckpoint(c: Checkpoint): string {
  if (c.origin.length === 0 || c.origin.includes('\n')) throw new NoteError('invalid origin')
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new NoteError('invalid tree size')
  if (c.rootHash.length !== HASH_SIZE) throw new NoteError('root hash must be 32 bytes')
  let text = `${c.origin}\n${c.size}\n${base64Encode(c.rootHash)}\n`
  for (const e of c.extensions ?? []) {
    if (e.length === 0 || e.includes('\n')) throw new NoteError('invalid extension line')
    text += `${e}\n`
  }
  checkText(text)
  return text
}

/**
 * Parses a checkpoint body (the note text, not the whole note). Throws {@link NoteError} if malformed.
 * @example parseCheckpoint('example.com/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n').size // 8
 */
export function parseCheckpoint(text: string): Checkpoint {
  checkText(text)
  const lines = text.slice(0, -1).split('\n')
  if (lines.length < 3) throw new NoteError('a checkpoint has at least three lines')
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]]
  if (origin.length === 0) throw new NoteError('empty origin')
  const size = parseDecimal(sizeText)
  if (size === undefined) throw new NoteError('tree size is not a decimal without leading zeros (≤ 2^53−1)')
  const rootHash = base64Decode(rootText)
  if (!rootHash || rootHash.length !== HASH_SIZE) throw new NoteError('root hash is not 32 bytes of base64')
  if (extensions.some((e) => e.length === 0)) throw new NoteError('empty extension line')
  return { origin, size, rootHash, extensions }
}

/** Formats and signs a checkpoint; returns the signed note. */
export function signCheckpoint(c: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(c), signers)
}

/** Outcome of {@link openCheckpoint}. */
export type CheckpointResult =
  | { ok: true; checkpoint: Checkpoint; text: string; verifiedBy: VerifiedBy[] }
  | { ok: false; reason: NoteFailure; detail: string }

/**
 * Verifies a signed checkpoint note with any of `verifiers` and parses its body. When `origin` is
 * given, the checkpoint must carry exactly that origin (`malformed` otherwise).
 * @example openCheckpoint(note, [parseVerifierKey(vkey)], 'zhibao.example.cn/evidence/2026')
 */
export function openCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): CheckpointResult {
  const r = openNote(note, verifiers)
  if (!r.ok) return r
  let checkpoint: Checkpoint
  try {
    checkpoint = parseCheckpoint(r.text)
  } catch (e) {
    return { ok: false, reason: 'malformed', detail: (e as Error).message }
  }
  if (origin !== undefined && checkpoint.origin !== origin)
    return { ok: false, reason: 'malformed', detail: `origin ${checkpoint.origin} is not ${origin}` }
  return { ok: true, checkpoint, text: r.text, verifiedBy: r.verifiedBy }
}
