/**
 * Node-only: node:crypto's SHA-256 for the draw library (server and CLI). Not imported by the
 * isomorphic index, so the browser bundle never sees `node:crypto`.
 */
import { createHash } from 'node:crypto'
import type { Sha256Factory } from './hash.ts'

export const nodeSha256: Sha256Factory = () => {
  const h = createHash('sha256')
  return {
    update: (bytes: Uint8Array) => h.update(bytes),
    digest: () => new Uint8Array(h.digest()),
  }
}
