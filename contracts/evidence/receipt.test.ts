import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8 as utf8Bytes } from './bytes.ts'
import {
  base64Decode,
  base64Encode,
  buildReceipt,
  type DepositEntry,
  decodeEntry,
  depositorCommitment,
  EntryError,
  encodeEntry,
  formatTlogProof,
  generateKeyPair,
  inclusionProof,
  leafHash,
  MemoryTree,
  openCheckpoint,
  ProofError,
  parseSignerKey,
  parseTlogProof,
  parseVerifierKey,
  type Receipt,
  signCheckpoint,
  signNote,
  verifyInclusion,
  verifyReceipt,
} from './index.ts'
import { V1_LEAVES, V8 } from './vectors.test-data.ts'

describe('tlog-proof (trust.md A.8 V8)', () => {
  it('generates the V8 fixture byte for byte from the reference tree and the Go test key', async () => {
    const tree = new MemoryTree()
    tree.append(V1_LEAVES.map(leafHash))
    const checkpoint = signCheckpoint(
      { origin: 'localhost.localdev/sumdb', size: 8, rootHash: tree.root() },
      [parseSignerKey(V8.signerKey)],
    )
    const text = formatTlogProof({ index: 5, proof: await inclusionProof(tree, 5, 8), checkpoint })
    expect(text).toBe(V8.proof)
  })

  it('parses and verifies the V8 fixture', () => {
    const p = parseTlogProof(V8.proof)
    expect(p.index).toBe(5)
    expect(p.proof).toHaveLength(3)
    const cp = openCheckpoint(p.checkpoint, [parseVerifierKey(V8.vkey)], 'localhost.localdev/sumdb')
    if (!cp.ok) throw new Error(cp.detail)
    expect(
      verifyInclusion(p.index, cp.checkpoint.size, leafHash(V1_LEAVES[5]!), p.proof, cp.checkpoint.rootHash),
    ).toBe(true)
    expect(formatTlogProof(p)).toBe(V8.proof)
  })

  it('extra line round trip and malformed inputs', () => {
    const p = parseTlogProof(V8.proof)
    const withExtra = formatTlogProof({ ...p, extra: utf8Bytes('hi') })
    expect(withExtra.split('\n')[1]).toBe('extra aGk=')
    expect(parseTlogProof(withExtra)).toEqual({ ...p, extra: utf8Bytes('hi') })
    for (const bad of [
      V8.proof.replace('tlog-proof@v1', 'tlog-proof@v2'),
      V8.proof.replace('index 5', 'index 05'),
      V8.proof.replace('index 5', 'idx 5'),
      V8.proof.replace(
        'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=',
        'vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnm==',
      ),
      V8.proof.replace('\n\nlocalhost', '\nlocalhost'),
      V8.proof.slice(0, V8.proof.indexOf('\n\n') + 2),
    ]) {
      expect(() => parseTlogProof(bad)).toThrow(ProofError)
    }
  })
})

const SALT = new Uint8Array(16).fill(7)
const fileA = utf8Bytes('%PDF-1.7 design drawing')
const fileB = utf8Bytes('second file')

function sampleEntry(): DepositEntry {
  return {
    v: 1,
    type: 'zhibao.deposit',
    blobs: [
      { sha256: bytesToHex(sha256(fileA)), size: fileA.length, mediaType: 'application/pdf' },
      { sha256: bytesToHex(sha256(fileB)), size: fileB.length, mediaType: 'text/plain' },
    ],
    depositor: depositorCommitment(SALT, '91320500MA1XXXXXXX'),
    titleHash: depositorCommitment(SALT, '一种纺织机械的外观设计'),
    receivedAt: '2026-11-25T08:00:00.000Z',
  }
}

