import fs from 'node:fs'
import { parseArgs } from 'node:util'
import {
  base64Decode,
  base64Encode,
  checkConsistency,
  openCheckpoint,
  parseVerifierKey,
} from '../../contracts/evidence/index.ts'
import { type CliCommand, EXIT, UsageError } from '../registry.ts'
import { collectVerifierKeys } from './verify.ts'

/** What the monitor remembers between runs: the last checkpoint it accepted and the keys it trusts. */
interface MonitorState {
  checkpoint: string | null
  vkeys: string[]
}

export const EXIT_ALARM = 2

type Outcome = { ok: true; message: string; checkpoint: string } | { ok: false; message: string }

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`)
  return response.text()
}

/** One observation: fetch the latest checkpoint, check its signature and its consistency with the last. */
export async function observe(base: string, state: MonitorState): Promise<Outcome> {
  const verifiers = state.vkeys.map(parseVerifierKey)
  const note = await fetchText(`${base}/api/evidence/checkpoint`)
  const opened = openCheckpoint(note, verifiers)
  if (!opened.ok) return { ok: false, message: `checkpoint rejected (${opened.reason}): ${opened.detail}` }
  const next = opened.checkpoint
  const label = `size ${next.size}, root ${base64Encode(next.rootHash)}`
  if (!state.checkpoint) return { ok: true, message: `first checkpoint: ${label}`, checkpoint: note }
  const last = openCheckpoint(state.checkpoint, verifiers)
  if (!last.ok) return { ok: false, message: `the remembered checkpoint no longer verifies (${last.reason})` }
  const prev = last.checkpoint
  if (prev.origin !== next.origin)
    return { ok: false, message: `origin changed from ${prev.origin} to ${next.origin}` }
  if (next.size < prev.size)
    return { ok: false, message: `the log shrank from ${prev.size} to ${next.size} entries` }
  if (next.size === prev.size) {
    if (base64Encode(prev.rootHash) !== base64Encode(next.rootHash))
      return { ok: false, message: `two different roots for size ${next.size}: the log forked` }
    return { ok: true, message: `unchanged: ${label}`, checkpoint: note }
  }
  if (prev.size > 0) {
    const response = await fetch(`${base}/api/evidence/proof/consistency?old=${prev.size}&new=${next.size}`)
    if (!response.ok)
      return {
        ok: false,
        message: `no consistency proof from ${prev.size} to ${next.size} (HTTP ${response.status})`,
      }
    const body = (await response.json()) as { proof: string[] }
    const proof = body.proof.map((p) => base64Decode(p) ?? new Uint8Array())
    try {
      if (!checkConsistency(prev.size, next.size, prev.rootHash, next.rootHash, proof))
        throw new Error('the proof does not lead from the old root to the new one')
    } catch (error) {
      return {
        ok: false,
        message: `checkpoint ${label} is NOT consistent with size ${prev.size}: ${(error as Error).message}`,
      }
    }
  }
  return { ok: true, message: `consistent: ${prev.size} → ${label}`, checkpoint: note }
}

export const monitorCommand: CliCommand = {
  name: 'monitor',
  usage:
    'zhibao monitor --url <base URL> [--state <file>] [--vkey <vkey> | --vkey-file <file>]… [--interval <s>] [--once]',
  summary:
    'Follow the evidence log’s checkpoints; exit 2 (alarm) on a bad signature or an inconsistent checkpoint',
  async run({ args, out, err }) {
    let values: {
      url?: string
      state?: string
      vkey?: string[]
      'vkey-file'?: string[]
      interval?: string
      once?: boolean
    }
    try {
      values = parseArgs({
        args,
        options: {
          url: { type: 'string' },
          state: { type: 'string' },
          vkey: { type: 'string', multiple: true },
          'vkey-file': { type: 'string', multiple: true },
          interval: { type: 'string' },
          once: { type: 'boolean' },
        },
        strict: true,
      }).values
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!values.url) throw new UsageError('give the log server with --url')
    const base = values.url.replace(/\/+$/, '')
    const stateFile = values.state ?? 'zhibao-monitor.json'
    let state: MonitorState = fs.existsSync(stateFile)
      ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as MonitorState)
      : { checkpoint: null, vkeys: [] }
    const given = collectVerifierKeys(values)
    if (given.length > 0) state = { ...state, vkeys: [...new Set([...state.vkeys, ...given])] }
    if (state.vkeys.length === 0) {
      // Trust on first use: pin the keys the log publishes now; later runs keep using the pinned keys.
      state.vkeys = (await fetchText(`${base}/api/evidence/vkey`)).split('\n').filter((l) => l.trim())
      out(`pinned ${state.vkeys.length} log key(s) on first use; compare them with the published notice`)
    }
    const interval = Number(values.interval ?? '60') * 1000
    for (;;) {
      let outcome: Outcome
      try {
        outcome = await observe(base, state)
      } catch (error) {
        err(`monitor: ${(error as Error).message}`)
        if (values.once) return EXIT.failed
        await new Promise((resolve) => setTimeout(resolve, interval))
        continue
      }
      if (!outcome.ok) {
        err(`ALARM: ${outcome.message}`)
        return EXIT_ALARM
      }
      state = { ...state, checkpoint: outcome.checkpoint }
      fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`)
      out(`${new Date().toISOString()} ${outcome.message}`)
      if (values.once) return EXIT.ok
      await new Promise((resolve) => setTimeout(resolve, interval))
    }
  },
}
