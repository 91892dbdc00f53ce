/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, inclusion and consistency proofs, and the incremental
 * appender ("compact range" / frontier) used by the log integrator. SHA-256 throughout.
 *
 * Tree sizes and indices are JavaScript numbers limited to 2^53−1 (`Number.MAX_SAFE_INTEGER`); bit
 * arithmetic on them goes through BigInt or division, never 32-bit operators.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesEqual } from './bytes.ts'

/** Byte length of every hash in the tree. */
export const HASH_SIZE = 32

/** A tree node: hash of the complete subtree of 2^level leaves starting at leaf index·2^level. */
export interface TreeNode {
  level: number
  index: number
  hash: Uint8Array
}

/**
 * Read access to stored complete-subtree hashes. Node (level, index) is MTH(D[index·2^level :
 * (index+1)·2^level]); level 0 holds the leaf hashes. Only complete subtrees are ever requested.
 * A database, a tile store or {@link MemoryTree} can implement it.
 */
export interface NodeSource {
  getNode(level: number, index: number): Uint8Array | Promise<Uint8Array>
}

/** Raised for arguments that cannot describe a proof (index ≥ size, wrong length, bad hash size). */
export class ProofError extends Error {
  override name = 'ProofError'
}

const LEAF_PREFIX = new Uint8Array([0x00])

/**
 * RFC 6962 leaf hash `SHA-256(0x00 ‖ entry)`.
 * @example bytesToHex(leafHash(new Uint8Array())) // '6e340b9c…a01d'
 */
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256.create().update(LEAF_PREFIX).update(entry).digest()
}

/** RFC 6962 interior node hash `SHA-256(0x01 ‖ left ‖ right)`. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + left.length + right.length)
  buf[0] = 0x01
  buf.set(left, 1)
  buf.set(right, 1 + left.length)
  return sha256(buf)
}

/** Root of the empty tree, `SHA-256("")` = e3b0c442…b855. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array())
}

/** Largest power of two strictly less than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new ProofError(`${what} must be a non-negative safe integer`)
}

/**
 * Merkle tree hash MTH of a list of leaf hashes (RFC 6962 §2.1), by the recursive definition.
 * @example merkleTreeHash([leafHash(a), leafHash(b)]) // = nodeHash(leafHash(a), leafHash(b))
 */
export function merkleTreeHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  const rec = (lo: number, hi: number): Uint8Array => {
    if (hi - lo === 1) return leafHashes[lo]!
    const k = splitPoint(hi - lo)
    return nodeHash(rec(lo, lo + k), rec(lo + k, hi))
  }
  return leafHashes.length === 0 ? emptyRoot() : rec(0, leafHashes.length)
}

/** Maximal aligned power-of-two blocks covering [lo, hi), left to right, as (level, index). */
function decompose(lo: number, hi: number): Array<{ level: number; index: number }> {
  const out: Array<{ level: number; index: number }> = []
  while (lo < hi) {
    let s = 1
    let level = 0
    while (lo % (2 * s) === 0 && lo + 2 * s <= hi) {
      s *= 2
      level++
    }
    out.push({ level, index: lo / s })
    lo += s
  }
  return out
}

/**
 * MTH(D[lo:hi]) for a range that occurs in an RFC 6962 tree, folded from stored complete subtrees
 * (at most 2·log2(hi−lo) reads).
 */
export async function rangeHash(source: NodeSource, lo: number, hi: number): Promise<Uint8Array> {
  if (hi <= lo) throw new ProofError('empty range')
  const blocks = decompose(lo, hi)
  const hashes = await Promise.all(blocks.map((b) => source.getNode(b.level, b.index)))
  let h = hashes[hashes.length - 1]!
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i]!, h)
  return h
}

/**
 * Root hash of the first `size` leaves of the tree behind `source`.
 * @example await treeRoot(tree, 8) // 5dc9da79… for the RFC 6962 reference tree
 */
export async function treeRoot(source: NodeSource, size: number): Promise<Uint8Array> {
  assertSize(size, 'size')
  return size === 0 ? emptyRoot() : rangeHash(source, 0, size)
}