describe('canonical entry encoding v1', () => {
  it('has a fixed byte form (sorted keys, no whitespace)', () => {
    const e = sampleEntry()
    const text = new TextDecoder().decode(encodeEntry(e))
    expect(text).toBe(
      `{"blobs":[{"mediaType":"application/pdf","sha256":"${e.blobs[0]!.sha256}","size":23},` +
        `{"mediaType":"text/plain","sha256":"${e.blobs[1]!.sha256}","size":11}],` +
        `"depositor":"${e.depositor}","receivedAt":"2026-11-25T08:00:00.000Z","titleHash":"${e.titleHash}",` +
        `"type":"zhibao.deposit","v":1}`,
    )
    // equals the RFC 8785 (JCS) form: JSON.stringify of a key-sorted copy
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
            )
          : v
    expect(text).toBe(JSON.stringify(sortKeys(e)))
    const { titleHash: _, ...noTitle } = e
    expect(decodeEntry(encodeEntry(noTitle))).toEqual(noTitle)
  })

  it('matches the worked example in docs/evidence-log.md §1', () => {
    const e: DepositEntry = {
      v: 1,
      type: 'zhibao.deposit',
      blobs: [{ sha256: 'ab'.repeat(32), size: 1024, mediaType: 'application/pdf' }],
      depositor: depositorCommitment(new Uint8Array(16).fill(7), 'example-depositor'),
      receivedAt: '2026-11-25T08:00:00.000Z',
    }
    const bytes = encodeEntry(e)
    expect(e.depositor).toBe('eb768afcefa1bc7bb59f8edd6dbb3c95deee52ecbd47bade5d17c28d25465d6b')
    expect(bytes.length).toBe(280)
    expect(bytesToHex(leafHash(bytes))).toBe(
      '11a207a9028209c3049f93f07931931b6a2306cf8c65c96470b36acca11721ea',
    )
  })

  it('round-trips and rejects non-canonical or invalid encodings', () => {
    const e = sampleEntry()
    const bytes = encodeEntry(e)
    expect(decodeEntry(bytes)).toEqual(e)
    const text = new TextDecoder().decode(bytes)
    for (const bad of [
      text.replace('{"blobs"', '{ "blobs"'),
      text.replace('"v":1}', '"v":1,"x":0}'),
      text.replace('"v":1}', '"v":2}'),
      text.replace('"v":1}', '"v":1.0}'),
      text.replace('"size":23', '"size":23.5'),
      text.replace('"size":23', '"size":-1'),
      text.replace('application/pdf', 'Application/PDF'),
      text.replace('2026-11-25T08:00:00.000Z', '2026-11-25T08:00:00Z'),
      text.replace('2026-11-25T08:00:00.000Z', '2026-02-30T08:00:00.000Z'),
      text.replace(e.depositor, e.depositor.toUpperCase()),
      text.replace('"receivedAt"', '"receivedAt":"x","receivedAt"'),
      text.replace(e.blobs[1]!.sha256, e.blobs[0]!.sha256),
      '[]',
      'not json',
    ]) {
      expect(() => decodeEntry(utf8Bytes(bad)), bad).toThrow(EntryError)
    }
    expect(() => decodeEntry(new Uint8Array([0xff]))).toThrow(EntryError)
    expect(() => encodeEntry({ ...e, blobs: [] })).toThrow(EntryError)
    expect(() => depositorCommitment(new Uint8Array(8), 'x')).toThrow(EntryError)
  })

  it('property: encode ∘ decode is the identity on valid entries', () => {
    const hex64 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex)
    const blob = fc.record({
      sha256: hex64,
      size: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      mediaType: fc.constantFrom('application/pdf', 'image/png', 'text/plain', 'model/step+xml'),
    })
    const entryArb = fc.record({
      blobs: fc.uniqueArray(blob, { minLength: 1, maxLength: 20, selector: (b) => b.sha256 }),
      depositor: hex64,
      receivedAt: fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString()),
    })
    fc.assert(
      fc.property(entryArb, (r) => {
        const e: DepositEntry = { v: 1, type: 'zhibao.deposit', ...r }
        const bytes = encodeEntry(e)
        expect(decodeEntry(bytes)).toEqual(e)
        expect(encodeEntry(decodeEntry(bytes))).toEqual(bytes)
      }),
    )
  })
})

