/**
 * The draw flow (docs/draw-algorithm.md, trust.md C.3), each step one audited transaction:
 * build the canonical inputs from the lists and commit to them, naming the randomness (a future
 * drand round and/or observers' commitments) → observers reveal → the operator enters the drand
 * randomness, the seed is derived and the draw runs → the record, stored verbatim, is published.
 * A draw that cannot be made stores nothing and says why.
 */
import type { z } from 'zod'
import {
  type CanonicalInputs,
  canonicalBytes,
  checkFeasibility,
  commitCanonicalBytes,
  createDrawRecord,
  type DrawError,
  DrawInputError,
  type DrawInputs,
  type DrawRecord,
  normaliseInputs,
  observerCommitment,
  type SeedError,
} from '../../../contracts/inspections/draw/index.ts'
import { nodeSha256 } from '../../../contracts/inspections/draw/node-hash.ts'
import type {
  commitDrawRequest,
  InspectionDraw,
  revealRequest,
  runDrawRequest,
} from '../../../contracts/inspections-api.ts'
import type { Database } from '../../database.ts'
import { type Actor, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { appendStatement, getStatement } from '../evidence/index.ts'
import { verifyQuicknetBeacon } from './drand.ts'
import { inspectionsErrors } from './errors.ts'
import { findTask } from './plans.service.ts'
import { type AnyContext, chinaDate, dbOf, type Executor, organizationsLookup, parseJson } from './shared.ts'

type DrawRow = Database['inspection_draws']

/** drand quicknet (trust.md C.2): round(t) = floor((t − genesis)/period) + 1. */
export const QUICKNET = { genesis: 1_692_803_367, period: 3 }
export const quicknetRound = (at: Date) =>
  Math.floor((Math.floor(at.getTime() / 1000) - QUICKNET.genesis) / QUICKNET.period) + 1
/** The announced round must resolve at least 10 minutes after the commitment (trust.md C.3, Δ ≥ 10 min). */
const MIN_LEAD_ROUNDS = 200

const EXCLUDED_RECENT = 'inspectedWithin12Months'

const drawErrorCodes: Record<DrawError['code'], string> = {
  emptyPopulation: inspectionsErrors.inspection_draw_empty_population,
  stratumTooSmall: inspectionsErrors.inspection_draw_stratum_too_small,
  insufficientInspectors: inspectionsErrors.inspection_draw_insufficient_inspectors,
  insufficientCapacity: inspectionsErrors.inspection_draw_insufficient_capacity,
  targetUnassignable: inspectionsErrors.inspection_draw_target_unassignable,
}
const seedErrorCodes: Record<SeedError['code'], string> = {
  invalidRandomness: inspectionsErrors.inspection_randomness_invalid,
  drandRoundMismatch: inspectionsErrors.inspection_drand_round_mismatch,
  missingReveal: inspectionsErrors.inspection_reveal_missing,
  unexpectedReveal: inspectionsErrors.inspection_reveal_unknown_observer,
  revealMismatch: inspectionsErrors.inspection_reveal_mismatch,
}
const drawFailure = (e: DrawError) =>
  new AppError(drawErrorCodes[e.code], { detail: { reason: e.code, ...e.details } })

/**
 * Builds the draw inputs of a task from the lists as they are now: the population (entities matching
 * the filter, with district/category/credit/key attributes, and those inspected for one of the
 * task's items within the last 12 months marked excluded), the roster of the task's agencies with
 * their declared conflicts, the strata rules and the items' required qualifications.
 */
export async function buildDrawInputs(
  db: Executor,
  task: Awaited<ReturnType<typeof findTask>>,
  randomness: z.output<typeof commitDrawRequest>,
  now: Date,
): Promise<DrawInputs> {
  const orgs = await organizationsLookup(db)
  const items = await db.selectFrom('inspection_items').selectAll().where('id', 'in', task.itemIds).execute()
  const districts =
    task.population.districts.length > 0
      ? task.population.districts
      : task.districtId
        ? [task.districtId]
        : []
  let q = db
    .selectFrom('entities')
    .leftJoin('inspection_entity_profiles as p', 'p.entity_id', 'entities.id')
    .select([
      'entities.id',
      'entities.uscc',
      'entities.district_id',
      'p.category',
      'p.credit_level',
      'p.key_enterprise',
    ])
  if (districts.length > 0) q = q.where('entities.district_id', 'in', districts)
  if (task.population.categories.length > 0) q = q.where('p.category', 'in', task.population.categories)
  if (task.population.creditLevels.length > 0)
    q = q.where('p.credit_level', 'in', task.population.creditLevels)
  if (task.population.keyEnterprisesOnly) q = q.where('p.key_enterprise', '=', 1)
  const population = await q.execute()

  const today = chinaDate(now)
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
  const recent = new Set(
    (
      await db
        .selectFrom('inspection_last_inspections')
        .select('entity_id')
        .where('item_id', 'in', task.itemIds)
        .where('inspected_on', '>', yearAgo)
        .execute()
    ).map((r) => r.entity_id),
  )
  const entities = population.map((e) => ({
    id: e.uscc,
    attributes: {
      district: (e.district_id && orgs.byId.get(e.district_id)?.code) || 'none',
      category: e.category ?? 'unclassified',
      credit: e.credit_level ?? 'unrated',
      key: e.key_enterprise === 1 ? 'Y' : 'N',
    },
    excluded: recent.has(e.id) ? EXCLUDED_RECENT : null,
  }))
  const entityIds = new Map(population.map((e) => [e.id, e.uscc]))

  const roster = await db
    .selectFrom('inspectors')
    .select(['id', 'badge', 'name', 'agency_id', 'qualifications', 'capacity'])
    .where('agency_id', 'in', task.agencyIds)
    .where('active', '=', 1)
    .execute()
  const badges = new Map(roster.map((r) => [r.id, r.badge]))
  const conflicts =
    roster.length === 0
      ? []
      : (
          await db
            .selectFrom('inspector_conflicts')
            .select(['inspector_id', 'entity_id'])
            .where('inspector_id', 'in', [...badges.keys()])
            .execute()
        )
          .filter((c) => entityIds.has(c.entity_id))
          .map((c) => ({ inspector: badges.get(c.inspector_id)!, entity: entityIds.get(c.entity_id)! }))

  // Rotation: an inspector who inspected the entity in the last 12 months is tied to it and not sent again.
  const previous =
    population.length === 0
      ? []
      : await db
          .selectFrom('inspection_targets')
          .select(['entity_id', 'inspectors'])
          .where('outcome', 'is not', null)
          .where('result_on', '>', yearAgo)
          .execute()
  const rosterBadges = new Set(roster.map((r) => r.badge))
  const ties = previous
    .filter((p) => entityIds.has(p.entity_id))
    .flatMap((p) =>
      parseJson<{ badge: string }[]>(p.inspectors)
        .filter((i) => rosterBadges.has(i.badge))
        .map((i) => ({ inspector: i.badge, entity: entityIds.get(p.entity_id)!, kind: 'previousInspector' })),
    )

  const itemCode = new Map(items.map((i) => [i.id, i.code]))
  return {
    algorithmVersion: 'zhibao-draw/1',
    planId: task.code,
    stratifyBy: task.stratifyBy,
    rounding: task.rounding as 'ceil' | 'floor' | 'halfUp',
    strata: parseJson<{ stratum: string; ratio: string | null; count: number | null; items?: string[] }[]>(
      task.row.strata,
    ),
    entities,
    inspectors: roster.map((r) => ({
      badge: r.badge,
      name: r.name,
      agency: orgs.byId.get(r.agency_id)?.name_zh ?? r.agency_id,
      qualifications: parseJson<string[]>(r.qualifications),
      capacity: r.capacity,
    })),
    conflicts,
    ties,
    requirements: {
      inspectorsPerTarget: task.inspectorsPerTarget,
      items: task.itemIds.map((id) => ({
        id: itemCode.get(id)!,
        requiredQualifications: parseJson<string[]>(items.find((i) => i.id === id)!.required_qualifications),
      })),
    },
    randomness: { drandRound: randomness.drandRound, observers: randomness.observers },
  }
}

function normalise(inputs: DrawInputs): CanonicalInputs {
  try {
    return normaliseInputs(inputs)
  } catch (e) {
    if (e instanceof DrawInputError)
      throw new AppError(inspectionsErrors.inspection_draw_inputs_invalid, {
        detail: { issues: e.issues.slice(0, 20) },
      })
    throw e
  }
}

function drawsQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('inspection_draws')
    .innerJoin('inspection_tasks', 'inspection_tasks.id', 'inspection_draws.task_id')
    .where((eb) =>
      scopeCondition(eb, actor, {
        district: 'inspection_draws.district_id',
        published: 'inspection_draws.published',
      }),
    )
}
const drawColumns = [
  'inspection_draws.id',
  'inspection_draws.task_id',
  'inspection_draws.status',
  'inspection_draws.commitment',
  'inspection_draws.drand_round',
  'inspection_draws.observers',
  'inspection_draws.reveals',
  'inspection_draws.demo',
  'inspection_draws.committed_at',
  'inspection_draws.seed',
  'inspection_draws.target_count',
  'inspection_draws.drawn_at',
  'inspection_draws.published',
  'inspection_draws.published_at',
  'inspection_draws.abort_reason',
  'inspection_draws.log_entry_id',
  'inspection_tasks.code as task_code',
  'inspection_tasks.title as task_title',
] as const

