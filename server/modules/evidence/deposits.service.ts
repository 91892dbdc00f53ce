import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import {
  buildReceipt,
  depositorCommitment,
  encodeEntry,
  type Receipt,
} from '../../../contracts/evidence/index.ts'
import type { DepositMetadata, DepositView } from '../../../contracts/evidence-api.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, can, scopeCondition } from '../../kernel/access.ts'
import type { Config } from '../../kernel/config.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { type BlobStore, LocalBlobStore } from '../../kernel/storage/blob-store.ts'
import { S3BlobStore, s3StagingDir } from '../../kernel/storage/s3-blob-store.ts'
import { appendCaseEvent, caseRelation } from '../cases/index.ts'
import { evidenceErrors } from './errors.ts'
import { INTEGRATE_JOB } from './integrator.ts'
import { latestCheckpoint, readInclusionProof } from './log.repository.ts'
import { clearBlobIntents } from './orphans.ts'

const stores = new Map<string, BlobStore>()

/**
 * The evidence blob store of an app, content-addressed by SHA-256: `DATA_DIR/blobs` by default, or
 * an S3-compatible bucket when `BLOB_STORE=s3` (uploads are then staged in `DATA_DIR/blobs/tmp`).
 */
export function blobStoreOf(config: Config): BlobStore {
  const b = config.blobStore
  const key =
    b.kind === 's3' ? `s3|${b.endpoint ?? ''}|${b.bucket}|${b.prefix}|${config.dataDir}` : config.dataDir
  let store = stores.get(key)
  if (!store) {
    store =
      b.kind === 's3'
        ? new S3BlobStore({ ...b, stagingDir: s3StagingDir(config.dataDir) })
        : new LocalBlobStore(path.join(config.dataDir, 'blobs'))
    stores.set(key, store)
  }
  return store
}

async function mayLinkCase(db: Db | Tx, actor: Actor, caseId: string): Promise<boolean> {
  const relation = await caseRelation(db, actor, caseId)
  if (relation === 'submitter' || relation === 'respondent') return true
  if (relation === 'staff' && can(actor, 'case.handle')) return true
  if (relation !== null || !actor.entityId) return false
  const party = await db
    .selectFrom('case_parties')
    .select('id')
    .where('case_id', '=', caseId)
    .where('entity_id', '=', actor.entityId)
    .executeTakeFirst()
  return party !== undefined
}

/**
 * Only those with a stake in a case may link evidence to it: its filer (submitter), a party (the
 * respondent by USCC, or a party recorded with the caller's market entity), or staff whose scope
 * covers the case and who may handle cases. A matter is linked on the same terms through any of
 * its cases. Anything else, a missing case or matter included, is refused.
 */
export async function assertMayLink(
  db: Db | Tx,
  actor: Actor,
  link: { caseId?: string | undefined; matterId?: string | undefined },
): Promise<void> {
  if (link.caseId && !(await mayLinkCase(db, actor, link.caseId)))
    throw new AppError(evidenceErrors.evidence_case_link_forbidden)
  if (link.matterId) {
    const cases = await db.selectFrom('cases').select('id').where('matter_id', '=', link.matterId).execute()
    for (const c of cases) if (await mayLinkCase(db, actor, c.id)) return
    throw new AppError(evidenceErrors.evidence_matter_link_forbidden)
  }
}

export interface DepositFileInput {
  sha256: string
  size: number
  mediaType: string
  fileName: string
}

/**
 * Records a deposit whose files are already stored: the deposit row, its files and its canonical
 * log entry (depositor only as a salted commitment) in the caller's transaction, audited, with the
 * durable integration job. The deposit is `pending` until the integrator sequences it.
 */
export async function createDeposit(
  c: WriteContext,
  metadata: DepositMetadata,
  files: DepositFileInput[],
): Promise<DepositView> {
  if (files.length === 0) throw new AppError(evidenceErrors.evidence_no_file)
  if (new Set(files.map((f) => f.sha256)).size !== files.length)
    throw new AppError(evidenceErrors.evidence_duplicate_file)
  await assertMayLink(c.trx, c.actor, metadata)
  const depositorId = c.actor.userId ?? `token:${c.actor.tokenId ?? 'unknown'}`
  const salt = randomBytes(16)
  const receivedAt = c.now.toISOString()
  const entry = encodeEntry({
    v: 1,
    type: 'zhibao.deposit',
    blobs: files.map((f) => ({ sha256: f.sha256, size: f.size, mediaType: f.mediaType })),
    depositor: depositorCommitment(salt, depositorId),
    titleHash: depositorCommitment(salt, metadata.title),
    receivedAt,
  })
  const id = newId(c.now.getTime())
  const row = {
    id,
    depositor_id: depositorId,
    entity_id: c.actor.entityId,
    case_id: metadata.caseId ?? null,
    matter_id: metadata.matterId ?? null,
    title: metadata.title,
    description: metadata.description ?? null,
    capture_url: metadata.captureUrl ?? null,
    captured_at: metadata.capturedAt ?? null,
    salt: salt.toString('hex'),
    entry: new TextDecoder().decode(entry),
    received_at: receivedAt,
    leaf_index: null,
    integrated_at: null,
  }
  await c.trx.insertInto('evidence_deposits').values(row).execute()
  await clearBlobIntents(
    c.trx,
    files.map((f) => f.sha256),
  )
  await c.trx
    .insertInto('evidence_files')
    .values(
      files.map((f, position) => ({
        deposit_id: id,
        position,
        sha256: f.sha256,
        size: f.size,
        media_type: f.mediaType,
        file_name: f.fileName,
      })),
    )
    .execute()
  if (metadata.caseId) {
    await appendCaseEvent(c.trx, {
      caseId: metadata.caseId,
      at: c.now,
      actorId: c.actor.userId,
      actorLabel: c.actor.username ?? c.actor.kind,
      event: 'evidence.deposited',
      data: {
        depositId: id,
        title: metadata.title,
        files: files.map((f) => ({ sha256: f.sha256, size: f.size, fileName: f.fileName })),
      },
    })
  }
  await c.enqueue({
    kind: INTEGRATE_JOB,
    payload: { depositId: id },
    runAt: new Date(c.now.getTime() + 2000),
  })
  await c.audit({
    action: 'evidence.deposit',
    targetType: 'evidence_deposit',
    targetId: id,
    after: { title: metadata.title, caseId: metadata.caseId ?? null, files: files.map((f) => f.sha256) },
  })
  return present(row, files)
}

