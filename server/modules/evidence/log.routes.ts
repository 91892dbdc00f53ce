import { idParams } from '../../../contracts/common.ts'
import { base64Encode, emptyRoot, signCheckpoint } from '../../../contracts/evidence/index.ts'
import {
  consistencyQuery,
  consistencyResponse,
  inclusionQuery,
  inclusionResponse,
  receiptSchema,
} from '../../../contracts/evidence-api.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { evidenceErrors } from './errors.ts'
import { checkpointSigners, loadLogKeys } from './keys.ts'
import {
  latestCheckpoint,
  publishedVerifierKeys,
  readConsistencyProof,
  readInclusionProof,
} from './log.repository.ts'
import { statementReceipt } from './statements.service.ts'

const TILE_HEIGHT = 8
const TILE_WIDTH = 256
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Parses a tlog-tiles index path `x001/x234/067` into 1234067; undefined if not canonical. */
export function parseTileIndex(segments: string[]): number | undefined {
  if (segments.length === 0) return undefined
  let n = 0
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!
    const last = i === segments.length - 1
    if (last ? !/^\d{3}$/.test(s) : !/^x\d{3}$/.test(s)) return undefined
    n = n * 1000 + Number(last ? s : s.slice(1))
  }
  // Canonical: no leading all-zero groups.
  if (segments.length > 1 && segments[0] === 'x000') return undefined
  return Number.isSafeInteger(n) ? n : undefined
}

/** Formats a tile index as tlog-tiles path segments. */
export function formatTileIndex(n: number): string {
  const groups: string[] = []
  let rest = n
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'))
    rest = Math.floor(rest / 1000)
  } while (rest > 0)
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/')
}

async function treeSize(deps: AppDeps): Promise<number> {
  const head = await deps.db
    .selectFrom('evidence_log_head')
    .select('tree_size')
    .where('id', '=', 1)
    .executeTakeFirst()
  return Number(head?.tree_size ?? 0)
}

/**
 * The public, read-only face of the log: checkpoint, verifier keys, tlog-tiles (hash tiles and entry
 * bundles, from stored nodes and entries), and proofs. None of it reveals files or depositors.
 */
