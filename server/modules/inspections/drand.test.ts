import { describe, expect, it } from 'vitest'
import { verifyQuicknetBeacon } from './drand.ts'

// A published quicknet beacon (round 657413; noislabs/drand-verify, re-checked here).
const SIGNATURE =
  'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b'

describe('drand quicknet beacon verification', () => {
  it('accepts the real signature of its round and gives randomness = SHA-256(signature)', () => {
    expect(verifyQuicknetBeacon(657_413, SIGNATURE)).toBe(
      'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
    )
  })
  it('rejects it for another round, and a corrupted signature', () => {
    expect(verifyQuicknetBeacon(657_414, SIGNATURE)).toBeNull()
    expect(verifyQuicknetBeacon(657_413, `${SIGNATURE.slice(0, 94)}00`)).toBeNull()
  })
})
