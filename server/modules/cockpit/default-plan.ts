import type { Kysely } from 'kysely'
import suzhouPlan from '../../../plans/suzhou-2022-83.json' with { type: 'json' }
import { newId } from '../../kernel/ids.ts'
import { insertPlan, parsePlanFile } from './plan-file.ts'

export const SWEEP_JOB = 'cockpit.sweep'

/** The plan ZhiBao ships with: 苏府〔2022〕83号, plans/suzhou-2022-83.json. */
export const DEFAULT_PLAN = parsePlanFile(suzhouPlan, null)

/** Loads the default plan (once) and the first supervision sweep, due immediately. */
export async function loadDefaultPlan(db: Kysely<any>, now: Date): Promise<void> {
  const exists = await db
    .selectFrom('cockpit_plans')
    .select('id')
    .where('code', '=', DEFAULT_PLAN.code)
    .executeTakeFirst()
  if (!exists) await insertPlan(db, DEFAULT_PLAN, now)
  // Due "at the epoch" so that it runs on the first job poll whatever the clock says; each run
  // then schedules the next day's (jobs.ts: a dedupe key per date makes every day's sweep fire once).
  await db
    .insertInto('jobs')
    .values({
      id: newId(now.getTime()),
      kind: SWEEP_JOB,
      dedupe_key: `${SWEEP_JOB}:bootstrap`,
      payload: '{}',
      run_at: new Date(0).toISOString(),
      status: 'pending',
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}
