import type { Permission } from '../../../contracts/access.ts'
import type { Db, Tx } from '../../database.ts'
import type { Actor } from '../access.ts'
import { type AuditEvent, writeAudit } from '../audit.ts'
import type { Lang } from '../errors.ts'
import { type EnqueueOptions, enqueueJob } from '../jobs.ts'

/**
 * What a use case that writes receives: the transaction it runs in, who acts, when, and the means
 * to audit and to schedule follow-up work inside that same transaction.
 */
export interface WriteContext {
  trx: Tx
  actor: Actor
  now: Date
  lang: Lang
  /** Appends a hash-chained audit record; `as` records a different actor (e.g. the user just signed in). */
  audit(event: AuditEvent, as?: Actor): Promise<void>
  enqueue(job: EnqueueOptions): Promise<void>
}

/** What a read receives: the database, who reads, when, and the reader's language. */
export interface ReadContext {
  db: Db
  actor: Actor
  now: Date
  lang: Lang
}

export interface RouteAccess {
  /** Reachable without signing in. */
  public?: boolean
  /** The permission a caller needs; checked before the body is even parsed. */
  permission?: Permission
  /**
   * The 200 body depends only on the URL, the caller's data scope and the data: repeats are
   * answered from memory while the data is unchanged (response-cache.ts).
   */
  cacheByScope?: boolean
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    actor: Actor
    lang: Lang
    /** Runs `work` in one transaction with auditing; the request counts as audited. */
    write<T>(work: (context: WriteContext) => Promise<T>): Promise<T>
    readContext(): ReadContext
    audited: boolean
  }
}

export function makeWriteContext(
  trx: Tx,
  actor: Actor,
  now: Date,
  lang: Lang,
  meta: { ip: string; requestId: string },
) {
  const context: WriteContext = {
    trx,
    actor,
    now,
    lang,
    audit: (event, as) =>
      writeAudit(trx, { actor: as ?? actor, at: now, ip: meta.ip, requestId: meta.requestId }, event),
    enqueue: (job) => enqueueJob(trx, now, job),
  }
  return context
}