/** Ranges [lo, hi) whose hashes form the inclusion proof of leaf m in a tree of n, sibling first. */
export function inclusionRanges(m: number, n: number): Array<[number, number]> {
  assertSize(m, 'index')
  assertSize(n, 'size')
  if (m >= n) throw new ProofError(`index ${m} is not below tree size ${n}`)
  const stack: Array<[number, number]> = []
  let lo = 0
  let hi = n
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo)
    if (m < lo + k) {
      stack.push([lo + k, hi])
      hi = lo + k
    } else {
      stack.push([lo, lo + k])
      lo = lo + k
    }
  }
  return stack.reverse()
}

/** Ranges [lo, hi) whose hashes form the consistency proof from size m to size n (0 < m ≤ n). */
export function consistencyRanges(m: number, n: number): Array<[number, number]> {
  assertSize(m, 'old size')
  assertSize(n, 'new size')
  if (m === 0 || m > n) throw new ProofError(`no consistency proof from size ${m} to size ${n}`)
  const out: Array<[number, number]> = []
  if (m === n) return out
  let lo = 0
  let hi = n
  let b = true
  for (;;) {
    if (m === hi) {
      if (!b) out.push([lo, hi])
      break
    }
    const k = splitPoint(hi - lo)
    if (m <= lo + k) {
      out.push([lo + k, hi])
      hi = lo + k
    } else {
      out.push([lo, lo + k])
      lo = lo + k
      b = false
    }
  }
  return out.reverse()
}

/**
 * Inclusion proof (audit path, RFC 9162 §2.1.3.1) for leaf `index` in the tree of `size` leaves,
 * leaf sibling first, read from complete-subtree nodes (O(log n) reads).
 * @example const proof = await inclusionProof(tree, 5, 8) // [bc1a0643…, ca854ea1…, d37ee418…]
 */
export async function inclusionProof(source: NodeSource, index: number, size: number): Promise<Uint8Array[]> {
  return Promise.all(inclusionRanges(index, size).map(([lo, hi]) => rangeHash(source, lo, hi)))
}

/**
 * Consistency proof (RFC 9162 §2.1.4.1) from tree size `oldSize` to `newSize`, 0 < oldSize ≤ newSize.
 * @example const proof = await consistencyProof(tree, 6, 8) // [0ebc5d34…, ca854ea1…, d37ee418…]
 */
export async function consistencyProof(
  source: NodeSource,
  oldSize: number,
  newSize: number,
): Promise<Uint8Array[]> {
  return Promise.all(consistencyRanges(oldSize, newSize).map(([lo, hi]) => rangeHash(source, lo, hi)))
}

function bitLength(x: bigint): number {
  let n = 0
  while (x > 0n) {
    x >>= 1n
    n++
  }
  return n
}

function popCount(x: bigint): number {
  let n = 0
  while (x > 0n) {
    if (x & 1n) n++
    x >>= 1n
  }
  return n
}

function trailingZeros(x: bigint): number {
  let n = 0
  while (x > 0n && (x & 1n) === 0n) {
    x >>= 1n
    n++
  }
  return n
}

/** Splits the inclusion proof of `index` in `size` into its inner and right-border parts. */
function decompInclusion(index: bigint, size: bigint): { inner: number; border: number } {
  const inner = bitLength(index ^ (size - 1n))
  const border = popCount(index >> BigInt(inner))
  return { inner, border }
}

/** Expected number of hashes in the inclusion proof of `index` in a tree of `size` leaves. */
export function inclusionProofLength(index: number, size: number): number {
  assertSize(index, 'index')
  assertSize(size, 'size')
  if (index >= size) throw new ProofError(`index ${index} is not below tree size ${size}`)
  const { inner, border } = decompInclusion(BigInt(index), BigInt(size))
  return inner + border
}

function checkHashes(hashes: readonly Uint8Array[], what: string): void {
  for (const h of hashes) {
    if (h.length !== HASH_SIZE) throw new ProofError(`${what} contains a hash of ${h.length} bytes`)
  }
}

