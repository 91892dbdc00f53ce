import { bytesToHex } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64Decode, utf8 } from './bytes.ts'
import {
  appendLeaves,
  checkConsistency,
  consistencyProof,
  emptyFrontier,
  emptyRoot,
  frontierFromSource,
  inclusionProof,
  inclusionProofLength,
  leafHash,
  MemoryTree,
  merkleTreeHash,
  ProofError,
  rootFromInclusionProof,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts'
import { formatCheckpoint } from './note.ts'
import {
  V1_LEAF_HASHES,
  V1_LEAVES,
  V1_NODES,
  V1_ROOTS,
  V2_INCLUSION,
  V3_CONSISTENCY,
  V5,
  V9_ROOTS,
} from './vectors.test-data.ts'

const hex = bytesToHex

function refTree(n = 8): MemoryTree {
  const t = new MemoryTree()
  t.append(V1_LEAVES.slice(0, n).map(leafHash))
  return t
}

function matchesPrefixes(proof: Uint8Array[], prefixes: string[]): void {
  expect(proof.length).toBe(prefixes.length)
  proof.forEach((p, i) => {
    expect(hex(p).startsWith(prefixes[i]!)).toBe(true)
  })
}

function u64be(i: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setBigUint64(0, BigInt(i))
  return b
}

function flipBit(b: Uint8Array, bit: number): Uint8Array {
  const c = b.slice()
  c[Math.floor(bit / 8) % c.length]! ^= 1 << (bit % 8)
  return c
}

describe('RFC 6962 reference tree (trust.md A.8 V1)', () => {
  it('leaf hashes', () => {
    expect(V1_LEAVES.map((d) => hex(leafHash(d)))).toEqual(V1_LEAF_HASHES)
  })

  it('empty-tree hash', () => {
    expect(hex(emptyRoot())).toBe(V1_ROOTS[0])
    expect(hex(merkleTreeHash([]))).toBe(V1_ROOTS[0])
  })

  it('MTH for each size 0..8, recursively, from the appender and from stored nodes', async () => {
    const tree = refTree()
    for (let n = 0; n <= 8; n++) {
      const hashes = V1_LEAVES.slice(0, n).map(leafHash)
      expect(hex(merkleTreeHash(hashes))).toBe(V1_ROOTS[n])
      expect(hex(appendLeaves(emptyFrontier(), hashes).root)).toBe(V1_ROOTS[n])
      expect(hex(await treeRoot(tree, n))).toBe(V1_ROOTS[n])
    }
  })

  it('interior nodes', () => {
    const tree = refTree()
    for (const [level, index, h] of V1_NODES) expect(hex(tree.getNode(level, index))).toBe(h)
  })

  it('Go sumdb record hash and tree text (V5)', () => {
    const h = leafHash(utf8('hello world'))
    expect(h).toEqual(base64Decode(V5.helloLeafB64))
    // Go's tree note is a checkpoint body whose origin line is "go.sum database tree"
    expect(formatCheckpoint({ origin: 'go.sum database tree', size: 123456789012, rootHash: h })).toBe(
      `go.sum database tree\n123456789012\n${V5.helloLeafB64}\n`,
    )
  })
})

describe('inclusion proofs (V2)', () => {
  for (const [index, size, prefixes] of V2_INCLUSION) {
    it(`(${index}, ${size})`, async () => {
      const tree = refTree()
      const proof = await inclusionProof(tree, index, size)
      matchesPrefixes(proof, prefixes)
      const root = await treeRoot(tree, size)
      expect(hex(root)).toBe(V1_ROOTS[size])
      expect(verifyInclusion(index, size, leafHash(V1_LEAVES[index]!), proof, root)).toBe(true)
    })
  }

  it('rejects index ≥ size and wrong lengths with ProofError', () => {
    const leaf = leafHash(V1_LEAVES[0]!)
    expect(() => rootFromInclusionProof(1, 1, leaf, [])).toThrow(ProofError)
    expect(() => rootFromInclusionProof(0, 2, leaf, [])).toThrow(ProofError)
    expect(() => rootFromInclusionProof(0, 1, leaf, [leaf])).toThrow(ProofError)
    expect(() => rootFromInclusionProof(0, 2, leaf, [new Uint8Array(31)])).toThrow(ProofError)
    expect(verifyInclusion(0, 0, leaf, [], emptyRoot())).toBe(false)
  })
})

describe('consistency proofs (V3)', () => {
  for (const [m, n, prefixes] of V3_CONSISTENCY) {
    it(`(${m} → ${n})`, async () => {
      const tree = refTree()
      const proof = await consistencyProof(tree, m, n)
      matchesPrefixes(proof, prefixes)
      const r1 = await treeRoot(tree, m)
      const r2 = await treeRoot(tree, n)
      expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true)
      if (m < n) expect(verifyConsistency(m, n, r2, r1, proof)).toBe(false)
    })
  }

  it('conventions: size1 = 0 fails even 0 → 0; equal sizes compare roots without length checks', () => {
    const r = emptyRoot()
    expect(verifyConsistency(0, 0, r, r, [])).toBe(false)
    expect(verifyConsistency(0, 5, r, r, [])).toBe(false)
    expect(verifyConsistency(3, 3, utf8('abc'), utf8('abc'), [])).toBe(true)
    expect(verifyConsistency(3, 3, utf8('abc'), utf8('abd'), [])).toBe(false)
    expect(verifyConsistency(3, 3, r, r, [r])).toBe(false)
    expect(verifyConsistency(4, 3, r, r, [r])).toBe(false)
    expect(() => checkConsistency(2, 5, r, r, [])).toThrow(ProofError)
  })
})

