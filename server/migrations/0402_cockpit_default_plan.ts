import type { Kysely } from 'kysely'
import { loadDefaultPlan } from '../modules/cockpit/default-plan.ts'

/**
 * The Suzhou plan (苏府〔2022〕83号) ships as reference data, in production too, like the deadline
 * rules; with it the first supervision sweep, due at once, which then schedules itself daily.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await loadDefaultPlan(db, new Date())
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('cockpit_plans').where('code', '=', 'suzhou-2022-83').execute()
}
