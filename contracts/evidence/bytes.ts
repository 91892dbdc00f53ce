/**
 * Byte helpers shared by the evidence-log code: strict base64 (RFC 4648 §4, with padding), lower-case
 * hex, UTF-8, concatenation and comparison. Pure and isomorphic: no `node:` imports, no `Buffer`.
 */
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js'

export { bytesToHex, concatBytes }

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Int16Array(128).fill(-1)
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i

/**
 * Encodes bytes as standard base64 with `=` padding.
 * @example base64Encode(new Uint8Array([0x01])) // 'AQ=='
 */
export function base64Encode(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`
  }
  return out
}

/**
 * Decodes standard base64 strictly: padding required, no whitespace, no URL alphabet, and unused
 * trailing bits must be zero (so every byte string has exactly one accepted encoding).
 * Returns `undefined` on any deviation.
 * @example base64Decode('AQ==') // Uint8Array [1]
 */
export function base64Decode(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined
  let pad = 0
  if (text.endsWith('==')) pad = 2
  else if (text.endsWith('=')) pad = 1
  const outLen = (text.length / 4) * 3 - pad
  const out = new Uint8Array(outLen)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length
    const v: number[] = []
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j)
      if (last && j >= 4 - pad) {
        if (c !== 61) return undefined
        v.push(0)
        continue
      }
      const d = c < 128 ? B64_INDEX[c]! : -1
      if (d < 0) return undefined
      v.push(d)
    }
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!
    if (last && pad === 2 && (n & 0xffff) !== 0) return undefined
    if (last && pad === 1 && (n & 0xff) !== 0) return undefined
    out[o++] = n >> 16
    if (o < outLen) out[o++] = (n >> 8) & 0xff
    if (o < outLen) out[o++] = n & 0xff
  }
  return out
}

/** Decodes lower-case hex of an exact byte length; `undefined` if malformed. */
export function hexDecode(text: string, length?: number): Uint8Array | undefined {
  if (!/^(?:[0-9a-f]{2})*$/.test(text)) return undefined
  if (length !== undefined && text.length !== length * 2) return undefined
  return hexToBytes(text)
}

const encoder = new TextEncoder()
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** UTF-8 encoding of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** Strict UTF-8 decoding; `undefined` for invalid sequences. A leading BOM is kept, not stripped. */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  try {
    return fatalDecoder.decode(bytes)
  } catch {
    return undefined
  }
}

/** Constant-length byte equality (not constant-time; all compared values here are public). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Parses an ASCII decimal with no leading zeros (except `0` itself) up to 2^53−1. */
export function parseDecimal(text: string): number | undefined {
  if (!/^(?:0|[1-9][0-9]{0,15})$/.test(text)) return undefined
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : undefined
}
