/**
 * Observers of the commit–reveal (trust.md C.3) as user accounts: planning staff designate a user on
 * a task; the observer signs in, submits the commitment of a secret value only they hold before the
 * draw is committed, and reveals the value after. Staff never see or enter the secret.
 */
import type { z } from 'zod'
import type {
  designateObserverRequest,
  ObserverDuty,
  observerCommitmentRequest,
  observerRevealRequest,
  TaskObserver,
} from '../../../contracts/inspections-api.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { applyReveal } from './draws.service.ts'
import { inspectionsErrors } from './errors.ts'
import { findTask } from './plans.service.ts'
import { type AnyContext, dbOf, type Executor, parseJson } from './shared.ts'

export async function designatedObservers(db: Executor, taskId: string) {
  return db
    .selectFrom('inspection_observers')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('designated_at')
    .execute()
}

export async function listTaskObservers(context: AnyContext, taskId: string): Promise<TaskObserver[]> {
  await findTask(context, taskId) // scope
  return (await designatedObservers(dbOf(context), taskId)).map((o) => ({
    userId: o.user_id,
    name: o.name,
    committed: o.commitment !== null,
    committedAt: o.committed_at,
  }))
}

/** Designates a user as observer of a task whose draw is not committed yet. */
export async function designateObserver(
  context: WriteContext,
  taskId: string,
  input: z.output<typeof designateObserverRequest>,
): Promise<TaskObserver[]> {
  const { trx, now, actor } = context
  const task = await findTask(context, taskId)
  if (task.status !== 'draft' || task.drawId) throw new AppError(inspectionsErrors.inspection_task_not_draft)
  const user = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', input.username)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!user) throw new AppError(inspectionsErrors.inspection_observer_unknown_user)
  const already = await trx
    .selectFrom('inspection_observers')
    .select('user_id')
    .where('task_id', '=', taskId)
    .where('user_id', '=', user.id)
    .executeTakeFirst()
  if (!already) {
    await trx
      .insertInto('inspection_observers')
      .values({
        task_id: taskId,
        user_id: user.id,
        name: user.display_name,
        commitment: null,
        committed_at: null,
        designated_at: now.toISOString(),
        designated_by: actor.userId!,
      })
      .execute()
    await context.audit({
      action: 'inspection.observer.designate',
      targetType: 'inspectionTask',
      targetId: taskId,
      after: { userId: user.id, name: user.display_name },
    })
  }
  return listTaskObservers(context, taskId)
}

async function myDesignation(db: Executor, taskId: string, userId: string | null) {
  const d = userId
    ? await db
        .selectFrom('inspection_observers')
        .selectAll()
        .where('task_id', '=', taskId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
    : undefined
  if (!d) throw new AppError(inspectionsErrors.inspection_observer_not_designated)
  return d
}

/** The signed-in user's observer duties, newest first. */
export async function myDuties(context: ReadContext): Promise<ObserverDuty[]> {
  if (!context.actor.userId) return []
  const rows = await context.db
    .selectFrom('inspection_observers as o')
    .innerJoin('inspection_tasks as t', 't.id', 'o.task_id')
    .leftJoin('inspection_draws as d', 'd.task_id', 'o.task_id')
    .select([
      'o.task_id',
      'o.name',
      'o.commitment',
      'o.committed_at',
      'o.designated_at',
      't.code',
      't.title',
      'd.id as draw_id',
      'd.status as draw_status',
      'd.drand_round',
      'd.reveals',
    ])
    .where('o.user_id', '=', context.actor.userId)
    .orderBy('o.designated_at', 'desc')
    .execute()
  return rows.map((r) => {
    const revealed =
      parseJson<{ observer: string }[] | null>(r.reveals)?.some((x) => x.observer === r.name) ?? false
    const drawStatus = (r.draw_status ?? null) as ObserverDuty['drawStatus']
    return {
      taskId: r.task_id,
      taskCode: r.code,
      taskTitle: r.title,
      commitment: r.commitment,
      committedAt: r.committed_at,
      drawId: r.draw_id ?? null,
      drawStatus,
      drandRound: r.drand_round === null || r.drand_round === undefined ? null : Number(r.drand_round),
      revealed,
      next: drawStatus === null ? 'commit' : drawStatus === 'committed' && !revealed ? 'reveal' : 'done',
    }
  })
}

/** The observer submits (or, until the draw is committed, replaces) their own commitment. */
export async function submitObserverCommitment(
  context: WriteContext,
  taskId: string,
  input: z.output<typeof observerCommitmentRequest>,
): Promise<ObserverDuty> {
  const { trx, now, actor } = context
  await myDesignation(trx, taskId, actor.userId)
  const draw = await trx
    .selectFrom('inspection_draws')
    .select('id')
    .where('task_id', '=', taskId)
    .executeTakeFirst()
  if (draw) throw new AppError(inspectionsErrors.inspection_task_not_draft)
  const commitment = input.commitment.toLowerCase()
  await trx
    .updateTable('inspection_observers')
    .set({ commitment, committed_at: now.toISOString() })
    .where('task_id', '=', taskId)
    .where('user_id', '=', actor.userId!)
    .execute()
  await context.audit({
    action: 'inspection.observer.commit',
    targetType: 'inspectionTask',
    targetId: taskId,
    after: { commitment },
  })
  return (await myDutiesIn(context)).find((d) => d.taskId === taskId)!
}

/** The observer reveals their own value after the draw was committed. */
export async function revealAsObserver(
  context: WriteContext,
  drawId: string,
  input: z.output<typeof observerRevealRequest>,
): Promise<ObserverDuty> {
  const { trx, actor } = context
  const row = await trx.selectFrom('inspection_draws').selectAll().where('id', '=', drawId).executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  const me = await myDesignation(trx, row.task_id, actor.userId)
  await applyReveal(context, row, me.name, input.value)
  return (await myDutiesIn(context)).find((d) => d.taskId === row.task_id)!
}

const myDutiesIn = (context: WriteContext) =>
  myDuties({
    db: context.trx,
    actor: context.actor,
    now: context.now,
    lang: context.lang,
  } as unknown as ReadContext)
