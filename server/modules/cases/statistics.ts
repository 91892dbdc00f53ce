import type { Db, Tx } from '../../database.ts'
import { caseTypeOf } from './engine/declaration.ts'

/** A case as a statistic's drill-down shows it. */
export interface CaseRef {
  id: string
  number: string
  type: string
}

/**
 * Received and closed cases in a window of dates `[from, to]` (China dates, inclusive), city-wide: a
 * case is received when it was opened, closed when its timeline entered a final state of its declared
 * type (办结, 不予受理, 调解成功…). Cockpit indicator T13 (结收案比) is closed ÷ received.
 */
export async function caseClosureStatistics(
  db: Db | Tx,
  window: { from: string; to: string },
): Promise<{ received: CaseRef[]; closed: CaseRef[] }> {
  // China is UTC+8 all year: the window's dates as UTC instants.
  const start = new Date(Date.parse(`${window.from}T00:00:00+08:00`)).toISOString()
  const end = new Date(Date.parse(`${window.to}T00:00:00+08:00`) + 86_400_000).toISOString()
  const received = await db
    .selectFrom('cases')
    .select(['id', 'number', 'type'])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .orderBy('id')
    .execute()
  const entered = await db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['cases.id', 'cases.number', 'cases.type', 'case_events.to_state'])
    .where('case_events.to_state', 'is not', null)
    .where('case_events.at', '>=', start)
    .where('case_events.at', '<', end)
    .orderBy('cases.id')
    .execute()
  const closed = new Map<string, CaseRef>()
  for (const e of entered) {
    if (caseTypeOf(e.type)?.states[e.to_state!]?.final)
      closed.set(e.id, { id: e.id, number: e.number, type: e.type })
  }
  return { received, closed: [...closed.values()] }
}

/**
 * Enterprises served by rights-defence assistance (维权援助) up to and including `to`: distinct
 * applicant entities of assistance cases that were accepted (any state past intake but a rejection).
 * Cockpit indicator T11.
 */
export async function enterprisesServedByAssistance(
  db: Db | Tx,
  window: { to: string },
): Promise<{ entityIds: string[]; cases: CaseRef[] }> {
  const end = new Date(Date.parse(`${window.to}T00:00:00+08:00`) + 86_400_000).toISOString()
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'number', 'type', 'data'])
    .where('type', '=', 'assistance')
    .where('state', 'not in', ['received', 'rejected'])
    .where('created_at', '<', end)
    .orderBy('id')
    .execute()
  const entityIds = new Set<string>()
  const cases: CaseRef[] = []
  for (const r of rows) {
    const entity = (JSON.parse(r.data) as { applicantEntityId?: string | null }).applicantEntityId
    if (!entity) continue
    entityIds.add(entity)
    cases.push({ id: r.id, number: r.number, type: r.type })
  }
  return { entityIds: [...entityIds], cases }
}
