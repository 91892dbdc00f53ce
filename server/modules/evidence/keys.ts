import fs from 'node:fs'
import path from 'node:path'
import {
  generateKeyPair,
  parseSignerKey,
  parseVerifierKey,
  type SignerKey,
} from '../../../contracts/evidence/index.ts'
import { parseSm2SignerKey, type Sm2SignerKey } from '../../../contracts/evidence/sm2.ts'
import type { Config } from '../../kernel/config.ts'

/** The log's identity and its signing key; old verifier keys are published from `evidence_keys`. */
export interface LogKeys {
  origin: string
  signer: SignerKey
  /** Verifier keys kept for rotation (files `DATA_DIR/evidence-keys/*.vkey`), besides the signer's. */
  retired: string[]
  /** The optional SM2 (国密) co-signer (EVIDENCE_SM2_KEY): a second signature line on checkpoints. */
  sm2?: Sm2SignerKey
}

/** The signers of a checkpoint: the Ed25519 log key first, then the SM2 key when configured. */
export function checkpointSigners(keys: LogKeys) {
  return keys.sm2 ? [keys.signer, keys.sm2] : [keys.signer]
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
  const cacheKey = `${dir}|${config.evidence.signerKey ?? ''}|${config.evidence.sm2Key ?? ''}`
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
  const sm2 = config.evidence.sm2Key ? parseSm2SignerKey(config.evidence.sm2Key) : undefined
  if (sm2 && sm2.name !== signer.name)
    throw new Error(`EVIDENCE_SM2_KEY is named ${sm2.name}, not the log origin ${signer.name}`)
  const keys: LogKeys = { origin: signer.name, signer, retired, ...(sm2 ? { sm2 } : {}) }
  cache.set(cacheKey, keys)
  return keys
}