/**
 * Who may see a deposit, as SQL: its depositor, users of the depositor's market entity, and staff
 * who may read cases and whose scope covers the linked case's district. The public: nothing.
 */
export function visibleDeposits(eb: ExpressionBuilder<Database, 'evidence_deposits'>, actor: Actor) {
  const conditions: Expression<SqlBool>[] = []
  if (actor.userId) conditions.push(eb('evidence_deposits.depositor_id', '=', actor.userId))
  if (actor.entityId) conditions.push(eb('evidence_deposits.entity_id', '=', actor.entityId))
  if (can(actor, 'case.read')) {
    conditions.push(
      eb(
        'evidence_deposits.case_id',
        'in',
        eb
          .selectFrom('cases')
          .select('cases.id')
          .where((cb) => scopeCondition(cb, actor, { district: 'cases.district_id' })),
      ),
    )
  }
  if (conditions.length === 0) return sql<SqlBool>`1 = 0`
  return eb.or(conditions)
}

type DepositRow = Database['evidence_deposits']

function present(row: DepositRow, files: DepositFileInput[]): DepositView {
  return {
    id: row.id,
    status: row.leaf_index === null ? 'pending' : 'integrated',
    title: row.title,
    description: row.description,
    captureUrl: row.capture_url,
    capturedAt: row.captured_at,
    caseId: row.case_id,
    matterId: row.matter_id,
    receivedAt: row.received_at,
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
    integratedAt: row.integrated_at,
    files,
  }
}

async function filesOf(db: ReadContext['db'], ids: string[]) {
  const map = new Map<string, DepositFileInput[]>()
  if (ids.length === 0) return map
  const rows = await db
    .selectFrom('evidence_files')
    .selectAll()
    .where('deposit_id', 'in', ids)
    .orderBy('deposit_id')
    .orderBy('position')
    .execute()
  for (const r of rows) {
    const list = map.get(r.deposit_id) ?? []
    list.push({ sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, fileName: r.file_name })
    map.set(r.deposit_id, list)
  }
  return map
}

/** Deposits the caller may see, newest first, filtered in SQL. */
export async function listDeposits(
  c: ReadContext,
  query: { page: number; pageSize: number; caseId?: string; status?: 'pending' | 'integrated' },
) {
  let q = c.db.selectFrom('evidence_deposits').where((eb) => visibleDeposits(eb, c.actor))
  if (query.caseId) q = q.where('case_id', '=', query.caseId)
  if (query.status === 'pending') q = q.where('leaf_index', 'is', null)
  if (query.status === 'integrated') q = q.where('leaf_index', 'is not', null)
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const files = await filesOf(
    c.db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => present(r, files.get(r.id) ?? [])),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

async function visibleRow(c: Pick<ReadContext, 'db' | 'actor'>, id: string) {
  const row = await c.db
    .selectFrom('evidence_deposits')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => visibleDeposits(eb, c.actor))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return row
}

export async function getDeposit(c: ReadContext, id: string): Promise<DepositView> {
  const row = await visibleRow(c, id)
  return present(row, (await filesOf(c.db, [id])).get(id) ?? [])
}

/**
 * Authorizes and audits one read of a deposited file (in the caller's transaction); returns the
 * file's metadata. The bytes are streamed by the route after the audit record commits.
 */
export async function authorizeFileRead(c: WriteContext, id: string, sha256: string) {
  const row = await visibleRow({ db: c.trx, actor: c.actor }, id)
  const file = await c.trx
    .selectFrom('evidence_files')
    .selectAll()
    .where('deposit_id', '=', row.id)
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  if (!file) throw new AppError(kernelErrors.not_found)
  await c.audit({
    action: 'evidence.file.read',
    targetType: 'evidence_deposit',
    targetId: id,
    after: { sha256 },
  })
  return { sha256, size: Number(file.size), mediaType: file.media_type, fileName: file.file_name }
}

/** The receipt of an integrated deposit against the latest checkpoint. */
export async function depositReceipt(
  c: ReadContext,
  id: string,
): Promise<{ receipt: Receipt; deposit: DepositView }> {
  const row = await visibleRow(c, id)
  if (row.leaf_index === null) throw new AppError(evidenceErrors.evidence_not_integrated)
  const checkpoint = await latestCheckpoint(c.db)
  if (!checkpoint) throw new AppError(evidenceErrors.evidence_not_integrated)
  const index = Number(row.leaf_index)
  const size = Number(checkpoint.tree_size)
  const proof = await readInclusionProof(c.db, index, size)
  const origin = checkpoint.note.slice(0, checkpoint.note.indexOf('\n'))
  const receipt = buildReceipt({
    logOrigin: origin,
    index,
    entry: new TextEncoder().encode(row.entry),
    proof,
    checkpoint: checkpoint.note,
  })
  return { receipt, deposit: present(row, (await filesOf(c.db, [id])).get(id) ?? []) }
}
