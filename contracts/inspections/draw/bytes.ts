/**
 * Byte and string helpers shared by the draw library. Pure and isomorphic: no `node:` imports.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'

const encoder = new TextEncoder()

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s)
}

/** Lower-case hex of bytes. */
export function toHex(b: Uint8Array): string {
  return bytesToHex(b)
}

/** Bytes of an even-length hex string (either case). Throws on malformed hex. */
export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError(`invalid hex: ${hex.slice(0, 20)}`)
  return hexToBytes(hex.toLowerCase())
}

/** Concatenation of byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** 8-byte big-endian encoding of a non-negative safe integer. */
export function uint64be(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a uint64 safe integer: ${n}`)
  const out = new Uint8Array(8)
  const v = new DataView(out.buffer)
  v.setUint32(0, Math.floor(n / 0x1_0000_0000))
  v.setUint32(4, n >>> 0)
  return out
}

/** 4-byte big-endian encoding of an unsigned 32-bit integer. */
export function uint32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new RangeError(`not a uint32: ${n}`)
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, n)
  return out
}

/**
 * Compares two strings by Unicode code point, which is the same order as comparing their UTF-8
 * bytes. (JavaScript's default `<` compares UTF-16 code units, which differs for astral characters
 * against U+E000..U+FFFF.)
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Move surrogates (astral code points) above U+E000..U+FFFF.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000
      }
      return x < y ? -1 : 1
    }
  }
  return a.length - b.length
}
