/**
 * Results of drawn targets (一公开): entry by inspectors, legal review where an item requires it,
 * publication within 20 working days of the result (rules.md 4.4) showing who inspected (谁检查),
 * who entered (谁录入) and who published (谁公开); and the statistics of plans.
 */
import type { z } from 'zod'
import type { DrawRecord } from '../../../contracts/inspections/draw/index.ts'
import type {
  InspectionTarget,
  Outcome,
  recordResultRequest,
  reviewRequest,
  statsQuery,
} from '../../../contracts/inspections-api.ts'
import type { Database } from '../../database.ts'
import { isStaff, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { workingDayCalendar } from '../calendar/index.ts'
import { openPenaltyCase } from '../cases/index.ts'
import { getDraw } from './draws.service.ts'
import { inspectionsErrors } from './errors.ts'
import { type AnyContext, chinaDate, dbOf, parseJson } from './shared.ts'

type TargetRow = Database['inspection_targets']
/** Working days between a result and its publication (rules.md 4.4, 国发〔2019〕5号). */
export const PUBLICATION_WORKING_DAYS = 20
const PROBLEM: readonly Outcome[] = ['problemFound', 'problemCorrected']

type TargetView = TargetRow & { entity_name: string | null; penalty_case_number: string | null }

function presentTarget(r: TargetView, showResult: boolean, staffView = showResult): InspectionTarget {
  return {
    id: r.id,
    drawId: r.draw_id,
    position: r.position,
    entityId: r.entity_id,
    uscc: r.uscc,
    entityName: r.entity_name,
    stratum: r.stratum,
    districtId: r.district_id,
    inspectors: parseJson(r.inspectors),
    outcome: showResult ? (r.outcome as Outcome | null) : null,
    notes: showResult ? r.notes : null,
    evidenceRefs: showResult ? parseJson(r.evidence_refs) : [],
    resultOn: showResult ? r.result_on : null,
    enteredBy: showResult ? r.entered_by_name : null,
    reviewRequired: r.review_required === 1,
    reviewStatus: showResult ? (r.review_status as InspectionTarget['reviewStatus']) : null,
    reviewedBy: showResult ? r.reviewed_by_name : null,
    publishDue: showResult ? r.publish_due : null,
    published: r.published === 1,
    publishedAt: r.published_at,
    publishedBy: r.published_by_name,
    penaltyCaseId: staffView ? r.penalty_case_id : null,
    penaltyCaseNumber: staffView ? r.penalty_case_number : null,
  }
}

/**
 * Targets of a draw the caller can see. The public (and staff of other districts) see the drawn
 * targets of a published draw, but a result only once it is published.
 */
export async function listTargets(context: AnyContext, drawId: string): Promise<InspectionTarget[]> {
  await getDraw(context, drawId)
  const { actor } = context
  const rows = await dbOf(context)
    .selectFrom('inspection_targets')
    .leftJoin('entities', 'entities.id', 'inspection_targets.entity_id')
    .leftJoin('cases', 'cases.id', 'inspection_targets.penalty_case_id')
    .selectAll('inspection_targets')
    .select(['entities.name as entity_name', 'cases.number as penalty_case_number'])
    .where('inspection_targets.draw_id', '=', drawId)
    .orderBy('inspection_targets.position')
    .execute()
  const ownDistrict = (r: TargetRow) =>
    isStaff(actor) && (actor.districtId === null || actor.districtId === r.district_id)
  return rows.map((r) => presentTarget(r, r.published === 1 || ownDistrict(r), ownDistrict(r)))
}

async function targetForWrite(context: WriteContext, id: string) {
  const row = await context.trx
    .selectFrom('inspection_targets')
    .leftJoin('entities', 'entities.id', 'inspection_targets.entity_id')
    .leftJoin('cases', 'cases.id', 'inspection_targets.penalty_case_id')
    .selectAll('inspection_targets')
    .select(['entities.name as entity_name', 'cases.number as penalty_case_number'])
    .where('inspection_targets.id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, { district: 'inspection_targets.district_id' }))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return row
}

const reread = async (context: WriteContext, id: string) =>
  presentTarget(await targetForWrite(context, id), true)

/** Records (or corrects, until published) a target's result; the publication deadline follows from it. */
export async function recordResult(
  context: WriteContext,
  targetId: string,
  input: z.output<typeof recordResultRequest>,
): Promise<InspectionTarget> {
  const { trx, now, actor } = context
  const before = await targetForWrite(context, targetId)
  if (before.published === 1) throw new AppError(inspectionsErrors.inspection_result_published)
  const resultOn = input.resultOn ?? chinaDate(now)
  const calendar = await workingDayCalendar(trx)
  const publishDue = calendar.addWorkingDays(resultOn, PUBLICATION_WORKING_DAYS)
  const needsReview = before.review_required === 1 && PROBLEM.includes(input.outcome)
  await trx
    .updateTable('inspection_targets')
    .set({
      outcome: input.outcome,
      notes: input.notes || null,
      evidence_refs: JSON.stringify(input.evidenceRefs),
      result_on: resultOn,
      entered_by: actor.userId,
      entered_by_name: actor.displayName ?? actor.username,
      review_status: needsReview ? 'pending' : null,
      reviewed_by_name: null,
      reviewed_at: null,
      publish_due: publishDue,
    })
    .where('id', '=', targetId)
    .execute()
  // Last inspection per item, which excludes the entity from the same item's draws for 12 months.
  const draw = await trx
    .selectFrom('inspection_draws')
    .select('record')
    .where('id', '=', before.draw_id)
    .executeTakeFirstOrThrow()
  const record = JSON.parse(draw.record!) as DrawRecord
  const codes = record.inputs.strata.find((s) => s.stratum === before.stratum)?.items ?? []
  const items =
    codes.length === 0
      ? []
      : await trx.selectFrom('inspection_items').select('id').where('code', 'in', codes).execute()
  for (const item of items) {
    await trx
      .insertInto('inspection_last_inspections')
      .values({ entity_id: before.entity_id, item_id: item.id, inspected_on: resultOn })
      .onConflict((oc) => oc.columns(['entity_id', 'item_id']).doUpdateSet({ inspected_on: resultOn }))
      .execute()
  }
  const after = await reread(context, targetId)
  await context.audit({
    action: 'inspection.result.record',
    targetType: 'inspectionTarget',
    targetId,
    before: presentTarget(before, true),
    after,
  })
  return after
}

/** 法制审核: someone other than who entered the result approves it or returns it for correction. */
export async function reviewResult(
  context: WriteContext,
  targetId: string,
  input: z.output<typeof reviewRequest>,
): Promise<InspectionTarget> {
  const { trx, now, actor } = context
  const before = await targetForWrite(context, targetId)
  if (before.review_status !== 'pending') throw new AppError(inspectionsErrors.inspection_not_reviewable)
  if (before.entered_by !== null && before.entered_by === actor.userId)
    throw new AppError(inspectionsErrors.inspection_review_self)
  await trx
    .updateTable('inspection_targets')
    .set({
      review_status: input.approved ? 'approved' : 'returned',
      reviewed_by_name: actor.displayName ?? actor.username,
      reviewed_at: now.toISOString(),
    })
    .where('id', '=', targetId)
    .execute()
  const after = await reread(context, targetId)
  await context.audit({
    action: 'inspection.result.review',
    targetType: 'inspectionTarget',
    targetId,
    before: { reviewStatus: before.review_status },
    after: { ...after, reviewNotes: input.notes },
  })
  return after
}

/** Publishes a result on the portal (only of a published draw, after any required review). */
export async function publishResult(context: WriteContext, targetId: string): Promise<InspectionTarget> {
  const { trx, now, actor } = context
  const before = await targetForWrite(context, targetId)
  if (before.published === 1) throw new AppError(inspectionsErrors.inspection_result_published)
  const draw = await trx
    .selectFrom('inspection_draws')
    .select('published')
    .where('id', '=', before.draw_id)
    .executeTakeFirstOrThrow()
  if (
    before.outcome === null ||
    before.review_status === 'pending' ||
    before.review_status === 'returned' ||
    draw.published !== 1
  )
    throw new AppError(inspectionsErrors.inspection_publish_not_ready)
  await trx
    .updateTable('inspection_targets')
    .set({
      published: 1,
      published_at: now.toISOString(),
      published_by_name: actor.displayName ?? actor.username,
    })
    .where('id', '=', targetId)
    .execute()
  const after = await reread(context, targetId)
  await context.audit({
    action: 'inspection.result.publish',
    targetType: 'inspectionTarget',
    targetId,
    after,
  })
  return after
}

/** Coverage and ratios achieved, problem rate by item and district, publication timeliness. */
export async function statistics(context: ReadContext, query: z.output<typeof statsQuery>) {
  const { db, actor, now } = context
  let q = db
    .selectFrom('inspection_draws')
    .innerJoin('inspection_tasks', 'inspection_tasks.id', 'inspection_draws.task_id')
    .where('inspection_draws.status', '=', 'drawn')
    .where((eb) => scopeCondition(eb, actor, { district: 'inspection_tasks.district_id' }))
  if (query.planId) q = q.where('inspection_tasks.plan_id', '=', query.planId)
  const draws = await q
    .select(['inspection_draws.id', 'inspection_draws.record', 'inspection_tasks.code'])
    .execute()
  const strata: z.infer<typeof import('../../../contracts/inspections-api.ts').statsSchema>['strata'] = []
  const itemsByDrawStratum = new Map<string, string[]>()
  for (const d of draws) {
    const record = JSON.parse(d.record!) as DrawRecord
    for (const s of record.inputs.strata) itemsByDrawStratum.set(`${d.id}\u0000${s.stratum}`, s.items)
    for (const s of record.result.strata) {
      if (s.required === 0) continue
      strata.push({
        taskCode: d.code,
        stratum: s.stratum,
        eligible: s.eligible,
        required: s.required,
        drawn: s.drawn,
        ratioAchieved: s.eligible === 0 ? 0 : s.drawn / s.eligible,
      })
    }
  }
  const ids = draws.map((d) => d.id)
  const targets =
    ids.length === 0
      ? []
      : await db
          .selectFrom('inspection_targets')
          .select([
            'draw_id',
            'stratum',
            'district_id',
            'outcome',
            'publish_due',
            'published',
            'published_at',
          ])
          .where('draw_id', 'in', ids)
          .where('outcome', 'is not', null)
          .execute()
  const byItem = new Map<string, { inspected: number; problems: number }>()
  const byDistrict = new Map<string | null, { inspected: number; problems: number }>()
  const publication = {
    resulted: 0,
    publishedOnTime: 0,
    publishedLate: 0,
    pendingWithinDeadline: 0,
    overdue: 0,
  }
  const today = chinaDate(now)
  for (const t of targets) {
    const problem = PROBLEM.includes(t.outcome as Outcome) ? 1 : 0
    for (const item of itemsByDrawStratum.get(`${t.draw_id}\u0000${t.stratum}`) ?? []) {
      const e = byItem.get(item) ?? { inspected: 0, problems: 0 }
      e.inspected++
      e.problems += problem
      byItem.set(item, e)
    }
    const e = byDistrict.get(t.district_id) ?? { inspected: 0, problems: 0 }
    e.inspected++
    e.problems += problem
    byDistrict.set(t.district_id, e)
    publication.resulted++
    if (t.published === 1) {
      if (chinaDate(new Date(t.published_at!)) <= t.publish_due!) publication.publishedOnTime++
      else publication.publishedLate++
    } else if (today <= t.publish_due!) publication.pendingWithinDeadline++
    else publication.overdue++
  }
  return {
    strata,
    byItem: [...byItem]
      .map(([itemId, v]) => ({ itemId, ...v }))
      .sort((a, b) => a.itemId.localeCompare(b.itemId)),
    byDistrict: [...byDistrict].map(([districtId, v]) => ({ districtId, ...v })),
    publication,
  }
}

/**
 * A problem found opens a penalty matter (rules.md 5.14: an inspection is a source of clues): a
 * 行政处罚 case against the entity, in the matter of any other case against it, linked both ways.
 */
export async function openPenaltyFromResult(context: WriteContext, targetId: string) {
  const { trx } = context
  const t = await targetForWrite(context, targetId)
  if (!PROBLEM.includes(t.outcome as Outcome))
    throw new AppError(inspectionsErrors.inspection_penalty_no_problem)
  if (t.penalty_case_id) throw new AppError(inspectionsErrors.inspection_penalty_exists)
  const task = await trx
    .selectFrom('inspection_draws')
    .innerJoin('inspection_tasks', 'inspection_tasks.id', 'inspection_draws.task_id')
    .select(['inspection_tasks.code', 'inspection_tasks.title'])
    .where('inspection_draws.id', '=', t.draw_id)
    .executeTakeFirstOrThrow()
  const opened = await openPenaltyCase(context, {
    districtId: t.district_id,
    title: `行政处罚：${t.entity_name ?? t.uscc}（双随机抽查 ${task.code}）`,
    respondentUscc: t.uscc,
    data: {
      source: {
        kind: 'inspectionResult',
        targetId: t.id,
        drawId: t.draw_id,
        taskCode: task.code,
        taskTitle: task.title,
        outcome: t.outcome,
        notes: t.notes,
        resultOn: t.result_on,
        inspectors: parseJson(t.inspectors),
      },
    },
  })
  await trx
    .updateTable('inspection_targets')
    .set({ penalty_case_id: opened.id })
    .where('id', '=', t.id)
    .execute()
  await context.audit({
    action: 'inspection.result.penaltyCase',
    targetType: 'inspectionTarget',
    targetId: t.id,
    after: { caseId: opened.id, number: opened.number, matter: opened.matterNumber },
  })
  return {
    caseId: opened.id,
    number: opened.number,
    matterNumber: opened.matterNumber,
    target: await reread(context, t.id),
  }
}
