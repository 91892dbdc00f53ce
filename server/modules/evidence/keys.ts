import fs from 'node:fs'
import path from 'node:path'
import {
  generateKeyPair,
  parseSignerKey,
  parseVerifierKey,
  type SignerKey,
} from '../../../contracts/evidence/index.ts'
import type { Config } from '../../kernel/config.ts'

/** The log's identity and its signing key; old verifier keys are published from `evidence_keys`. */
export interface LogKeys {
  origin: string
  signer: SignerKey
  /** Verifier keys kept for rotation (files `DATA_DIR/evidence-keys/*.vkey`), besides the signer's. */
  retired: string[]
}

export function defaultOrigin(config: Config): string {
  return config.evidence.logOrigin ?? `${new URL(config.publicUrl).host}/evidence`
}

const cache = new Map<string, LogKeys>()

/**
 * Loads the signer key: EVIDENCE_SIGNER_KEY, else `DATA_DIR/evidence-keys/signer.key`, generated on
 * first use (created exclusively, mode 0600, so two processes starting together agree on one key).
 * Rotation: move signer.key to `<name>.old`, keep its vkey as `<keyId>.vkey`; both stay published.
 */
export function loadLogKeys(config: Config): LogKeys {
  const dir = path.join(config.dataDir, 'evidence-keys')
  const cacheKey = `${dir}|${config.evidence.signerKey ?? ''}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  let signerText = config.evidence.signerKey
  if (!signerText) {
    const file = path.join(dir, 'signer.key')
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
      const pair = generateKeyPair(defaultOrigin(config))
      try {
        fs.writeFileSync(file, `${pair.signerKey}\n`, { flag: 'wx', mode: 0o600 })
        fs.writeFileSync(path.join(dir, 'signer.vkey'), `${pair.verifierKey}\n`)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
    signerText = fs.readFileSync(file, 'utf8').trim()
  }
  const signer = parseSignerKey(signerText)
  const retired: string[] = []
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.vkey') || f === 'signer.vkey') continue
      const vkey = fs.readFileSync(path.join(dir, f), 'utf8').trim()
      parseVerifierKey(vkey)
      if (vkey !== signer.verifierKey) retired.push(vkey)
    }
  }
  const keys = { origin: signer.name, signer, retired }
  cache.set(cacheKey, keys)
  return keys
}