describe('V4-style mutations on the reference tree (categories of transparency-dev/merkle testdata)', () => {
  const garbage = leafHash(new Uint8Array([0xde, 0xad]))
  const mutations = (proof: Uint8Array[]) => [
    { desc: 'truncated', proof: proof.slice(0, -1), skip: proof.length === 0 },
    { desc: 'preceding garbage', proof: [garbage, ...proof] },
    { desc: 'trailing garbage', proof: [...proof, garbage] },
    ...proof.map((_, k) => ({
      desc: `modified proof[${k}] bit 4`,
      proof: proof.map((h, j) => (j === k ? flipBit(h, 4) : h)),
    })),
  ]

  it('every inclusion proof in trees of 1..8 leaves rejects size ±1, ×2, ÷2, index ±1, wrong root and altered proofs', async () => {
    const tree = refTree()
    for (let n = 1; n <= 8; n++) {
      const root = await treeRoot(tree, n)
      for (let i = 0; i < n; i++) {
        const leaf = leafHash(V1_LEAVES[i]!)
        const proof = await inclusionProof(tree, i, n)
        expect(verifyInclusion(i, n, leaf, proof, root)).toBe(true)
        expect(verifyInclusion(i, n, leaf, proof, emptyRoot())).toBe(false)
        expect(verifyInclusion(i, n, garbage, proof, root)).toBe(false)
        for (const j of [i - 1, i + 1, i ^ 2])
          if (j !== i && j >= 0) expect(verifyInclusion(j, n, leaf, proof, root)).toBe(false)
        for (const m of [n + 1, n - 1, n * 2, Math.floor(n / 2)]) {
          if (m === n) continue
          const ok = verifyInclusion(i, m, leaf, proof, root)
          if (ok) expect(inclusionShape(i, m)).toBe(inclusionShape(i, n))
        }
        for (const mut of mutations(proof)) {
          if (!mut.skip) expect(verifyInclusion(i, n, leaf, mut.proof, root), mut.desc).toBe(false)
        }
      }
    }
  })

  it('every consistency proof between sizes 1..8 rejects swapped/wrong roots, size1 ±1, ^2, size2 ÷2 and altered proofs', async () => {
    const tree = refTree()
    for (let n = 1; n <= 8; n++) {
      const r2 = await treeRoot(tree, n)
      for (let m = 1; m <= n; m++) {
        const r1 = await treeRoot(tree, m)
        const proof = await consistencyProof(tree, m, n)
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true)
        if (m === n) continue
        expect(verifyConsistency(m, n, r2, r1, proof), 'swapped roots').toBe(false)
        expect(verifyConsistency(m, n, garbage, r2, proof), 'wrong root1').toBe(false)
        expect(verifyConsistency(m, n, r1, garbage, proof), 'wrong root2').toBe(false)
        expect(verifyConsistency(m, n, r1, r2, []), 'empty proof').toBe(false)
        for (const m2 of [m + 1, m - 1, m ^ 2])
          if (m2 !== m) expect(verifyConsistency(m2, n, r1, r2, proof)).toBe(false)
        expect(verifyConsistency(m, Math.floor(n / 2), r1, r2, proof), 'size2 / 2').toBe(false)
        for (const mut of mutations(proof)) {
          if (!mut.skip) expect(verifyConsistency(m, n, r1, r2, mut.proof), mut.desc).toBe(false)
        }
      }
    }
  })
})

