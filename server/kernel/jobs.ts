import type { ControlledTransaction } from 'kysely'
import type { Database, Db, Tx } from '../database.ts'
import type { Clock } from './clock.ts'
import type { Dialect } from './db/connection.ts'
import { insertRows } from './db/prepared.ts'
import { newId } from './ids.ts'

/**
 * A database-backed job queue: timers and domain events live in the `jobs` table, written in the
 * transaction of the change that causes them (an outbox), so none is lost on a crash. A job runs in
 * the same transaction that marks it done, so its database effects happen exactly once, also with
 * several server instances (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite has a single writer).
 */
export interface JobContext {
  trx: Tx
  now: Date
  jobId: string
}

export interface JobHandler<P = any> {
  kind: string
  run(context: JobContext, payload: P): Promise<void>
}

export interface EnqueueOptions {
  kind: string
  payload?: unknown
  runAt?: Date
  /** A job with the same key is enqueued once only (e.g. one reminder per deadline and offset). */
  dedupeKey?: string
}

export async function enqueueJob(trx: Tx | Db, now: Date, options: EnqueueOptions): Promise<void> {
  await enqueueJobs(trx, now, [options])
}

/** Enqueues several jobs with one statement (each still once per dedupe key). */
export async function enqueueJobs(trx: Tx | Db, now: Date, jobs: readonly EnqueueOptions[]): Promise<void> {
  if (jobs.length === 0) return
  await insertRows(
    trx,
    'jobs',
    jobs.map((options) => ({
      id: newId(now.getTime()),
      kind: options.kind,
      dedupe_key: options.dedupeKey ?? null,
      payload: JSON.stringify(options.payload ?? {}),
      run_at: (options.runAt ?? now).toISOString(),
      status: 'pending' as const,
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })),
    { ignoreConflictOn: 'dedupe_key' },
  )
}

/** Cancels pending jobs by dedupe key prefix, e.g. every reminder of a deadline that was met. */
export async function cancelJobs(trx: Tx, dedupeKeyPrefix: string, now: Date): Promise<void> {
  await trx
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now.toISOString(), last_error: 'cancelled' })
    .where('status', '=', 'pending')
    .where('dedupe_key', 'like', `${dedupeKeyPrefix}%`)
    .execute()
}

export interface JobRunnerOptions {
  db: Db
  dialect: Dialect
  clock: Clock
  handlers: JobHandler[]
  workerId?: string
  batchSize?: number
  pollMs?: number
  maxAttempts?: number
  log?: (message: string, error?: unknown) => void
}

export class JobRunner {
  private readonly handlers: Map<string, JobHandler>
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private readonly workerId: string

  constructor(private readonly options: JobRunnerOptions) {
    this.handlers = new Map(options.handlers.map((h) => [h.kind, h]))
    this.workerId = options.workerId ?? `worker-${newId()}`
  }

  start(): void {
    const tick = async () => {
      this.running = this.runDue().then(() => undefined)
      try {
        await this.running
      } catch (error) {
        this.options.log?.('job sweep failed', error)
      }
      this.running = null
      if (this.timer !== null) this.timer = setTimeout(tick, this.options.pollMs ?? 1000)
    }
    this.timer = setTimeout(tick, 0)
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** Runs every due job, batch by batch; returns how many ran. Safe to call from several instances. */
  async runDue(): Promise<number> {
    let total = 0
    for (;;) {
      const ran = await this.runBatch()
      total += ran
      if (ran < (this.options.batchSize ?? 100)) return total
    }
  }

  private async runBatch(): Promise<number> {
    const { db, dialect, clock } = this.options
    const limit = this.options.batchSize ?? 100
    const trx = await db.startTransaction().execute()
    try {
      const now = clock.now()
      let query = trx
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'pending')
        .where('run_at', '<=', now.toISOString())
        .orderBy('run_at')
        .limit(limit)
      if (dialect === 'postgres') query = query.forUpdate().skipLocked()
      const due = await query.execute()
      for (const job of due) await this.runOne(trx, job, now)
      await trx.commit().execute()
      return due.length
    } catch (error) {
      await trx.rollback().execute()
      throw error
    }
  }

  private async runOne(
    trx: ControlledTransaction<Database>,
    job: { id: string; kind: string; payload: string; attempts: number },
    now: Date,
  ) {
    const handler = this.handlers.get(job.kind)
    const attempts = job.attempts + 1
    const finish = (status: 'done' | 'failed' | 'pending', error: string | null, runAt?: Date) =>
      trx
        .updateTable('jobs')
        .set({
          status,
          attempts,
          last_error: error,
          locked_by: this.workerId,
          finished_at: status === 'pending' ? null : now.toISOString(),
          ...(runAt ? { run_at: runAt.toISOString() } : {}),
        })
        .where('id', '=', job.id)
        .execute()
    if (!handler) {
      await finish('failed', `no handler for ${job.kind}`)
      return
    }
    // A savepoint lets one failing job roll back alone while the rest of the batch goes on.
    const name = `job_${job.id.replaceAll('-', '')}`
    const savepoint = await trx.savepoint(name).execute()
    try {
      await handler.run({ trx: savepoint, now, jobId: job.id }, JSON.parse(job.payload))
      await savepoint.releaseSavepoint(name).execute()
      await finish('done', null)
    } catch (error) {
      await savepoint.rollbackToSavepoint(name).execute()
      const message = error instanceof Error ? error.message : String(error)
      this.options.log?.(`job ${job.kind} ${job.id} failed (attempt ${attempts})`, error)
      if (attempts >= (this.options.maxAttempts ?? 5)) await finish('failed', message)
      else await finish('pending', message, new Date(now.getTime() + 2 ** attempts * 1000))
    }
  }
}
