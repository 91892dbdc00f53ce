// Re-importing a plan under its code updates it in place (docs/plan-format.md, "Updating a plan"):
// targets are matched by code, tasks by section, milestones by title within their task, so reports,
// completions and notices stay attached to what they were about.
import type { PlanFile } from '../../../contracts/cockpit.ts'
import type { Tx } from '../../database.ts'
import { AppError, type FieldError } from '../../kernel/errors.ts'
import { newId } from '../../kernel/ids.ts'
import { cockpitErrors } from './errors.ts'
import { milestoneColumnsOf, planColumnsOf, targetColumnsOf, taskColumnsOf } from './plan-file.ts'

export interface PlanChanges {
  added: number
  updated: number
  removed: number
}

/**
 * Applies `plan` to the stored plan `planId`. Refused as a whole (nothing written) when the file
 * drops a target that has reports, or a task or milestone whose completion has been recorded.
 */
export async function updatePlan(trx: Tx, planId: string, plan: PlanFile, now: Date): Promise<PlanChanges> {
  const t0 = now.getTime()
  const changes: PlanChanges = { added: 0, updated: 0, removed: 0 }
  const targets = await trx.selectFrom('cockpit_targets').selectAll().where('plan_id', '=', planId).execute()
  const tasks = await trx.selectFrom('cockpit_tasks').selectAll().where('plan_id', '=', planId).execute()
  const milestones = await trx
    .selectFrom('cockpit_milestones')
    .selectAll()
    .where('plan_id', '=', planId)
    .execute()

  const fileTargets = new Set(plan.targets.map((t) => t.code))
  const droppedTargets = targets.filter((t) => !fileTargets.has(t.code))
  const fileTasks = new Map(plan.tasks.map((t) => [t.section, t]))
  const droppedTasks = tasks.filter((t) => !fileTasks.has(t.section))
  const droppedMilestones = milestones.filter((m) => {
    const task = tasks.find((t) => t.id === m.task_id)
    const kept = task ? fileTasks.get(task.section) : undefined
    return !kept?.milestones.some((x) => x.title === m.title)
  })

  const errors: FieldError[] = []
  if (droppedTargets.length) {
    const reported = await trx
      .selectFrom('cockpit_reports')
      .select(['target_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'target_id',
        'in',
        droppedTargets.map((t) => t.id),
      )
      .groupBy('target_id')
      .execute()
    for (const r of reported) {
      const code = droppedTargets.find((t) => t.id === r.target_id)!.code
      errors.push({
        path: `targets.${code}`,
        code: 'target_has_reports',
        message: `${code} has ${Number(r.n)} report(s) and cannot be removed`,
      })
    }
  }
  for (const m of droppedMilestones.filter((x) => x.completed_on !== null)) {
    const section = tasks.find((t) => t.id === m.task_id)?.section
    errors.push({
      path: `tasks.${section}.milestones`,
      code: 'milestone_completed',
      message: `${section} ${m.title} is recorded as completed and cannot be removed`,
    })
  }
  if (errors.length) throw new AppError(cockpitErrors.cockpit_plan_update_refused, { errors })

  await trx
    .updateTable('cockpit_plans')
    .set({ ...planColumnsOf(plan), updated_at: now.toISOString() })
    .where('id', '=', planId)
    .execute()

  const byCode = new Map(targets.map((t) => [t.code, t]))
  for (const [i, t] of plan.targets.entries()) {
    const existing = byCode.get(t.code)
    if (existing) {
      await trx
        .updateTable('cockpit_targets')
        .set(targetColumnsOf(t, i + 1))
        .where('id', '=', existing.id)
        .execute()
      changes.updated++
    } else {
      await trx
        .insertInto('cockpit_targets')
        .values({ id: newId(t0 + i), plan_id: planId, ...targetColumnsOf(t, i + 1) })
        .execute()
      changes.added++
    }
  }
  if (droppedTargets.length) {
    await trx
      .deleteFrom('cockpit_targets')
      .where(
        'id',
        'in',
        droppedTargets.map((t) => t.id),
      )
      .execute()
    changes.removed += droppedTargets.length
  }

  if (droppedMilestones.length) {
    await trx
      .deleteFrom('cockpit_milestones')
      .where(
        'id',
        'in',
        droppedMilestones.map((m) => m.id),
      )
      .execute()
  }
  if (droppedTasks.length) {
    await trx
      .deleteFrom('cockpit_tasks')
      .where(
        'id',
        'in',
        droppedTasks.map((t) => t.id),
      )
      .execute()
    changes.removed += droppedTasks.length
  }
  const bySection = new Map(tasks.map((t) => [t.section, t]))
  for (const [i, task] of plan.tasks.entries()) {
    const existing = bySection.get(task.section)
    let taskId: string
    if (existing) {
      taskId = existing.id
      await trx
        .updateTable('cockpit_tasks')
        .set(taskColumnsOf(task, i + 1))
        .where('id', '=', taskId)
        .execute()
      changes.updated++
    } else {
      taskId = newId(t0 + 1000 + i)
      await trx
        .insertInto('cockpit_tasks')
        .values({ id: taskId, plan_id: planId, ...taskColumnsOf(task, i + 1) })
        .execute()
      changes.added++
    }
    for (const [j, m] of task.milestones.entries()) {
      const kept = milestones.find((x) => x.task_id === taskId && x.title === m.title)
      if (kept) {
        await trx
          .updateTable('cockpit_milestones')
          .set(milestoneColumnsOf(m, j + 1))
          .where('id', '=', kept.id)
          .execute()
      } else {
        await trx
          .insertInto('cockpit_milestones')
          .values({
            id: newId(t0 + 2000 + i * 100 + j),
            plan_id: planId,
            task_id: taskId,
            ...milestoneColumnsOf(m, j + 1),
            completed_on: null,
            completion_note: null,
            completed_by: null,
          })
          .execute()
      }
    }
  }
  return changes
}
