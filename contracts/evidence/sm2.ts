/**
 * The optional SM2 (国密, GB/T 32918.2 with SM3) signature line on checkpoints: a second signed-note
 * signature of signature type `0xff` followed by the identifier `zhibao/sm2-sm3@v1`. Standard
 * verifiers do not know the (name, key ID) pair and ignore the line (C2SP signed-note); verifiers
 * configured with the SM2 vkey check it. Spec: docs/evidence-log.md §5.1.
 *
 * The SM2 arithmetic is `sm-crypto`'s (agrees with OpenSSL's SM2 in both directions, tested). Its own
 * nonce generator is an RC4 stream seeded once per process, so signing here supplies every nonce from
 * `crypto.getRandomValues` instead. Kept apart from `index.ts` so the browser bundle does not carry it.
 */
import smCrypto from 'sm-crypto'
import { base64Decode, base64Encode, bytesToHex, concatBytes, hexDecode, utf8 } from './bytes.ts'
import { isValidKeyName, keyIdFor, NoteError, type NoteSigner, type NoteVerifier } from './note.ts'

/** Signature type byte reserved for types without an assigned byte; followed by an identifier. */
export const SIG_TYPE_OTHER = 0xff
/** Identifier after 0xff that names this signature scheme. */
export const SM2_IDENTIFIER = 'zhibao/sm2-sm3@v1'
/** The GB/T 32918 / GM/T 0009 default distinguishing identifier that enters Z_A. */
export const SM2_DEFAULT_USER_ID = '1234567812345678'

/** The bytes that stand for the signature type in key IDs and key strings: 0xff ‖ identifier. */
export const SM2_TYPE_BYTES = concatBytes(new Uint8Array([SIG_TYPE_OTHER]), utf8(SM2_IDENTIFIER))

interface BigIntegerLike {
  toString(radix: number): string
}
interface Sm2Api {
  generateKeyPairHex(a?: string, b?: number): { privateKey: string; publicKey: string }
  getPublicKeyFromPrivateKey(privateKey: string): string
  verifyPublicKey(publicKey: string): boolean
  getPoint(): { k: BigIntegerLike; x1: BigIntegerLike }
  doSignature(
    msg: number[],
    privateKey: string,
    options: { hash: true; publicKey: string; userId: string; pointPool: unknown[] },
  ): string
  doVerifySignature(
    msg: number[],
    sig: string,
    publicKey: string,
    options: { hash: true; userId: string },
  ): boolean
}
const sm2 = (smCrypto as unknown as { sm2: Sm2Api }).sm2

// The curve order n of the SM2 recommended curve (GB/T 32918.5).
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')

/** A uniform scalar in [1, limit−1] from 40 random bytes (bias below 2^-64). */
function randomScalarHex(limit = N): string {
  const bytes = new Uint8Array(40)
  globalThis.crypto.getRandomValues(bytes)
  const v = (BigInt(`0x${bytesToHex(bytes)}`) % (limit - 1n)) + 1n
  return v.toString(16).padStart(64, '0')
}

type BigIntegerCtor = new (value: string, radix: number) => BigIntegerLike
let bigInteger: BigIntegerCtor | undefined

/** One signing nonce k and the x coordinate of kG, as sm-crypto's point pool wants them. */
function freshPoint() {
  // sm-crypto's BigInteger (jsbn) class, taken from one of its own points.
  bigInteger ??= sm2.getPoint().k.constructor as unknown as BigIntegerCtor
  const pair = sm2.generateKeyPairHex(randomScalarHex(), 16)
  return {
    ...pair,
    k: new bigInteger(pair.privateKey, 16),
    x1: new bigInteger(pair.publicKey.slice(2, 66), 16),
  }
}

function publicKeyBytes(hex: string): Uint8Array {
  const bytes = hexDecode(hex.toLowerCase(), 65)
  if (bytes?.[0] !== 4 || !sm2.verifyPublicKey(hex)) throw new NoteError('not an SM2 public key')
  return bytes
}

/** An SM2 verifier for note signature lines, with its vkey string. */
export interface Sm2VerifierKey extends NoteVerifier {
  /** Uncompressed public point 0x04 ‖ X ‖ Y (65 bytes). */
  readonly publicKey: Uint8Array
  readonly vkey: string
}

function keyId(name: string, publicKey: Uint8Array): string {
  // keyIdFor hashes name ‖ "\n" ‖ type ‖ key; here the "type" is 0xff ‖ identifier.
  return keyIdFor(name, SIG_TYPE_OTHER, concatBytes(utf8(SM2_IDENTIFIER), publicKey))
}