/**
 * Recomputes the root implied by an inclusion proof (RFC 9162 §2.1.3.2, with the explicit length
 * checks of transparency-dev/merkle). Throws {@link ProofError} if the proof cannot be for
 * (index, size) — wrong length, index ≥ size, or hashes that are not 32 bytes.
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array {
  const want = inclusionProofLength(index, size)
  if (leaf.length !== HASH_SIZE) throw new ProofError('leaf hash must be 32 bytes')
  checkHashes(proof, 'proof')
  if (proof.length !== want) throw new ProofError(`wrong proof length ${proof.length}, want ${want}`)
  const { inner } = decompInclusion(BigInt(index), BigInt(size))
  let idx = BigInt(index)
  let r = leaf
  for (let i = 0; i < proof.length; i++) {
    const p = proof[i]!
    if (i < inner) {
      r = (idx & 1n) === 0n ? nodeHash(r, p) : nodeHash(p, r)
      idx >>= 1n
    } else {
      r = nodeHash(p, r)
    }
  }
  return r
}

/**
 * Verifies an inclusion proof: true iff the leaf hash at `index` and the proof reproduce `root` for a
 * tree of `size` leaves. Never throws.
 * @example verifyInclusion(5, 8, leafHash(entry), proof, root) // true
 */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  try {
    return bytesEqual(rootFromInclusionProof(index, size, leaf, proof), root)
  } catch {
    return false
  }
}

/**
 * Checks a consistency proof (RFC 9162 §2.1.4.2, transparency-dev form). Throws {@link ProofError}
 * for a structurally impossible proof; returns whether both roots are reproduced.
 * Conventions: oldSize = 0 is always an error (even 0 → 0); equal sizes need an empty proof and equal
 * roots (roots are not length-checked in that branch).
 */
export function checkConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  assertSize(oldSize, 'old size')
  assertSize(newSize, 'new size')
  if (oldSize === 0) throw new ProofError('consistency from the empty tree is undefined')
  if (newSize < oldSize) throw new ProofError(`new size ${newSize} < old size ${oldSize}`)
  if (oldSize === newSize) {
    if (proof.length > 0) throw new ProofError('equal sizes need an empty proof')
    return bytesEqual(oldRoot, newRoot)
  }
  if (proof.length === 0) throw new ProofError('empty consistency proof')
  checkHashes(proof, 'proof')
  const size1 = BigInt(oldSize)
  const size2 = BigInt(newSize)
  let { inner, border } = decompInclusion(size1 - 1n, size2)
  const shift = trailingZeros(size1)
  inner -= shift
  let seed = proof[0]!
  let start = 1
  if (size1 === 1n << BigInt(shift)) {
    seed = oldRoot
    start = 0
  }
  const want = start + inner + border
  if (proof.length !== want) throw new ProofError(`wrong proof length ${proof.length}, want ${want}`)
  const rest = proof.slice(start)
  const mask = (size1 - 1n) >> BigInt(shift)
  let h1 = seed
  let h2 = seed
  for (let i = 0; i < inner; i++) {
    const p = rest[i]!
    if (((mask >> BigInt(i)) & 1n) === 1n) {
      h1 = nodeHash(p, h1)
      h2 = nodeHash(p, h2)
    } else {
      h2 = nodeHash(h2, p)
    }
  }
  for (let i = inner; i < rest.length; i++) {
    h1 = nodeHash(rest[i]!, h1)
    h2 = nodeHash(rest[i]!, h2)
  }
  return bytesEqual(h1, oldRoot) && bytesEqual(h2, newRoot)
}

/**
 * Verifies a consistency proof between two tree heads; never throws.
 * @example verifyConsistency(6, 8, root6, root8, proof) // true
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  try {
    return checkConsistency(oldSize, newSize, oldRoot, newRoot, proof)
  } catch {
    return false
  }
}

/**
 * The compact range of a tree of `size` leaves: the roots of its maximal complete subtrees, left to
 * right (largest first), one per set bit of `size`. Enough to append and to compute the root.
 */
export interface Frontier {
  size: number
  hashes: Uint8Array[]
}

/** The frontier of the empty tree. */
export function emptyFrontier(): Frontier {
  return { size: 0, hashes: [] }
}