type DrawSelected = Pick<
  DrawRow,
  | 'id'
  | 'task_id'
  | 'status'
  | 'commitment'
  | 'drand_round'
  | 'observers'
  | 'reveals'
  | 'demo'
  | 'committed_at'
  | 'seed'
  | 'target_count'
  | 'drawn_at'
  | 'published'
  | 'published_at'
  | 'abort_reason'
  | 'log_entry_id'
> & { task_code: string; task_title: string }

function presentDraw(r: DrawSelected): InspectionDraw {
  const reveals = parseJson<{ observer: string }[]>(r.reveals)
  return {
    id: r.id,
    taskId: r.task_id,
    taskCode: r.task_code,
    taskTitle: r.task_title,
    status: r.status as InspectionDraw['status'],
    commitment: r.commitment,
    drandRound: r.drand_round === null ? null : Number(r.drand_round),
    observers: parseJson<{ name: string; commitment: string }[]>(r.observers).map((o) => ({
      ...o,
      revealed: reveals.some((x) => x.observer === o.name),
    })),
    demo: r.demo === 1,
    committedAt: r.committed_at,
    seed: r.seed,
    targetCount: r.target_count,
    drawnAt: r.drawn_at,
    published: r.published === 1,
    publishedAt: r.published_at,
    abortReason: r.abort_reason,
    logEntryId: r.log_entry_id,
  }
}

