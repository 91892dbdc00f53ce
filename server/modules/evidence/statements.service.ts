import { buildReceipt, encodeStatement, leafHash, type Receipt } from '../../../contracts/evidence/index.ts'
import type { Db, Tx } from '../../database.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import { newId } from '../../kernel/ids.ts'
import { enqueueJob } from '../../kernel/jobs.ts'
import { evidenceErrors } from './errors.ts'
import { INTEGRATE_JOB } from './integrator.ts'
import { latestCheckpoint, readInclusionProof } from './log.repository.ts'

export interface StatementInput {
  /** What the digest commits to, e.g. `inspection-commitment` (`^[a-z][a-z0-9-]{0,62}$`). */
  kind: string
  /** Lower-case hex SHA-256 to put into the public log. */
  digest: string
  /** Optional public reference written into the entry, e.g. the draw id. No personal data. */
  ref?: string
  /** Private JSON kept with the statement on the server; never enters the log. */
  metadata?: Record<string, unknown>
  /** The receipt time written into the entry; the caller's transaction time. */
  now?: Date
}

export interface AppendedStatement {
  /** Id of the statement (for {@link statementReceipt} and `GET /api/evidence/statements/:id/receipt`). */
  entryId: string
  /** The canonical entry bytes (ASCII JSON, docs/evidence-log.md §1.2). */
  entry: string
  /** Hex RFC 6962 leaf hash of the entry. */
  leafHash: string
  receivedAt: string
}

/**
 * Appends a statement (a non-file entry) to the evidence log inside the caller's transaction: the
 * entry in the canonical versioned encoding `zhibao.statement` v1 and the durable integration job
 * commit or roll back with the caller's change. The entry is pending until the integrator sequences
 * it (within about a second, by the job runner); then {@link statementReceipt} gives its receipt.
 * Throws `validation_failed` for a bad kind, digest or ref.
 * @example
 * const { entryId } = await appendStatement(ctx.trx, { kind: 'inspection-commitment', digest, ref: drawId, now: ctx.now })
 */
export async function appendStatement(trx: Tx, input: StatementInput): Promise<AppendedStatement> {
  const now = input.now ?? new Date()
  const receivedAt = now.toISOString()
  let bytes: Uint8Array
  try {
    bytes = encodeStatement({
      v: 1,
      type: 'zhibao.statement',
      kind: input.kind,
      digest: input.digest,
      ...(input.ref === undefined ? {} : { ref: input.ref }),
      receivedAt,
    })
  } catch (error) {
    throw new AppError(kernelErrors.validation_failed, {
      errors: [{ path: 'statement', code: 'invalid', message: (error as Error).message }],
    })
  }
  const entry = new TextDecoder().decode(bytes)
  const id = newId(now.getTime())
  await trx
    .insertInto('evidence_statements')
    .values({
      id,
      kind: input.kind,
      digest: input.digest,
      ref: input.ref ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      entry,
      received_at: receivedAt,
      leaf_index: null,
      integrated_at: null,
    })
    .execute()
  await enqueueJob(trx, now, { kind: INTEGRATE_JOB, payload: { statementId: id }, runAt: now })
  return { entryId: id, entry, leafHash: Buffer.from(leafHash(bytes)).toString('hex'), receivedAt }
}

export interface StatementView {
  id: string
  kind: string
  digest: string
  ref: string | null
  receivedAt: string
  status: 'pending' | 'integrated'
  leafIndex: number | null
  integratedAt: string | null
}

async function statementRow(db: Db | Tx, id: string) {
  const row = await db.selectFrom('evidence_statements').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return row
}

/** A statement's public state (its entry is public in the log anyway; metadata is not shown). */
export async function getStatement(db: Db | Tx, id: string): Promise<StatementView> {
  const row = await statementRow(db, id)
  return {
    id: row.id,
    kind: row.kind,
    digest: row.digest,
    ref: row.ref,
    receivedAt: row.received_at,
    status: row.leaf_index === null ? 'pending' : 'integrated',
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
    integratedAt: row.integrated_at,
  }
}

/**
 * The receipt (docs/evidence-log.md §7) of an integrated statement against the latest checkpoint;
 * `evidence_not_integrated` (409) while pending.
 */
export async function statementReceipt(db: Db | Tx, id: string): Promise<Receipt> {
  const row = await statementRow(db, id)
  if (row.leaf_index === null) throw new AppError(evidenceErrors.evidence_not_integrated)
  const checkpoint = await latestCheckpoint(db)
  if (!checkpoint) throw new AppError(evidenceErrors.evidence_not_integrated)
  const index = Number(row.leaf_index)
  const proof = await readInclusionProof(db, index, Number(checkpoint.tree_size))
  return buildReceipt({
    logOrigin: checkpoint.note.slice(0, checkpoint.note.indexOf('\n')),
    index,
    entry: new TextEncoder().encode(row.entry),
    proof,
    checkpoint: checkpoint.note,
  })
}