/** Root hash of the tree a frontier describes (fold from the right; empty → SHA-256("")). */
export function frontierRoot(frontier: Frontier): Uint8Array {
  const hs = frontier.hashes
  if (hs.length === 0) return emptyRoot()
  let h = hs[hs.length - 1]!
  for (let i = hs.length - 2; i >= 0; i--) h = nodeHash(hs[i]!, h)
  return h
}

/**
 * Reads the frontier of a tree of `size` leaves from a node source (one read per set bit of size);
 * used to resume the appender from storage.
 */
export async function frontierFromSource(source: NodeSource, size: number): Promise<Frontier> {
  assertSize(size, 'size')
  const blocks = size === 0 ? [] : decompose(0, size)
  const hashes = await Promise.all(blocks.map((b) => source.getNode(b.level, b.index)))
  return { size, hashes }
}

/** Result of {@link appendLeaves}. */
export interface AppendResult {
  /** Frontier after the batch (a new object; the input is not modified). */
  frontier: Frontier
  /** Root hash of the tree after the batch. */
  root: Uint8Array
  /** Every complete-subtree node created by the batch, including the level-0 leaf hashes. */
  nodes: TreeNode[]
}

/**
 * Incremental appender (compact range). Given the current frontier and a batch of new leaf hashes,
 * returns the new frontier, the new root, and the new complete-subtree nodes to store — the call the
 * log integrator makes once per batch. O(1) amortised hashes per leaf.
 * @example
 * let f = emptyFrontier()
 * const { frontier, root, nodes } = appendLeaves(f, batch.map(leafHash))
 * // store nodes as (level, index, hash) rows, then f = frontier
 */
export function appendLeaves(frontier: Frontier, leafHashes: readonly Uint8Array[]): AppendResult {
  assertSize(frontier.size, 'frontier size')
  let expected = 0
  for (let s = frontier.size; s > 0; s = Math.floor(s / 2)) if (s % 2 === 1) expected++
  if (frontier.hashes.length !== expected) throw new ProofError('frontier does not match its size')
  checkHashes(leafHashes, 'batch')
  const stack = frontier.hashes.slice()
  const nodes: TreeNode[] = []
  let size = frontier.size
  for (const leaf of leafHashes) {
    let h = leaf
    let level = 0
    let index = size
    nodes.push({ level, index, hash: h })
    let s = size
    while (s % 2 === 1) {
      h = nodeHash(stack.pop()!, h)
      level++
      index = Math.floor(index / 2)
      s = Math.floor(s / 2)
      nodes.push({ level, index, hash: h })
    }
    stack.push(h)
    size++
  }
  const next = { size, hashes: stack }
  return { frontier: next, root: frontierRoot(next), nodes }
}

/**
 * In-memory Merkle tree: an appender plus a {@link NodeSource} over every complete subtree. For tests,
 * tools and small logs; a server stores the nodes from {@link appendLeaves} instead.
 * @example
 * const tree = new MemoryTree()
 * tree.append(entries.map(leafHash))
 * const proof = await inclusionProof(tree, 3, tree.size)
 */
export class MemoryTree implements NodeSource {
  private levels: Uint8Array[][] = []
  private frontier: Frontier = emptyFrontier()

  /** Number of leaves. */
  get size(): number {
    return this.frontier.size
  }

  /** Appends leaf hashes; returns the new root. */
  append(leafHashes: readonly Uint8Array[]): Uint8Array {
    const r = appendLeaves(this.frontier, leafHashes)
    for (const n of r.nodes) {
      let lv = this.levels[n.level]
      if (!lv) {
        lv = []
        this.levels[n.level] = lv
      }
      lv[n.index] = n.hash
    }
    this.frontier = r.frontier
    return r.root
  }

  /** Current root hash. */
  root(): Uint8Array {
    return frontierRoot(this.frontier)
  }

  getNode(level: number, index: number): Uint8Array {
    const h = this.levels[level]?.[index]
    if (!h) throw new ProofError(`node (${level}, ${index}) is not a stored complete subtree`)
    return h
  }
}