export async function listDraws(context: ReadContext, query: { page: number; pageSize: number }) {
  const q = drawsQuery(context.db, context.actor)
  const [rows, count] = await Promise.all([
    q
      .select(drawColumns)
      .orderBy('inspection_draws.committed_at', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(presentDraw), total: Number(count.n), page: query.page, pageSize: query.pageSize }
}

export async function getDraw(context: AnyContext, id: string): Promise<InspectionDraw> {
  const r = await drawsQuery(dbOf(context), context.actor)
    .select(drawColumns)
    .where('inspection_draws.id', '=', id)
    .executeTakeFirst()
  if (!r) throw new AppError(kernelErrors.not_found)
  return presentDraw(r)
}

/** The stored record text, verbatim; visible to the public once the draw is published. */
export async function drawRecordText(context: ReadContext, id: string): Promise<string> {
  const r = await drawsQuery(context.db, context.actor)
    .select('inspection_draws.record')
    .where('inspection_draws.id', '=', id)
    .executeTakeFirst()
  if (!r?.record) throw new AppError(kernelErrors.not_found)
  return r.record
}

async function drawForWrite(context: WriteContext, id: string): Promise<DrawRow> {
  await getDraw(context, id) // scope
  return context.trx.selectFrom('inspection_draws').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/**
 * Step 1: builds the canonical inputs, checks feasibility (nothing is committed if the draw could
 * not be made whatever the randomness) and stores the commitment with the announced randomness.
 */
export async function commitDraw(
  context: WriteContext,
  taskId: string,
  input: z.output<typeof commitDrawRequest>,
  options: { demo?: boolean } = {},
): Promise<InspectionDraw> {
  const { trx, now, actor } = context
  const task = await findTask(context, taskId)
  if (task.status !== 'draft' || task.drawId) throw new AppError(inspectionsErrors.inspection_task_not_draft)
  if (!options.demo && input.drandRound !== null && input.drandRound < quicknetRound(now) + MIN_LEAD_ROUNDS)
    throw new AppError(inspectionsErrors.inspection_drand_round_past, {
      detail: { announced: input.drandRound, earliestAllowed: quicknetRound(now) + MIN_LEAD_ROUNDS },
    })
  // Observers designated on the task (user accounts) enter with the commitments they submitted.
  const designated = await trx
    .selectFrom('inspection_observers')
    .select(['name', 'commitment'])
    .where('task_id', '=', task.id)
    .execute()
  const pending = designated.filter((o) => o.commitment === null).map((o) => o.name)
  if (pending.length > 0)
    throw new AppError(inspectionsErrors.inspection_observer_not_committed, {
      detail: { observers: pending },
    })
  const randomness = {
    ...input,
    observers: [...designated.map((o) => ({ name: o.name, commitment: o.commitment! })), ...input.observers],
  }
  if (randomness.drandRound === null && randomness.observers.length === 0)
    throw new AppError(inspectionsErrors.inspection_randomness_invalid, { detail: { reason: 'noSource' } })
  const canonical = normalise(await buildDrawInputs(trx, task, randomness, now))
  const infeasible = checkFeasibility(canonical)
  if (infeasible) throw drawFailure(infeasible)
  // Encoded once: the same canonical bytes are hashed (node:crypto) and stored.
  const bytes = canonicalBytes(canonical)
  const commitment = commitCanonicalBytes(bytes, { sha256: nodeSha256 })
  const row: DrawRow = {
    id: newId(now.getTime()),
    task_id: task.id,
    district_id: task.districtId,
    status: 'committed',
    inputs: new TextDecoder().decode(bytes),
    commitment,
    drand_round: canonical.randomness.drandRound,
    observers: JSON.stringify(canonical.randomness.observers),
    reveals: '[]',
    demo: options.demo ? 1 : 0,
    committed_at: now.toISOString(),
    committed_by: actor.userId,
    seed: null,
    record: null,
    target_count: 0,
    drawn_at: null,
    drawn_by: null,
    published: 0,
    published_at: null,
    published_by: null,
    abort_reason: null,
    log_entry_id: null,
    log_leaf_hash: null,
  }
  await trx.insertInto('inspection_draws').values(row).execute()
  // The commitment enters the public evidence log in this transaction: its position and time show
  // it was fixed before the announced drand round (trust.md C.3).
  const logged = await appendStatement(trx, {
    kind: 'inspection-commitment',
    digest: commitment,
    ref: row.id,
    metadata: { task: task.code, drandRound: row.drand_round },
    now,
  })
  await trx
    .updateTable('inspection_draws')
    .set({ log_entry_id: logged.entryId, log_leaf_hash: logged.leafHash })
    .where('id', '=', row.id)
    .execute()
  await trx
    .updateTable('inspection_tasks')
    .set({ status: 'committed', updated_at: now.toISOString() })
    .where('id', '=', task.id)
    .execute()
  await context.audit({
    action: 'inspection.draw.commit',
    targetType: 'inspectionDraw',
    targetId: row.id,
    after: {
      task: task.code,
      commitment,
      drandRound: row.drand_round,
      observers: canonical.randomness.observers,
      entities: canonical.entities.length,
      inspectors: canonical.inspectors.length,
      logEntry: logged.entryId,
      leafHash: logged.leafHash,
    },
  })
  return getDraw(context, row.id)
}

/**
 * Step 2 for an observer who is not a user account (named in the commit request): staff enter the
 * value the observer discloses. Observers designated as users reveal in person (observers.service).
 */
export async function revealObserver(
  context: WriteContext,
  drawId: string,
  input: z.output<typeof revealRequest>,
): Promise<InspectionDraw> {
  const row = await drawForWrite(context, drawId)
  const name = input.observer.normalize('NFC')
  const asUser = await context.trx
    .selectFrom('inspection_observers')
    .select('user_id')
    .where('task_id', '=', row.task_id)
    .where('name', '=', name)
    .executeTakeFirst()
  if (asUser) throw new AppError(inspectionsErrors.inspection_reveal_by_observer_only)
  await applyReveal(context, row, name, input.value)
  return getDraw(context, drawId)
}

/** Checks a revealed value against the observer's commitment and stores it (audited). */
export async function applyReveal(context: WriteContext, row: DrawRow, name: string, rawValue: string) {
  const drawId = row.id
  if (row.status !== 'committed') throw new AppError(inspectionsErrors.inspection_draw_state)
  const observers = parseJson<{ name: string; commitment: string }[]>(row.observers)
  const reveals = parseJson<{ observer: string; value: string }[]>(row.reveals)
  const observer = observers.find((o) => o.name === name)
  if (!observer || reveals.some((r) => r.observer === name))
    throw new AppError(inspectionsErrors.inspection_reveal_unknown_observer)
  const value = rawValue.toLowerCase()
  if (observerCommitment(value) !== observer.commitment)
    throw new AppError(inspectionsErrors.inspection_reveal_mismatch, { detail: { observer: name } })
  reveals.push({ observer: name, value })
  await context.trx
    .updateTable('inspection_draws')
    .set({ reveals: JSON.stringify(reveals) })
    .where('id', '=', drawId)
    .execute()
  await context.audit({
    action: 'inspection.draw.reveal',
    targetType: 'inspectionDraw',
    targetId: drawId,
    after: { observer: name, value },
  })
}

/**
 * Step 3: the operator enters the drand randomness of the announced round; the seed is derived
 * from the commitment, the beacon and the reveals, and the draw runs on the committed inputs.
 * Any failure stores nothing (the transaction rolls back) and reports why.
 */
export async function runCommittedDraw(
  context: WriteContext,
  drawId: string,
  input: z.output<typeof runDrawRequest>,
): Promise<InspectionDraw> {
  const { trx, now, actor } = context
  const row = await drawForWrite(context, drawId)
  if (row.status !== 'committed') throw new AppError(inspectionsErrors.inspection_draw_state)
  // With the beacon's signature, the randomness is checked against the League of Entropy's key.
  const signature = input.drand?.signature
  if (input.drand && signature !== undefined) {
    const verified = verifyQuicknetBeacon(input.drand.round, signature)
    if (verified === null || verified !== input.drand.randomness.toLowerCase())
      throw new AppError(inspectionsErrors.inspection_drand_signature_invalid, {
        detail: { round: input.drand.round },
      })
  }
  const drand = input.drand ? { round: input.drand.round, randomness: input.drand.randomness } : null
  const inputs = JSON.parse(row.inputs) as DrawInputs
  let outcome: ReturnType<typeof createDrawRecord>
  try {
    outcome = createDrawRecord(inputs, { drand, reveals: parseJson(row.reveals) }, { sha256: nodeSha256 })
  } catch (e) {
    if (e instanceof DrawInputError)
      throw new AppError(inspectionsErrors.inspection_draw_inputs_invalid, { detail: { issues: e.issues } })
    throw e
  }
  if (!outcome.ok) {
    if (outcome.stage === 'randomness')
      throw new AppError(seedErrorCodes[outcome.error.code], {
        detail: { reason: outcome.error.code, ...outcome.error.details },
      })
    throw drawFailure(outcome.error)
  }
  const record = outcome.record
  if (record.commitment !== row.commitment)
    throw new Error('stored inputs no longer match the stored commitment')
  if (row.log_entry_id) {
    const statement = await getStatement(trx, row.log_entry_id)
    record.log = {
      kind: 'evidence-statement',
      entryId: statement.id,
      leafHash: row.log_leaf_hash!,
      receivedAt: statement.receivedAt,
      leafIndex: statement.leafIndex,
      receipt: `/api/evidence/statements/${statement.id}/receipt`,
    }
  }
  const text = JSON.stringify(record)
  await insertTargets(trx, row.id, record)
  await trx
    .updateTable('inspection_draws')
    .set({
      status: 'drawn',
      seed: record.seed,
      record: text,
      target_count: record.result.targets.length,
      drawn_at: now.toISOString(),
      drawn_by: actor.userId,
    })
    .where('id', '=', drawId)
    .execute()
  await trx
    .updateTable('inspection_tasks')
    .set({ status: 'drawn', updated_at: now.toISOString() })
    .where('id', '=', row.task_id)
    .execute()
  await context.audit({
    action: 'inspection.draw.run',
    targetType: 'inspectionDraw',
    targetId: drawId,
    after: {
      seed: record.seed,
      randomness: record.randomness,
      drandSignature: signature ?? null,
      beaconVerified: signature !== undefined,
      targets: record.result.targets.length,
    },
  })
  return getDraw(context, drawId)
}

async function insertTargets(trx: Executor, drawId: string, record: DrawRecord) {
  const usccs = record.result.targets.map((t) => t.entity)
  const entities = new Map<string, { id: string; district_id: string | null }>()
  for (let i = 0; i < usccs.length; i += 500) {
    const rows = await trx
      .selectFrom('entities')
      .select(['id', 'uscc', 'district_id'])
      .where('uscc', 'in', usccs.slice(i, i + 500))
      .execute()
    for (const r of rows) entities.set(r.uscc, r)
  }
  const names = new Map(record.inputs.inspectors.map((r) => [r.badge, r.name]))
  const itemsByStratum = new Map(record.inputs.strata.map((s) => [s.stratum, s.items]))
  const reviewItems = new Set(
    (await trx.selectFrom('inspection_items').select('code').where('legal_review', '=', 1).execute()).map(
      (r) => r.code,
    ),
  )
  const rows = record.result.targets.map((t, position) => {
    const entity = entities.get(t.entity)
    if (!entity) throw new Error(`drawn entity ${t.entity} is not in the directory`)
    return {
      id: newId(),
      draw_id: drawId,
      position,
      entity_id: entity.id,
      uscc: t.entity,
      stratum: t.stratum,
      district_id: entity.district_id,
      inspectors: JSON.stringify(t.inspectors.map((badge) => ({ badge, name: names.get(badge) ?? badge }))),
      outcome: null,
      notes: null,
      evidence_refs: '[]',
      result_on: null,
      entered_by: null,
      entered_by_name: null,
      // Legal review is needed when a problem is found on an item that requires it; decided at entry.
      review_required: (itemsByStratum.get(t.stratum) ?? []).some((c) => reviewItems.has(c)) ? 1 : 0,
      review_status: null,
      penalty_case_id: null,
      reviewed_by_name: null,
      reviewed_at: null,
      publish_due: null,
      published: 0,
      published_at: null,
      published_by_name: null,
    }
  })
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('inspection_targets')
      .values(rows.slice(i, i + 200))
      .execute()
}

/** Records, in its own transaction, a run that failed and stored nothing (aborts stay visible). */
export async function recordFailedRun(
  context: WriteContext,
  drawId: string,
  code: string,
  input: z.output<typeof runDrawRequest>,
): Promise<void> {
  await getDraw(context, drawId)
  await context.audit({
    action: 'inspection.draw.runFailed',
    targetType: 'inspectionDraw',
    targetId: drawId,
    after: { code, drand: input.drand },
  })
}

/**
 * Abandons a committed draw that cannot or will not be run (e.g. a drawn target left without
 * inspectors). The draw stays, with its commitment and the reason, and is public at once, so a
 * replacement task is visibly a new draw rather than a silent re-draw.
 */
export async function abortDraw(
  context: WriteContext,
  drawId: string,
  reason: string,
): Promise<InspectionDraw> {
  const { trx, now, actor } = context
  const row = await drawForWrite(context, drawId)
  if (row.status !== 'committed') throw new AppError(inspectionsErrors.inspection_draw_state)
  await trx
    .updateTable('inspection_draws')
    .set({
      status: 'aborted',
      abort_reason: reason,
      published: 1,
      published_at: now.toISOString(),
      published_by: actor.userId,
    })
    .where('id', '=', drawId)
    .execute()
  await trx
    .updateTable('inspection_tasks')
    .set({ status: 'aborted', updated_at: now.toISOString() })
    .where('id', '=', row.task_id)
    .execute()
  await context.audit({
    action: 'inspection.draw.abort',
    targetType: 'inspectionDraw',
    targetId: drawId,
    after: { reason, commitment: row.commitment },
  })
  return getDraw(context, drawId)
}

/** Step 4: publishes the draw record (一公开 of the draw itself). */
export async function publishDraw(context: WriteContext, drawId: string): Promise<InspectionDraw> {
  const { trx, now, actor } = context
  const row = await drawForWrite(context, drawId)
  if (row.status !== 'drawn' || row.published === 1)
    throw new AppError(inspectionsErrors.inspection_draw_state)
  await trx
    .updateTable('inspection_draws')
    .set({ published: 1, published_at: now.toISOString(), published_by: actor.userId })
    .where('id', '=', drawId)
    .execute()
  await context.audit({
    action: 'inspection.draw.publish',
    targetType: 'inspectionDraw',
    targetId: drawId,
    after: { commitment: row.commitment, seed: row.seed },
  })
  return getDraw(context, drawId)
}
