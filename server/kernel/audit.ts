import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db, Tx } from '../database.ts'
import type { Actor } from './access.ts'
import { canonicalJson } from './canonical-json.ts'
import { insertRows, preparedStatement } from './db/prepared.ts'
import { newId } from './ids.ts'

/**
 * The audit trail: one row per state change, written in the transaction of the change, each row's
 * hash covering the previous row's hash, so an edited, inserted or deleted row breaks the chain.
 * The single `audit_head` row is locked by the update that takes the next sequence number, which
 * orders concurrent writers on PostgreSQL; SQLite serializes writers anyway.
 */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEvent {
  action: string
  targetType: string
  targetId?: string | null
  before?: unknown
  after?: unknown
}

export interface AuditContext {
  actor: Actor
  at: Date
  ip?: string | null
  requestId?: string | null
}

// Every write of the application runs these three statements: compiled once (db/prepared.ts).
const takeHead = preparedStatement((db) =>
  db.updateTable('audit_head').set({ seq: sql`seq + 1` }).where('id', '=', 1).returning(['seq', 'hash']),
)
const moveHead = preparedStatement((db, p: { hash: string }) =>
  db.updateTable('audit_head').set({ hash: p.hash }).where('id', '=', 1),
)

export async function writeAudit(trx: Tx, context: AuditContext, event: AuditEvent): Promise<void> {
  const head = (await takeHead(trx, {})).rows[0]
  if (!head) throw new Error('audit_head row missing')
  const row = {
    seq: head.seq,
    id: newId(context.at.getTime()),
    at: context.at.toISOString(),
    actor_id: context.actor.userId,
    actor_label: context.actor.username ?? context.actor.kind,
    action: event.action,
    target_type: event.targetType,
    target_id: event.targetId ?? null,
    before_json: event.before === undefined ? null : canonicalJson(event.before),
    after_json: event.after === undefined ? null : canonicalJson(event.after),
    ip: context.ip ?? null,
    request_id: context.requestId ?? null,
    prev_hash: head.hash,
  }
  const hash = auditRowHash(row)
  await insertRows(trx, 'audit_log', [{ ...row, hash }])
  await moveHead(trx, { hash })
}

type HashedFields = Omit<AuditRow, 'hash'>
interface AuditRow {
  seq: number
  id: string
  at: string
  actor_id: string | null
  actor_label: string
  action: string
  target_type: string
  target_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  request_id: string | null
  prev_hash: string
  hash: string
}

export function auditRowHash(row: HashedFields): string {
  const {
    seq,
    id,
    at,
    actor_id,
    actor_label,
    action,
    target_type,
    target_id,
    before_json,
    after_json,
    ip,
    request_id,
    prev_hash,
  } = row
  const body = canonicalJson({
    seq,
    id,
    at,
    actor_id,
    actor_label,
    action,
    target_type,
    target_id,
    before_json,
    after_json,
    ip,
    request_id,
    prev_hash,
  })
  return createHash('sha256').update(body).digest('hex')
}

export type AuditVerification =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; seq: number; problem: 'hash' | 'link' | 'gap' | 'head' }

/**
 * Walks the whole chain in sequence order, in bounded pages.
 * @example const result = await verifyAuditChain(db); if (!result.ok) console.log(result.seq)
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let previousHash = GENESIS_HASH
  let expectedSeq = 1
  let rows = 0
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, rows, seq: expectedSeq, problem: 'gap' }
      if (row.prev_hash !== previousHash) return { ok: false, rows, seq: row.seq, problem: 'link' }
      if (auditRowHash(row) !== row.hash) return { ok: false, rows, seq: row.seq, problem: 'hash' }
      previousHash = row.hash
      expectedSeq++
      rows++
    }
    if (page.length < pageSize) break
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst()
  if (!head || head.seq !== rows || head.hash !== previousHash) {
    return { ok: false, rows, seq: rows + 1, problem: 'head' }
  }
  return { ok: true, rows, headHash: previousHash }
}