export function logRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/evidence/checkpoint',
    {
      config: { public: true },
      schema: { tags: ['evidence'], summary: 'Latest signed checkpoint (C2SP tlog-checkpoint, text)' },
    },
    async (_request, reply) => {
      const latest = await latestCheckpoint(deps.db)
      const keys = loadLogKeys(deps.config)
      // Ed25519 is deterministic: the empty log's checkpoint is the same bytes on every call.
      const note =
        latest?.note ??
        signCheckpoint({ origin: keys.origin, size: 0, rootHash: emptyRoot() }, checkpointSigners(keys))
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(note)
    },
  )

  app.get(
    '/api/evidence/vkey',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary: 'The log’s verifier keys (C2SP vkey), current first, one a line',
      },
    },
    async (_request, reply) => {
      const keys = loadLogKeys(deps.config)
      const all = [keys.signer.verifierKey, ...keys.retired, ...(await publishedVerifierKeys(deps.db))]
      const unique = [...new Set(all)]
      return reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(`${unique.join('\n')}\n`)
    },
  )

  app.get(
    '/api/evidence/vkey/sm2',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary:
          'The log’s SM2 (国密) verifier key, when checkpoints carry an SM2 signature line; 404 otherwise',
      },
    },
    async (_request, reply) => {
      const { sm2 } = loadLogKeys(deps.config)
      if (!sm2) throw new AppError(kernelErrors.not_found)
      return reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(`${sm2.verifierKey}\n`)
    },
  )

  app.get(
    '/api/evidence/tile/*',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary: 'C2SP tlog-tiles: tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>]',
      },
    },
    async (request, reply) => {
      const rest = (request.params as { '*': string })['*']
      let segments = rest.split('/')
      const isEntries = segments[0] === 'entries'
      const level = isEntries ? -1 : /^\d{1,2}$/.test(segments[0] ?? '') ? Number(segments[0]) : Number.NaN
      if (Number.isNaN(level) || level > 63) throw new AppError(kernelErrors.not_found)
      segments = segments.slice(1)
      let width = TILE_WIDTH
      const last = segments.at(-1) ?? ''
      const beforeLast = segments.at(-2) ?? ''
      if (beforeLast.endsWith('.p')) {
        if (!/^\d{1,3}$/.test(last)) throw new AppError(kernelErrors.not_found)
        width = Number(last)
        if (width < 1 || width >= TILE_WIDTH) throw new AppError(kernelErrors.not_found)
        segments = [...segments.slice(0, -2), beforeLast.slice(0, -2)]
      }
      const index = parseTileIndex(segments)
      if (index === undefined) throw new AppError(kernelErrors.not_found)
      const first = index * TILE_WIDTH
      const size = await treeSize(deps)
      const leavesPerNode = isEntries ? 1 : 2 ** (level * TILE_HEIGHT)
      if ((first + width) * leavesPerNode > size) throw new AppError(kernelErrors.not_found)
      let body: Buffer
      if (isEntries) {
        const ofTable = (table: 'evidence_deposits' | 'evidence_statements') =>
          deps.db
            .selectFrom(table)
            .select(['leaf_index', 'entry'])
            .where('leaf_index', '>=', first)
            .where('leaf_index', '<', first + width)
            .execute()
        const rows = [
          ...(await ofTable('evidence_deposits')),
          ...(await ofTable('evidence_statements')),
        ].sort((a, b) => Number(a.leaf_index) - Number(b.leaf_index))
        if (rows.length !== width) throw new AppError(kernelErrors.not_found)
        const parts: Buffer[] = []
        for (const r of rows) {
          const bytes = Buffer.from(r.entry, 'utf8')
          const len = Buffer.alloc(2)
          len.writeUInt16BE(bytes.length)
          parts.push(len, bytes)
        }
        body = Buffer.concat(parts)
      } else {
        const rows = await deps.db
          .selectFrom('evidence_nodes')
          .select(['idx', 'hash'])
          .where('level', '=', level * TILE_HEIGHT)
          .where('idx', '>=', first)
          .where('idx', '<', first + width)
          .orderBy('idx')
          .execute()
        if (rows.length !== width) throw new AppError(kernelErrors.not_found)
        body = Buffer.concat(rows.map((r) => Buffer.from(r.hash, 'hex')))
      }
      return reply
        .type('application/octet-stream')
        .header('cache-control', width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=60')
        .send(body)
    },
  )

  app.get(
    '/api/evidence/proof/consistency',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary: 'Consistency proof from tree size old to new (RFC 9162 §2.1.4)',
        querystring: consistencyQuery,
        response: { 200: consistencyResponse },
      },
    },
    async (request) => {
      const { old: m, new: n } = request.query
      if (m > n || n > (await treeSize(deps))) throw new AppError(evidenceErrors.evidence_tree_size_invalid)
      const proof = await readConsistencyProof(deps.db, m, n)
      return { old: m, new: n, proof: proof.map(base64Encode) }
    },
  )

  app.get(
    '/api/evidence/statements/:id/receipt',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary:
          'Receipt JSON (docs/evidence-log.md §7) of a statement, e.g. a draw commitment; 409 until integrated',
        params: idParams,
        response: { 200: receiptSchema },
      },
    },
    async (request) => statementReceipt(deps.db, request.params.id),
  )

  app.get(
    '/api/evidence/proof/inclusion',
    {
      config: { public: true },
      schema: {
        tags: ['evidence'],
        summary: 'Inclusion proof of leaf index in the tree of the given size (RFC 9162 §2.1.3)',
        querystring: inclusionQuery,
        response: { 200: inclusionResponse },
      },
    },
    async (request) => {
      const { index, size } = request.query
      if (index >= size || size > (await treeSize(deps)))
        throw new AppError(evidenceErrors.evidence_tree_size_invalid)
      const proof = await readInclusionProof(deps.db, index, size)
      return { index, size, proof: proof.map(base64Encode) }
    },
  )
}
