/**
 * Deterministic PRNG and unbiased sampling (trust.md C.4), exactly:
 *
 *   block(seed, label, c) = SHA-256(seed ‖ utf8(label) ‖ 0x00 ‖ uint64be(c)),  c = 0, 1, 2, …
 *   next64()              = next 8 bytes of the block stream as uint64 big-endian (4 words per block)
 *   uniform(n)            = lim = 2^64 − (2^64 mod n); repeat x = next64() until x < lim; x mod n
 *   sample(seed, label, n, k) = partial Fisher–Yates over [0 .. n−1], first k positions
 *
 * The 64-bit arithmetic is exact but done on two 32-bit halves with doubles (no BigInt per draw)
 * for n < 2^32; larger n falls back to BigInt. The swap array of the partial Fisher–Yates is kept
 * as a sparse map, so sampling k of n costs O(k), not O(n).
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8 } from './bytes.ts'

const TWO32 = 0x1_0000_0000

/** One 32-byte block of the stream: SHA-256(seed ‖ utf8(label) ‖ 0x00 ‖ uint64be(counter)). */
export function streamBlock(seed: Uint8Array, label: string, counter: number): Uint8Array {
  const s = new DrawStream(seed, label)
  return s.block(counter)
}

/** A SHA-256 counter-mode byte stream for one (seed, label) pair, read as 64-bit words. */
export class DrawStream {
  private readonly input: Uint8Array
  private readonly ctrView: DataView
  private readonly ctrOffset: number
  private counter = 0
  private words: DataView | null = null
  private wordIndex = 4
  /** Number of 64-bit values rejected by `uniform` so far (published for transparency). */
  rejections = 0
  /** Number of SHA-256 blocks computed so far. */
  blocks = 0

  constructor(seed: Uint8Array, label: string) {
    const l = utf8(label)
    this.input = new Uint8Array(seed.length + l.length + 1 + 8)
    this.input.set(seed, 0)
    this.input.set(l, seed.length)
    this.input[seed.length + l.length] = 0
    this.ctrOffset = seed.length + l.length + 1
    this.ctrView = new DataView(this.input.buffer)
  }

  /** Block number `c` of this stream (does not move the read position). */
  block(c: number): Uint8Array {
    this.ctrView.setUint32(this.ctrOffset, Math.floor(c / TWO32))
    this.ctrView.setUint32(this.ctrOffset + 4, c >>> 0)
    return sha256(this.input)
  }

  /** Next 64-bit word as [hi, lo] unsigned 32-bit halves, written into `out`. */
  private next(out: Uint32Array): void {
    if (this.wordIndex === 4) {
      const b = this.block(this.counter++)
      this.blocks++
      this.words = new DataView(b.buffer, b.byteOffset, 32)
      this.wordIndex = 0
    }
    const w = this.words!
    out[0] = w.getUint32(this.wordIndex * 8)
    out[1] = w.getUint32(this.wordIndex * 8 + 4)
    this.wordIndex++
  }

  private readonly tmp = new Uint32Array(2)

  /** Next 64-bit word as a BigInt (reference path, and for n ≥ 2^32). */
  next64(): bigint {
    this.next(this.tmp)
    return (BigInt(this.tmp[0]!) << 32n) | BigInt(this.tmp[1]!)
  }

  /** Uniform integer in [0, n) by 64-bit rejection sampling (no modulo bias). */
  uniform(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1)
      throw new RangeError(`uniform: n must be a positive integer, got ${n}`)
    if (n >= TWO32) return this.uniformBig(n)
    const tmp = this.tmp
    for (;;) {
      this.next(tmp)
      const v = reduce64(tmp[0]!, tmp[1]!, n)
      if (v >= 0) return v
      this.rejections++
    }
  }

  private uniformBig(n: number): number {
    const N = 1n << 64n
    const bn = BigInt(n)
    const lim = N - (N % bn)
    for (;;) {
      const x = this.next64()
      if (x < lim) return Number(x % bn)
      this.rejections++
    }
  }
}

/**
 * The C.4 acceptance test and reduction for one 64-bit word x = hi·2^32 + lo and 1 ≤ n < 2^32:
 * returns x mod n if x < 2^64 − (2^64 mod n), else −1 (rejected). Exact, without BigInt:
 * r = 2^64 mod n < 2^32, so x ≥ 2^64 − r only when hi = 2^32 − 1 and lo + r ≥ 2^32.
 */
export function reduce64(hi: number, lo: number, n: number): number {
  const t = TWO32 % n
  const r = mulmod(t, t, n)
  if (hi === 0xffff_ffff && lo + r >= TWO32) return -1
  // x mod n = ((hi mod n)·(2^32 mod n) + lo) mod n
  return (mulmod(hi % n, t, n) + (lo % n)) % n
}

/** (a·b) mod n exactly, for a, b < n < 2^32, using 16-bit halves so every product stays < 2^53. */
function mulmod(a: number, b: number, n: number): number {
  const hi = ((a * (b >>> 16)) % n) * 65536
  return (hi + a * (b & 0xffff)) % n
}

/** Result of {@link sampleIndices}: the drawn indices plus stream statistics. */
export interface SampleOutcome {
  indices: number[]
  rejections: number
  blocks: number
}

/**
 * Draws `k` of `n` indices without replacement, in draw order, by partial Fisher–Yates over the
 * stream (seed, label): for i = 0 .. k−1, j = i + uniform(n − i), swap a[i], a[j]; output a[0..k−1].
 */
export function sampleIndices(seed: Uint8Array, label: string, n: number, k: number): SampleOutcome {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`sample: bad n ${n}`)
  if (!Number.isSafeInteger(k) || k < 0 || k > n) throw new RangeError(`sample: bad k ${k} for n ${n}`)
  const s = new DrawStream(seed, label)
  const out = new Array<number>(k)
  const swaps = new Map<number, number>()
  for (let i = 0; i < k; i++) {
    const j = i + s.uniform(n - i)
    const aj = swaps.get(j) ?? j
    const ai = swaps.get(i) ?? i
    out[i] = aj
    if (j !== i) swaps.set(j, ai)
    swaps.delete(i)
  }
  return { indices: out, rejections: s.rejections, blocks: s.blocks }
}

/** Convenience: the indices of {@link sampleIndices} only. */
export function sample(seed: Uint8Array, label: string, n: number, k: number): number[] {
  return sampleIndices(seed, label, n, k).indices
}