const ORIGIN = 'zhibao.example.cn/evidence/2026'
const logKey = generateKeyPair(ORIGIN)
const logSigner = parseSignerKey(logKey.signerKey)

async function makeReceipt(): Promise<{ receipt: Receipt; entryBytes: Uint8Array }> {
  const tree = new MemoryTree()
  const others = Array.from({ length: 12 }, (_, i) => utf8Bytes(`other entry ${i}`))
  const entryBytes = encodeEntry(sampleEntry())
  tree.append([...others.slice(0, 9), entryBytes, ...others.slice(9)].map(leafHash))
  const checkpoint = signCheckpoint({ origin: ORIGIN, size: tree.size, rootHash: tree.root() }, [logSigner])
  const receipt = buildReceipt({
    logOrigin: ORIGIN,
    index: 9,
    entry: entryBytes,
    proof: await inclusionProof(tree, 9, tree.size),
    checkpoint,
  })
  return { receipt, entryBytes }
}

describe('verifyReceipt', () => {
  it('accepts a genuine receipt, as object or JSON, with files as bytes or digests', async () => {
    const { receipt } = await makeReceipt()
    const r = verifyReceipt({
      receipt: JSON.stringify(receipt),
      verifierKeys: [logKey.verifierKey],
      files: [fileB, fileA],
    })
    expect(r).toMatchObject({
      ok: true,
      origin: ORIGIN,
      index: 9,
      treeSize: 13,
      verifiedBy: [{ name: ORIGIN, keyId: logSigner.keyId }],
      files: [{ blobIndex: 1 }, { blobIndex: 0 }],
    })
    const r2 = verifyReceipt({
      receipt,
      verifierKeys: [parseVerifierKey(logKey.verifierKey)],
      files: [{ sha256: bytesToHex(sha256(fileA)), size: fileA.length }],
    })
    expect(r2.ok).toBe(true)
  })

  it('accepts any key of a rotated set and ignores witness cosignatures', async () => {
    const { receipt } = await makeReceipt()
    const witness = generateKeyPair('witness.example.cn')
    const cosigned = signNote(receipt.checkpoint.slice(0, receipt.checkpoint.indexOf('\n\n') + 1), [
      logSigner,
      parseSignerKey(witness.signerKey),
    ])
    const p = parseTlogProof(receipt.tlogProof)
    const r = verifyReceipt({
      receipt: {
        ...receipt,
        checkpoint: cosigned,
        tlogProof: formatTlogProof({ ...p, checkpoint: cosigned }),
      },
      verifierKeys: [generateKeyPair(ORIGIN).verifierKey, logKey.verifierKey],
    })
    expect(r.ok).toBe(true)
  })

  it('fails with the right reason for each kind of tampering', async () => {
    const { receipt, entryBytes } = await makeReceipt()
    const keys = [logKey.verifierKey]
    const reason = (rc: Receipt | string, files?: Uint8Array[]) => {
      const r = verifyReceipt(
        files ? { receipt: rc, verifierKeys: keys, files } : { receipt: rc, verifierKeys: keys },
      )
      return r.ok ? 'ok' : r.reason
    }
    const withCheckpoint = (cp: string): Receipt => {
      const p = parseTlogProof(receipt.tlogProof)
      return { ...receipt, checkpoint: cp, tlogProof: formatTlogProof({ ...p, checkpoint: cp }) }
    }

    expect(reason(receipt)).toBe('ok')
    // receipt structure
    expect(reason('{')).toBe('receiptMalformed')
    expect(reason({ ...receipt, version: 2 } as unknown as Receipt)).toBe('receiptMalformed')
    // file digest not in the entry
    expect(reason(receipt, [utf8Bytes('a different file')])).toBe('fileNotInEntry')
    expect(
      verifyReceipt({ receipt, verifierKeys: keys, files: [{ sha256: bytesToHex(sha256(fileA)), size: 1 }] }),
    ).toMatchObject({ ok: false, reason: 'fileNotInEntry' })
    // entry: still canonical but different → root mismatch; broken encoding → entryMalformed
    const forged = encodeEntry({ ...sampleEntry(), receivedAt: '2025-01-01T00:00:00.000Z' })
    expect(reason({ ...receipt, entry: base64Encode(forged) })).toBe('rootMismatch')
    const broken = entryBytes.slice()
    broken[0] = 0x20
    expect(reason({ ...receipt, entry: base64Encode(broken) })).toBe('entryMalformed')
    expect(reason({ ...receipt, entry: 'not base64!' })).toBe('entryMalformed')
    // checkpoint: altered size or root breaks the signature
    const cpText = receipt.checkpoint
    expect(reason(withCheckpoint(cpText.replace('\n13\n', '\n14\n')))).toBe('signature')
    // re-signed with another key → unknown key
    const other = parseSignerKey(generateKeyPair(ORIGIN).signerKey)
    const body = cpText.slice(0, cpText.indexOf('\n\n') + 1)
    expect(reason(withCheckpoint(signNote(body, [other])))).toBe('unknownKey')
    // a validly signed checkpoint of another origin
    const foreign = signNote(body.replace(ORIGIN, 'other.example/log'), [logSigner])
    expect(reason(withCheckpoint(foreign))).toBe('originMismatch')
    expect(reason(withCheckpoint('garbage\n— x AAAAAAA=\n'))).toBe('checkpointMalformed')
    expect(reason(withCheckpoint(signNote('not a checkpoint\n', [logSigner])))).toBe('checkpointMalformed')
    expect(reason(withCheckpoint('garbage\n\n— x AAAAAAA=\n'))).toBe('unknownKey')
    // a validly signed checkpoint over a different root → root mismatch
    const wrongRoot = signCheckpoint({ origin: ORIGIN, size: 13, rootHash: new Uint8Array(32) }, [logSigner])
    expect(reason(withCheckpoint(wrongRoot))).toBe('rootMismatch')
    // proof: altered hash → root mismatch; wrong length, index, mismatched checkpoint → proofMalformed
    const p = parseTlogProof(receipt.tlogProof)
    const flipped = p.proof.map((h, i) => (i === 1 ? h.map((b, j) => (j === 0 ? b ^ 1 : b)) : h))
    expect(reason({ ...receipt, tlogProof: formatTlogProof({ ...p, proof: flipped }) })).toBe('rootMismatch')
    expect(reason({ ...receipt, tlogProof: formatTlogProof({ ...p, proof: p.proof.slice(1) }) })).toBe(
      'proofMalformed',
    )
    expect(reason({ ...receipt, tlogProof: formatTlogProof({ ...p, index: 8 }), index: 8 })).toBe(
      'rootMismatch',
    )
    expect(reason({ ...receipt, tlogProof: formatTlogProof({ ...p, index: 13 }), index: 13 })).toBe(
      'proofMalformed',
    )
    expect(reason({ ...receipt, index: 8 })).toBe('proofMalformed')
    expect(reason({ ...receipt, tlogProof: 'c2sp.org/tlog-proof@v1\n' })).toBe('proofMalformed')
    expect(reason({ ...receipt, tlogProof: formatTlogProof({ ...p, checkpoint: wrongRoot }) })).toBe(
      'proofMalformed',
    )
  })

  it('base64 helpers are strict', () => {
    expect(base64Decode('AQ==')).toEqual(new Uint8Array([1]))
    expect(base64Decode('AR==')).toBeUndefined()
    expect(base64Decode('AQ')).toBeUndefined()
    expect(base64Decode('A-_=')).toBeUndefined()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
        expect(base64Decode(base64Encode(b))).toEqual(b)
      }),
    )
  })
})
