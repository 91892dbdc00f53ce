import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateKeyPair, openNote, parseNote, parseSignerKey, parseVerifierKey, signNote } from './index.ts'
import {
  generateSm2KeyPair,
  isSm2VerifierKey,
  parseSm2SignerKey,
  parseSm2VerifierKey,
  SIG_TYPE_OTHER,
  SM2_IDENTIFIER,
} from './sm2.ts'

const origin = 'zhibao.example.cn/evidence'
const text = `${origin}\n3\nUnJ2dWx5LWRlbW8tcm9vdC1oYXNoLTMyLWJ5dGVzIQ==\n`

const hasOpenssl = (() => {
  try {
    return execFileSync('openssl', ['version']).toString().startsWith('OpenSSL 3')
  } catch {
    return false
  }
})()

/** DER SEQUENCE { INTEGER r, INTEGER s } from a 64-byte r ‖ s, and back. */
function toDer(sig: Uint8Array): Buffer {
  const int = (b: Uint8Array) => {
    let i = 0
    while (i < b.length - 1 && b[i] === 0) i++
    const v = b.subarray(i)
    const body = v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : Buffer.from(v)
    return Buffer.concat([Buffer.from([0x02, body.length]), body])
  }
  const seq = Buffer.concat([int(sig.subarray(0, 32)), int(sig.subarray(32))])
  return Buffer.concat([Buffer.from([0x30, seq.length]), seq])
}
function fromDer(der: Buffer): Uint8Array {
  const rLen = der[3]!
  const r = der.subarray(4, 4 + rLen)
  const s = der.subarray(6 + rLen)
  const pad = (b: Buffer) => Buffer.concat([Buffer.alloc(32), b]).subarray(-32)
  return new Uint8Array(Buffer.concat([pad(r), pad(s)]))
}
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex')

