/**
 * drand quicknet beacon verification (trust.md C.2): the operator may enter the round's BLS
 * signature with its randomness; the server then checks the League of Entropy's threshold signature
 * on the round and that randomness = SHA-256(signature), so the operator cannot substitute a value.
 */
import { bls12_381 } from '@noble/curves/bls12-381.js'
import { sha256 } from '@noble/hashes/sha2.js'

/** quicknet chain 52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971 (bls-unchained-g1-rfc9380). */
export const QUICKNET_PUBLIC_KEY =
  '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a'
const DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_'

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
const hexOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

/** The beacon's randomness if `signatureHex` is quicknet's valid signature of `round`, else null. */
export function verifyQuicknetBeacon(round: number, signatureHex: string): string | null {
  const message = new Uint8Array(8)
  new DataView(message.buffer).setBigUint64(0, BigInt(round))
  try {
    const point = bls12_381.shortSignatures.hash(sha256(message), DST)
    const signature = bytes(signatureHex)
    if (!bls12_381.shortSignatures.verify(signature, point, bytes(QUICKNET_PUBLIC_KEY))) return null
    return hexOf(sha256(signature))
  } catch {
    return null
  }
}