function makeVerifier(name: string, publicKey: Uint8Array): Sm2VerifierKey {
  const id = keyId(name, publicKey)
  const hex = bytesToHex(publicKey)
  return {
    name,
    keyId: id,
    type: SIG_TYPE_OTHER,
    publicKey,
    vkey: `${name}+${id}+${base64Encode(concatBytes(SM2_TYPE_BYTES, publicKey))}`,
    verify(text, signature) {
      if (signature.length !== 64) return false
      try {
        return sm2.doVerifySignature(Array.from(text), bytesToHex(signature), hex, {
          hash: true,
          userId: SM2_DEFAULT_USER_ID,
        })
      } catch {
        return false
      }
    },
  }
}

function splitKey(s: string): [string, string, string] | undefined {
  const a = s.indexOf('+')
  const b = a < 0 ? -1 : s.indexOf('+', a + 1)
  return b < 0 ? undefined : [s.slice(0, a), s.slice(a + 1, b), s.slice(b + 1)]
}

function typedKey(key64: string, length: number): Uint8Array {
  const key = base64Decode(key64)
  const prefix = key?.subarray(0, SM2_TYPE_BYTES.length)
  if (!key || !prefix || bytesToHex(prefix) !== bytesToHex(SM2_TYPE_BYTES))
    throw new NoteError(`not a ${SM2_IDENTIFIER} key`)
  const raw = key.subarray(SM2_TYPE_BYTES.length)
  if (raw.length !== length) throw new NoteError(`an ${SM2_IDENTIFIER} key has ${length} bytes`)
  return raw
}

/** True if a vkey string names an SM2 key (`0xff ‖ zhibao/sm2-sm3@v1 ‖ …`). */
export function isSm2VerifierKey(vkey: string): boolean {
  const parts = splitKey(vkey)
  const key = parts && base64Decode(parts[2])
  return !!key && bytesToHex(key.subarray(0, SM2_TYPE_BYTES.length)) === bytesToHex(SM2_TYPE_BYTES)
}

/**
 * Parses an SM2 vkey `<name>+<hex keyID>+<base64(0xff ‖ "zhibao/sm2-sm3@v1" ‖ 65-byte point)>`.
 * Throws {@link NoteError} if malformed or if the key ID does not match.
 */
export function parseSm2VerifierKey(vkey: string): Sm2VerifierKey {
  const parts = splitKey(vkey)
  if (!parts) throw new NoteError('a verifier key has the form name+keyid+key')
  const [name, id, key64] = parts
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  const v = makeVerifier(name, publicKeyBytes(bytesToHex(typedKey(key64, 65))))
  if (v.keyId !== id) throw new NoteError('key ID does not match name and key')
  return v
}

/** An SM2 note signer, with its vkey. */
export interface Sm2SignerKey extends NoteSigner {
  readonly verifierKey: string
}

function makeSigner(name: string, d: Uint8Array): Sm2SignerKey {
  const privateHex = bytesToHex(d)
  const v = makeVerifier(name, publicKeyBytes(sm2.getPublicKeyFromPrivateKey(privateHex)))
  const publicHex = bytesToHex(v.publicKey)
  return {
    name,
    keyId: v.keyId,
    verifierKey: v.vkey,
    sign(text) {
      const sig = sm2.doSignature(Array.from(text), privateHex, {
        hash: true,
        publicKey: publicHex,
        userId: SM2_DEFAULT_USER_ID,
        pointPool: [freshPoint()],
      })
      return hexDecode(sig, 64)!
    },
  }
}

/**
 * Parses an SM2 signer key `PRIVATE+KEY+<name>+<hex keyID>+<base64(0xff ‖ identifier ‖ 32-byte d)>`.
 * Throws {@link NoteError}.
 */
export function parseSm2SignerKey(skey: string): Sm2SignerKey {
  const parts = skey.startsWith('PRIVATE+KEY+') ? splitKey(skey.slice('PRIVATE+KEY+'.length)) : undefined
  if (!parts) throw new NoteError('a signer key has the form PRIVATE+KEY+name+keyid+key')
  const [name, id, key64] = parts
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  const d = typedKey(key64, 32)
  const scalar = BigInt(`0x${bytesToHex(d)}`)
  if (scalar < 1n || scalar >= N - 1n) throw new NoteError('SM2 private key out of range')
  const signer = makeSigner(name, d)
  if (signer.keyId !== id) throw new NoteError('key ID does not match name and key')
  return signer
}

/**
 * Generates a fresh SM2 key pair for a key name (the log origin).
 * @example const { signerKey, verifierKey } = generateSm2KeyPair('zhibao.example.cn/evidence')
 */
export function generateSm2KeyPair(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new NoteError('invalid key name')
  // A private key d lies in [1, n−2]: 1 + d must be invertible mod n.
  const d = hexDecode(randomScalarHex(N - 1n), 32)!
  const signer = makeSigner(name, d)
  const signerKey = `PRIVATE+KEY+${name}+${signer.keyId}+${base64Encode(concatBytes(SM2_TYPE_BYTES, d))}`
  return { signerKey, verifierKey: signer.verifierKey }
}