describe('V9 larger trees (self-computed in trust.md)', () => {
  it('roots at 255, 256, 257, 1000 agree across MTH, appender and node source', async () => {
    const leaves = Array.from({ length: 1000 }, (_, i) => leafHash(u64be(i)))
    const tree = new MemoryTree()
    tree.append(leaves)
    for (const [n, h] of V9_ROOTS) {
      expect(hex(merkleTreeHash(leaves.slice(0, n)))).toBe(h)
      expect(hex(await treeRoot(tree, n))).toBe(h)
    }
    expect(hex(tree.root())).toBe(V9_ROOTS[3]![1])
  })
})

/** The sequence of left/right combinations an inclusion verification performs: 'L' = proof hash on the left. */
function inclusionShape(index: number, size: number): string {
  const len = inclusionProofLength(index, size)
  const inner = (index ^ (size - 1)).toString(2).replace(/^0+/, '').length
  let s = ''
  for (let i = 0; i < len; i++) s += i < inner ? (Math.floor(index / 2 ** i) % 2 === 0 ? 'R' : 'L') : 'L'
  return s
}

const sizeArb = fc.integer({ min: 1, max: 300 })

describe('properties (fast-check)', () => {
  const leavesFor = (n: number) => Array.from({ length: n }, (_, i) => leafHash(u64be(i * 7919 + n)))

  it('every inclusion proof verifies; any bit flip in proof, leaf, root or index fails', async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, fc.nat(), fc.nat(), async (n, iSeed, bitSeed) => {
        const leaves = leavesFor(n)
        const tree = new MemoryTree()
        tree.append(leaves)
        const i = iSeed % n
        const proof = await inclusionProof(tree, i, n)
        const root = tree.root()
        const leaf = leaves[i]!
        expect(verifyInclusion(i, n, leaf, proof, root)).toBe(true)
        expect(verifyInclusion(i, n, flipBit(leaf, bitSeed % 256), proof, root)).toBe(false)
        expect(verifyInclusion(i, n, leaf, proof, flipBit(root, bitSeed % 256))).toBe(false)
        if (proof.length > 0) {
          const k = bitSeed % proof.length
          const bad = proof.slice()
          bad[k] = flipBit(bad[k]!, (bitSeed >> 3) % 256)
          expect(verifyInclusion(i, n, leaf, bad, root)).toBe(false)
          expect(verifyInclusion(i, n, leaf, proof.slice(1), root)).toBe(false)
        }
        expect(verifyInclusion(i, n, leaf, [...proof, root], root)).toBe(false)
        for (let b = 0; b < 10; b++) {
          const j = i ^ (1 << b)
          expect(verifyInclusion(j, n, leaf, proof, root)).toBe(false)
          // The proof does not authenticate the tree size (the signed checkpoint does): a flipped size
          // may verify only when it implies exactly the same hashing steps.
          const m = n ^ (1 << b)
          const ok = verifyInclusion(i, m, leaf, proof, root)
          if (ok) expect(inclusionShape(i, m)).toBe(inclusionShape(i, n))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('every consistency proof verifies; any bit flip in proof or roots fails', async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, fc.nat(), fc.nat(), async (n, mSeed, bitSeed) => {
        const tree = new MemoryTree()
        tree.append(leavesFor(n))
        const m = (mSeed % n) + 1
        const proof = await consistencyProof(tree, m, n)
        const r1 = await treeRoot(tree, m)
        const r2 = tree.root()
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true)
        expect(verifyConsistency(m, n, flipBit(r1, bitSeed % 256), r2, proof)).toBe(false)
        expect(verifyConsistency(m, n, r1, flipBit(r2, bitSeed % 256), proof)).toBe(false)
        if (proof.length > 0) {
          const k = bitSeed % proof.length
          const bad = proof.slice()
          bad[k] = flipBit(bad[k]!, (bitSeed >> 3) % 256)
          expect(verifyConsistency(m, n, r1, r2, bad)).toBe(false)
          expect(verifyConsistency(m, n, r1, r2, proof.slice(1))).toBe(false)
          expect(verifyConsistency(m, n, r1, r2, [...proof, r2])).toBe(false)
        }
        for (let b = 0; b < 10; b++) {
          // A flipped old size never verifies. (A flipped new size can: e.g. 4 → 5 and 4 → 7 have the
          // same one-hash proof shape; the new size is authenticated by its signed checkpoint.)
          expect(verifyConsistency(m ^ (1 << b), n, r1, r2, proof)).toBe(false)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('the incremental appender matches MTH for random batch splits and emits every complete node', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), async (batches) => {
        const all = leavesFor(batches.reduce((a, b) => a + b, 0))
        let f = emptyFrontier()
        let off = 0
        const store = new Map<string, Uint8Array>()
        for (const b of batches) {
          const r = appendLeaves(f, all.slice(off, off + b))
          off += b
          for (const node of r.nodes) {
            const key = `${node.level}/${node.index}`
            expect(store.has(key)).toBe(false)
            store.set(key, node.hash)
          }
          expect(r.root).toEqual(merkleTreeHash(all.slice(0, off)))
          f = r.frontier
        }
        // the stored nodes are exactly the complete subtrees of the final tree
        let expected = 0
        for (let s = off; s > 0; s = Math.floor(s / 2)) expected += s
        expect(store.size).toBe(expected)
        const source = { getNode: (l: number, i: number) => store.get(`${l}/${i}`)! }
        const resumed = await frontierFromSource(source, off)
        expect(resumed.hashes).toEqual(f.hashes)
      }),
      { numRuns: 200 },
    )
  })
})

describe('appender', () => {
  it('rejects a frontier inconsistent with its size', () => {
    expect(() => appendLeaves({ size: 3, hashes: [emptyRoot()] }, [])).toThrow(ProofError)
  })

  it('node source reads are O(log n) per proof', async () => {
    const tree = new MemoryTree()
    tree.append(Array.from({ length: 1000 }, (_, i) => leafHash(u64be(i))))
    let reads = 0
    const counting = {
      getNode: (l: number, i: number) => {
        reads++
        return tree.getNode(l, i)
      },
    }
    await inclusionProof(counting, 999, 1000)
    expect(reads).toBeLessThanOrEqual(2 * 10)
    reads = 0
    await consistencyProof(counting, 377, 1000)
    expect(reads).toBeLessThanOrEqual(3 * 10)
  })
})
