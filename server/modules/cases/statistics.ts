import type { Db, Tx } from '../../database.ts'
import { type Actor, scopeCondition } from '../../kernel/access.ts'
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

/** The p-quantile (0–1) of sorted values, nearest-rank; null when empty. */
function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/**
 * The workbench's case statistics in a window of China dates, in the caller's scope (SQL-side):
 * received and closed per type and district (closed as `caseClosureStatistics` counts it: the
 * timeline entered a final state), the closure ratio, handling time of the cases closed (calendar
 * days from receipt to closure: mean and 90th percentile, nearest rank) and, per deadline rule, the
 * clocks met in the window and how many of them on time (met on or before the due date).
 */
export async function caseStatistics(
  db: Db | Tx,
  actor: Actor,
  query: { from: string; to: string; districtId?: string; type?: string },
) {
  const start = new Date(Date.parse(`${query.from}T00:00:00+08:00`)).toISOString()
  const end = new Date(Date.parse(`${query.to}T00:00:00+08:00`) + 86_400_000).toISOString()
  const scoped = <T extends { where: (...args: any[]) => T }>(q: T): T => {
    let r = q.where((eb: any) => scopeCondition(eb, actor, { district: 'cases.district_id' }))
    if (query.districtId) r = r.where('cases.district_id', '=', query.districtId)
    if (query.type) r = r.where('cases.type', '=', query.type)
    return r
  }
  const received = await scoped(
    db
      .selectFrom('cases')
      .select(['cases.type', 'cases.district_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cases.created_at', '>=', start)
      .where('cases.created_at', '<', end)
      .groupBy(['cases.type', 'cases.district_id']),
  ).execute()
  const entered = await scoped(
    db
      .selectFrom('case_events')
      .innerJoin('cases', 'cases.id', 'case_events.case_id')
      .select([
        'cases.id',
        'cases.type',
        'cases.district_id',
        'cases.created_at',
        'case_events.to_state',
        'case_events.at',
      ])
      .where('case_events.to_state', 'is not', null)
      .where('case_events.at', '>=', start)
      .where('case_events.at', '<', end)
      .orderBy('case_events.at'),
  ).execute()
  const closedAt = new Map<string, { type: string; districtId: string | null; days: number }>()
  for (const e of entered) {
    if (closedAt.has(e.id) || !caseTypeOf(e.type)?.states[e.to_state!]?.final) continue
    closedAt.set(e.id, {
      type: e.type,
      districtId: e.district_id,
      days: (Date.parse(e.at) - Date.parse(e.created_at)) / 86_400_000,
    })
  }
  const groups = new Map<
    string,
    { type: string; districtId: string | null; received: number; closed: number }
  >()
  const group = (type: string, districtId: string | null) => {
    const key = `${type}|${districtId ?? ''}`
    let g = groups.get(key)
    if (!g) {
      g = { type, districtId, received: 0, closed: 0 }
      groups.set(key, g)
    }
    return g
  }
  for (const r of received) group(r.type, r.district_id).received += Number(r.n)
  for (const c of closedAt.values()) group(c.type, c.districtId).closed++
  const days = [...closedAt.values()].map((c) => c.days).sort((a, b) => a - b)
  const totalReceived = received.reduce((s, r) => s + Number(r.n), 0)

  const metClocks = await scoped(
    db
      .selectFrom('clocks')
      .innerJoin('cases', 'cases.id', 'clocks.case_id')
      .select(['clocks.rule_id', 'clocks.met_at', 'clocks.due_date'])
      .where('clocks.status', '=', 'met')
      .where('clocks.met_at', '>=', start)
      .where('clocks.met_at', '<', end),
  ).execute()
  const rules = new Map<string, { ruleId: string; met: number; onTime: number }>()
  for (const c of metClocks) {
    const r = rules.get(c.rule_id) ?? { ruleId: c.rule_id, met: 0, onTime: 0 }
    r.met++
    // Met on the due date itself is on time: compare China dates.
    const metDate = new Date(Date.parse(c.met_at!) + 8 * 3600_000).toISOString().slice(0, 10)
    if (metDate <= c.due_date) r.onTime++
    rules.set(c.rule_id, r)
  }
  return {
    from: query.from,
    to: query.to,
    received: totalReceived,
    closed: closedAt.size,
    closureRatio: totalReceived ? Math.round((closedAt.size / totalReceived) * 1000) / 1000 : null,
    handlingDays: {
      count: days.length,
      mean: round1(days.length ? days.reduce((s, d) => s + d, 0) / days.length : null),
      p90: round1(quantile(days, 0.9)),
    },
    groups: [...groups.values()].sort(
      (a, b) => a.type.localeCompare(b.type) || (a.districtId ?? '').localeCompare(b.districtId ?? ''),
    ),
    onTime: [...rules.values()]
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId))
      .map((r) => ({ ...r, rate: Math.round((r.onTime / r.met) * 1000) / 1000 })),
  }
}
