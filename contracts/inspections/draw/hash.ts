/**
 * The SHA-256 used for the input commitment, pluggable so that Node (server, CLI) can hash the
 * ~100 MB canonical inputs of a large plan with node:crypto (see ./node-hash.ts) while the browser
 * keeps the pure-JS streaming hash. Every implementation gives the same digest (FIPS 180-4).
 */
import { sha256 } from '@noble/hashes/sha2.js'

/** An incremental SHA-256: `update` consumes the bytes synchronously (the caller may reuse them). */
export interface Sha256 {
  update(bytes: Uint8Array): unknown
  digest(): Uint8Array
}
export type Sha256Factory = () => Sha256

/** The isomorphic default (@noble/hashes). */
export const nobleSha256: Sha256Factory = () => sha256.create()

/** Options of the functions that hash canonical inputs. */
export interface HashOptions {
  /** SHA-256 implementation for the input commitment; defaults to {@link nobleSha256}. */
  sha256?: Sha256Factory
}