describe('SM2 (国密) second signature on checkpoints', () => {
  const ed = generateKeyPair(origin)
  const sm = generateSm2KeyPair(origin)

  it('round-trips key strings, and the key ID covers 0xff ‖ identifier ‖ point', () => {
    const signer = parseSm2SignerKey(sm.signerKey)
    expect(signer.verifierKey).toBe(sm.verifierKey)
    const v = parseSm2VerifierKey(sm.verifierKey)
    expect(v.type).toBe(SIG_TYPE_OTHER)
    expect(v.publicKey).toHaveLength(65)
    const raw = Buffer.from(sm.verifierKey.split('+').slice(2).join('+'), 'base64')
    expect(raw[0]).toBe(0xff)
    expect(raw.subarray(1, 1 + SM2_IDENTIFIER.length).toString()).toBe(SM2_IDENTIFIER)
    expect(isSm2VerifierKey(sm.verifierKey)).toBe(true)
    expect(isSm2VerifierKey(ed.verifierKey)).toBe(false)
    const [name, id, key] = [
      origin,
      sm.verifierKey.split('+')[1]!,
      sm.verifierKey.split('+').slice(2).join('+'),
    ]
    const wrongId = `${name}+${id === '00000000' ? '00000001' : '00000000'}+${key}`
    expect(() => parseSm2VerifierKey(wrongId)).toThrow(/key ID/)
    // A standard (Ed25519) parser refuses the unknown type rather than misreading it.
    expect(() => parseVerifierKey(sm.verifierKey)).toThrow(/unsupported signature type 0xff/)
  })

  it('adds a second signature line that Ed25519-only verifiers ignore and SM2 verifiers check', () => {
    const note = signNote(text, [parseSignerKey(ed.signerKey), parseSm2SignerKey(sm.signerKey)])
    expect(parseNote(note).signatures).toHaveLength(2)
    expect(note.split('\n').filter((l) => l.startsWith(`— ${origin} `))).toHaveLength(2)

    const standard = openNote(note, [parseVerifierKey(ed.verifierKey)])
    expect(standard).toMatchObject({ ok: true })
    if (standard.ok) expect(standard.verifiedBy.map((b) => b.type)).toEqual([0x01])

    const both = openNote(note, [parseVerifierKey(ed.verifierKey), parseSm2VerifierKey(sm.verifierKey)])
    expect(both.ok && both.verifiedBy.map((b) => b.type)).toEqual([0x01, 0xff])
    const smOnly = openNote(note, [parseSm2VerifierKey(sm.verifierKey)])
    expect(smOnly.ok && smOnly.verifiedBy[0]!.keyId).toBe(parseSm2VerifierKey(sm.verifierKey).keyId)

    // An altered text fails the SM2 signature; another SM2 key is simply unknown.
    const altered = note.replace('\n3\n', '\n4\n')
    expect(openNote(altered, [parseSm2VerifierKey(sm.verifierKey)])).toMatchObject({
      ok: false,
      reason: 'signature',
    })
    expect(openNote(note, [parseSm2VerifierKey(generateSm2KeyPair(origin).verifierKey)])).toMatchObject({
      ok: false,
      reason: 'unknownKey',
    })
    // Signatures use fresh nonces: two signatures of one text differ, both verify.
    const again = signNote(text, [parseSm2SignerKey(sm.signerKey)])
    expect(again).not.toBe(signNote(text, [parseSm2SignerKey(sm.signerKey)]))
    expect(openNote(again, [parseSm2VerifierKey(sm.verifierKey)]).ok).toBe(true)
  })

  it.skipIf(!hasOpenssl)(
    'agrees with OpenSSL’s SM2 (SM3, distinguishing ID 1234567812345678) both ways',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-sm2-'))
      try {
        const v = parseSm2VerifierKey(sm.verifierKey)
        const pub = path.join(dir, 'pub.der')
        fs.writeFileSync(pub, Buffer.concat([SPKI_PREFIX, v.publicKey]))
        const msg = path.join(dir, 'text')
        fs.writeFileSync(msg, text)
        const note = signNote(text, [parseSm2SignerKey(sm.signerKey)])
        const sig = parseNote(note).signatures[0]!.signature
        fs.writeFileSync(path.join(dir, 'sig.der'), toDer(sig))
        const verify = (sigFile: string, pubFile: string, form: string) =>
          execFileSync('openssl', [
            'pkeyutl',
            '-verify',
            '-pubin',
            '-inkey',
            pubFile,
            '-keyform',
            form,
            '-rawin',
            '-digest',
            'sm3',
            '-pkeyopt',
            'distid:1234567812345678',
            '-in',
            msg,
            '-sigfile',
            sigFile,
          ]).toString()
        expect(verify(path.join(dir, 'sig.der'), pub, 'DER')).toContain('Signature Verified Successfully')

        // OpenSSL signs with its own key; our verifier accepts the line.
        const key = path.join(dir, 'key.pem')
        execFileSync('openssl', [
          'genpkey',
          '-algorithm',
          'EC',
          '-pkeyopt',
          'ec_paramgen_curve:SM2',
          '-out',
          key,
        ])
        const spki = execFileSync('openssl', ['pkey', '-in', key, '-pubout', '-outform', 'DER'])
        execFileSync('openssl', [
          'pkeyutl',
          '-sign',
          '-inkey',
          key,
          '-rawin',
          '-digest',
          'sm3',
          '-pkeyopt',
          'distid:1234567812345678',
          '-in',
          msg,
          '-out',
          path.join(dir, 'osig.der'),
        ])
        const point = new Uint8Array(spki.subarray(spki.length - 65))
        const foreign = parseSm2VerifierKey(
          `${origin}+${keyIdOf(point)}+${Buffer.concat([Buffer.from([0xff]), Buffer.from(SM2_IDENTIFIER), point]).toString('base64')}`,
        )
        expect(
          foreign.verify(
            new TextEncoder().encode(text),
            fromDer(fs.readFileSync(path.join(dir, 'osig.der'))),
          ),
        ).toBe(true)
        expect(
          foreign.verify(
            new TextEncoder().encode(`${text}x\n`),
            fromDer(fs.readFileSync(path.join(dir, 'osig.der'))),
          ),
        ).toBe(false)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )
})

function keyIdOf(point: Uint8Array): string {
  return createHash('sha256')
    .update(
      Buffer.concat([Buffer.from(`${origin}\n`), Buffer.from([0xff]), Buffer.from(SM2_IDENTIFIER), point]),
    )
    .digest('hex')
    .slice(0, 8)
}
