import { describe, expect, it } from 'vitest'
import { base64Decode, utf8 } from './bytes.ts'
import { leafHash, MemoryTree } from './merkle.ts'
import {
  appendSignatureLines,
  formatCheckpoint,
  formatSignerKey,
  formatVerifierKey,
  generateKeyPair,
  keyIdFor,
  NoteError,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  signNote,
} from './note.ts'
import { V1_LEAVES, V6, V6_C2SP, V8 } from './vectors.test-data.ts'

describe('signed note (trust.md A.8 V6)', () => {
  it('reproduces the Go sumdb/note signature byte for byte', () => {
    const signer = parseSignerKey(V6.signerKey)
    expect(signer.keyId).toBe('c74f20a3')
    expect(signer.verifierKey).toBe(V6.vkey)
    expect(signNote(V6.text, [signer])).toBe(`${V6.text}\n${V6.sigLine}\n`)
  })

  it('key ID derivation and key string round trips', () => {
    const v = parseVerifierKey(V6.vkey)
    expect(keyIdFor('PeterNeumann', 1, v.publicKey)).toBe('c74f20a3')
    expect(formatVerifierKey('PeterNeumann', v.publicKey)).toBe(V6.vkey)
    const seed = base64Decode(V6.signerKey.slice(-44))!.slice(1) // the base64 part itself contains '+'
    expect(formatSignerKey('PeterNeumann', seed)).toBe(V6.signerKey)
  })

  it('opens the Go note and names the verifying key', () => {
    const r = openNote(`${V6.text}\n${V6.sigLine}\n`, [parseVerifierKey(V6.vkey)])
    expect(r).toMatchObject({
      ok: true,
      text: V6.text,
      verifiedBy: [{ name: 'PeterNeumann', keyId: 'c74f20a3', type: 1 }],
    })
  })

  it('verifies the C2SP signed-note.md example', () => {
    const note = `${V6_C2SP.text}\n— example.com/foo ${V6_C2SP.sig}\n`
    const r = openNote(note, [parseVerifierKey(V6_C2SP.vkey)])
    expect(r.ok).toBe(true)
  })

  it('ignores unknown keys, rejects a failing known key, needs at least one known key', () => {
    const pn = parseVerifierKey(V6.vkey)
    const other = generateKeyPair('other.example/log')
    const otherSigner = parseSignerKey(other.signerKey)
    const note = signNote(V6.text, [otherSigner, parseSignerKey(V6.signerKey)])
    expect(openNote(note, [pn])).toMatchObject({ ok: true, verifiedBy: [{ name: 'PeterNeumann' }] })
    expect(openNote(note, [parseVerifierKey(other.verifierKey), pn])).toMatchObject({
      ok: true,
      verifiedBy: [{ name: 'other.example/log' }, { name: 'PeterNeumann' }],
    })
    const unknown = generateKeyPair('third.example/log')
    expect(openNote(note, [parseVerifierKey(unknown.verifierKey)])).toMatchObject({
      ok: false,
      reason: 'unknownKey',
    })
    // same key, altered text
    const tampered = note.replace('cryptography', 'cryptographY')
    expect(openNote(tampered, [pn])).toMatchObject({ ok: false, reason: 'signature' })
  })

  it('key rotation: any of a set of verifier keys is accepted', () => {
    const oldKey = generateKeyPair('zhibao.example.cn/evidence')
    const newKey = generateKeyPair('zhibao.example.cn/evidence')
    const keys = [oldKey, newKey].map((k) => parseVerifierKey(k.verifierKey))
    const byNew = signNote('x\n', [parseSignerKey(newKey.signerKey)])
    expect(openNote(byNew, keys)).toMatchObject({ ok: true, verifiedBy: [{ keyId: keys[1]!.keyId }] })
  })

  it('rejects malformed notes and keys', () => {
    const pn = [parseVerifierKey(V6.vkey)]
    for (const bad of [
      V6.text, // no signatures
      `${V6.text}\n${V6.sigLine}`, // no final newline
      `${V6.text}\n- PeterNeumann x08g\n`, // hyphen instead of em dash
      `${V6.text}\n— PeterNeumann AAAA\n`, // payload shorter than 5 bytes
      `${V6.text}\n— Peter+Neumann ${V6.sigLine.split(' ')[2]}\n`,
      `a\u0001\n\n${V6.sigLine}\n`,
    ]) {
      expect(openNote(bad, pn)).toMatchObject({ ok: false, reason: 'malformed' })
    }
    expect(() =>
      parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'),
    ).toThrow(NoteError)
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow(NoteError)
    expect(() => parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+ARpc')).toThrow(NoteError)
    expect(() => signNote('no newline', [parseSignerKey(V6.signerKey)])).toThrow(NoteError)
  })

  it('parses several signature lines, keeping the text up to the last blank line', () => {
    const note = signNote('a\n\nb\n', [parseSignerKey(V6.signerKey)])
    const p = parseNote(note)
    expect(p.text).toBe('a\n\nb\n')
    expect(p.signatures).toHaveLength(1)
  })
})

describe('checkpoint and cosignature (trust.md A.8 V8)', () => {
  const body = 'localhost.localdev/sumdb\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n'
  const note = V8.proof.slice(V8.proof.indexOf('localhost.localdev/sumdb\n'))

  it('formats and signs the V8 checkpoint byte for byte', () => {
    const tree = new MemoryTree()
    tree.append(V1_LEAVES.map(leafHash))
    const cp = { origin: 'localhost.localdev/sumdb', size: 8, rootHash: tree.root() }
    expect(formatCheckpoint(cp)).toBe(body)
    expect(signCheckpoint(cp, [parseSignerKey(V8.signerKey)])).toBe(note)
    expect(parseSignerKey(V8.signerKey).verifierKey).toBe(V8.vkey)
  })

  it('opens the checkpoint with the log key and checks the origin', () => {
    const r = openCheckpoint(note, [parseVerifierKey(V8.vkey)], 'localhost.localdev/sumdb')
    expect(r).toMatchObject({ ok: true, checkpoint: { origin: 'localhost.localdev/sumdb', size: 8 } })
    expect(openCheckpoint(note, [parseVerifierKey(V8.vkey)], 'other')).toMatchObject({ ok: false })
  })

  it('verifies the cosignature/v1 fixture and reports the witness time', () => {
    const cosigned = appendSignatureLines(note, `${V8.cosignLine}\n`)
    const witness = parseVerifierKey(V8.cosignerVkey)
    expect(witness.keyId).toBe('18b9780b')
    const r = openNote(cosigned, [parseVerifierKey(V8.vkey), witness])
    expect(r).toMatchObject({
      ok: true,
      verifiedBy: [
        { name: 'localhost.localdev/sumdb', type: 1 },
        { name: 'PeterNeumann', type: 4, time: V8.cosignTime },
      ],
    })
    // The Ed25519 (type 0x01) PeterNeumann key has another key ID, so the line is just unknown to it.
    expect(openNote(cosigned, [parseVerifierKey(V6.vkey)])).toMatchObject({ ok: false, reason: 'unknownKey' })
  })

  it('checkpoint parsing rules', () => {
    expect(parseCheckpoint(`${body}ext line\n`).extensions).toEqual(['ext line'])
    for (const bad of [
      'o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
      'o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
      'o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQ==\n',
      'o\n8\n',
      '\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
      'o\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
      'o\n99999999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
    ]) {
      expect(() => parseCheckpoint(bad), bad).toThrow(NoteError)
    }
    expect(utf8(formatCheckpoint(parseCheckpoint(body)))).toEqual(utf8(body))
  })
})
