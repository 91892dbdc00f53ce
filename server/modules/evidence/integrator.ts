import { sql } from 'kysely'
import {
  appendLeaves,
  bytesToHex,
  frontierFromSource,
  leafHash,
  signCheckpoint,
} from '../../../contracts/evidence/index.ts'
import type { Db, Tx } from '../../database.ts'
import type { JobHandler } from '../../kernel/jobs.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { checkpointSigners, type LogKeys, loadLogKeys } from './keys.ts'
import { dbNodeSource } from './log.repository.ts'

export const INTEGRATE_JOB = 'evidence.integrate'
export const DEFAULT_BATCH_SIZE = 1000

export interface IntegrateOptions {
  keys: LogKeys
  now: Date
  batchSize?: number
  /** Test hook: runs after the batch's rows are written, before the transaction commits. */
  beforeCommit?: (info: { from: number; to: number }) => Promise<void> | void
}

const encoder = new TextEncoder()

/**
 * Sequences one batch of pending deposits inside `trx`: takes the log head row lock (the lease that
 * makes one sequencer at a time on PostgreSQL; SQLite has one writer anyway), assigns the next leaf
 * indices in (received_at, id) order, stores the new complete-subtree nodes, and signs a checkpoint.
 * All of it commits together or not at all, so a signed checkpoint always has its nodes stored.
 * Returns how many entries were integrated (0: nothing pending).
 */
export async function integrateBatch(trx: Tx, options: IntegrateOptions): Promise<number> {
  const { keys, now } = options
  // The UPDATE takes the row lock first: a second sequencer waits here, then sees the new size.
  await trx
    .updateTable('evidence_log_head')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', 1)
    .execute()
  const head = await trx
    .selectFrom('evidence_log_head')
    .select('tree_size')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const size = Number(head.tree_size)
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE
  // Deposits and statements share one sequence, in (received_at, id) order: the first `limit` of
  // the merge lie within the first `limit` of each table.
  const [deposits, statements] = await Promise.all(
    (['evidence_deposits', 'evidence_statements'] as const).map((table) =>
      trx
        .selectFrom(table)
        .select(['id', 'entry', 'received_at'])
        .where('leaf_index', 'is', null)
        .orderBy('received_at')
        .orderBy('id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map((r) => ({ ...r, table }))),
    ),
  )
  const pending = [...deposits!, ...statements!]
    .sort((a, b) =>
      a.received_at < b.received_at
        ? -1
        : a.received_at > b.received_at
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0,
    )
    .slice(0, limit)
  if (pending.length === 0) return 0
  const frontier = await frontierFromSource(dbNodeSource(trx), size)
  const result = appendLeaves(
    frontier,
    pending.map((p) => leafHash(encoder.encode(p.entry))),
  )
  const rows = result.nodes.map((n) => ({ level: n.level, idx: n.index, hash: bytesToHex(n.hash) }))
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('evidence_nodes')
      .values(rows.slice(i, i + 1000))
      .execute()
  }
  const at = now.toISOString()
  const indexed = pending.map((p, i) => ({ ...p, index: size + i }))
  // One UPDATE per 500 entries (CASE id WHEN … THEN index) rather than one per entry: per-statement
  // overhead, not SQL work, bounds integration throughput (perf-limits.md §a).
  for (const table of ['evidence_deposits', 'evidence_statements'] as const) {
    const ofTable = indexed.filter((p) => p.table === table)
    for (let i = 0; i < ofTable.length; i += 500) {
      const chunk = ofTable.slice(i, i + 500)
      const cases = sql.join(
        chunk.map((p) => sql`when ${p.id} then cast(${p.index} as bigint)`),
        sql` `,
      )
      await trx
        .updateTable(table)
        .set({ leaf_index: sql<number>`case id ${cases} end`, integrated_at: at })
        .where(
          'id',
          'in',
          chunk.map((p) => p.id),
        )
        .execute()
    }
  }
  const newSize = result.frontier.size
  const note = signCheckpoint(
    { origin: keys.origin, size: newSize, rootHash: result.root },
    checkpointSigners(keys),
  )
  await trx
    .insertInto('evidence_checkpoints')
    .values({
      tree_size: newSize,
      root_hash: bytesToHex(result.root),
      note,
      key_id: keys.signer.keyId,
      created_at: at,
    })
    .execute()
  await trx
    .insertInto('evidence_keys')
    .values({ vkey: keys.signer.verifierKey, key_id: keys.signer.keyId, first_used_at: at })
    .onConflict((oc) => oc.column('vkey').doNothing())
    .execute()
  await trx
    .updateTable('evidence_log_head')
    .set({ tree_size: newSize, updated_at: at })
    .where('id', '=', 1)
    .execute()
  await options.beforeCommit?.({ from: size, to: newSize })
  return pending.length
}

/** Integrates until nothing is pending, one transaction per batch; returns the number integrated. */
export async function integratePending(
  db: Db,
  options: Omit<IntegrateOptions, 'now'> & { now?: () => Date },
): Promise<number> {
  let total = 0
  for (;;) {
    const n = await db
      .transaction()
      .execute((trx) => integrateBatch(trx, { ...options, now: options.now?.() ?? new Date() }))
    total += n
    if (n === 0) return total
  }
}

/**
 * The in-process trigger: after a deposit commits, integrate soon unless a run is already going
 * (then run once more when it ends). The database job `evidence.integrate`, written with every
 * deposit, is the durable fallback when this process dies before it gets to run.
 */
export class EvidenceIntegrator {
  private running: Promise<void> | null = null
  private again = false
  lastError: unknown = null

  constructor(
    private readonly deps: AppDeps,
    private readonly log: (message: string, error: unknown) => void = () => {},
  ) {}

  /**
   * Integrates soon: after `delayMs`, so that deposits arriving together share one batch and one
   * signed checkpoint instead of one each.
   */
  kick(delayMs = 25): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = new Promise<void>((resolve) => setTimeout(resolve, delayMs))
      .then(() => this.loop())
      .finally(() => {
        this.running = null
      })
  }

  /** Waits until the current run (if any) is over. */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      try {
        await integratePending(this.deps.db, {
          keys: loadLogKeys(this.deps.config),
          now: () => this.deps.clock.now(),
        })
      } catch (error) {
        this.lastError = error
        this.log('evidence integration failed', error)
        return
      }
    } while (this.again)
  }
}

const integrators = new WeakMap<object, EvidenceIntegrator>()

/** The one integrator of an app (keyed by its database). */
export function integratorOf(deps: AppDeps, log?: (message: string, error: unknown) => void) {
  let i = integrators.get(deps.db)
  if (!i) {
    i = new EvidenceIntegrator(deps, log)
    integrators.set(deps.db, i)
  }
  return i
}

export function evidenceJobs(deps: AppDeps): JobHandler[] {
  return [
    {
      kind: INTEGRATE_JOB,
      async run({ trx, now }) {
        const keys = loadLogKeys(deps.config)
        for (let i = 0; i < 100; i++) if ((await integrateBatch(trx, { keys, now })) === 0) break
      },
    },
  ]
}
