// The workflow engine: opens cases of a declared type and applies declared transitions, each in
// the caller's transaction with its timeline row, clock changes and audit record.
import type { CaseClock, CaseDetail } from '../../../../contracts/cases.ts'
import { isUnverified } from '../../../../contracts/cases.ts'
import type { Db, Tx } from '../../../database.ts'
import { type Actor, can, scopeCondition } from '../../../kernel/access.ts'
import { insertRows, preparedStatement } from '../../../kernel/db/prepared.ts'
import { AppError, type FieldError, kernelErrors, type Lang } from '../../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../../kernel/http/context.ts'
import { newId } from '../../../kernel/ids.ts'
import { workingDayCalendar } from '../../calendar/index.ts'
import { ruleVersionById } from '../deadline-rules.ts'
import { casesErrors } from '../errors.ts'
import { indexCase } from '../search-document.ts'
import { chinaDate, meetClock, resumeClock, startClock, suspendClock } from './clocks.ts'
import {
  type CaseTypeDeclaration,
  caseTypeOf,
  type DeadlineEffects,
  type GuardContext,
  type TransitionDeclaration,
} from './declaration.ts'
import { systemActor } from './system.ts'
import { appendCaseEvent } from './timeline.ts'

type CaseRow = {
  id: string
  number: string
  type: string
  state: string
  district_id: string | null
  matter_id: string | null
  title: string
  data: string
  created_at: string
  updated_at: string
  version: number
}

const scope = { district: 'cases.district_id' }

/** A case visible to the actor (its district in the actor's scope), or undefined. */
export async function findCase(db: Db | Tx, actor: Actor, id: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, actor, scope))
    .executeTakeFirst()
}

const bumpCounters = preparedStatement((db, p: Record<string, string | number>, shape) =>
  db
    .insertInto('case_counters')
    .values(
      Array.from({ length: Number(shape) }, (_, i) => ({
        type: p[`type${i}`] as string,
        year: p.year as number,
        last: 1,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['type', 'year']).doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', 1) })),
    )
    .returning(['type', 'last']),
)

/**
 * The next values of per-year counters of distinct types (case numbers, matter numbers) in one
 * upsert, gap-free; the rows are locked in the order given.
 */
export async function nextCounters(trx: Tx, types: readonly string[], year: number): Promise<number[]> {
  const values: Record<string, string | number> = { year }
  types.forEach((type, i) => {
    values[`type${i}`] = type
  })
  const { rows } = await bumpCounters(trx, values, String(types.length))
  // RETURNING order is not promised by either database: matched back by type.
  return types.map((type) => Number(rows.find((r) => r.type === type)!.last))
}

/** The next value of a per-year counter (case numbers, matter numbers): one upsert, gap-free. */
export async function nextCounter(trx: Tx, type: string, year: number): Promise<number> {
  return (await nextCounters(trx, [type], year))[0]!
}

/** The year case and matter numbers count in: the calendar year in China. */
export function numberYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4))
}

export function caseNumber(declaration: CaseTypeDeclaration, year: number, last: number): string {
  return `${declaration.numberPrefix}-${year}-${String(last).padStart(6, '0')}`
}

async function writeEvent(
  context: WriteContext,
  caseId: string,
  values: { event: string; transition?: string; from?: string | null; to?: string | null; data: unknown },
  first = false,
) {
  // The caller holds the case row (just inserted or updated): no lock to take; a new case starts at 1.
  await appendCaseEvent(
    context.trx,
    {
      caseId,
      at: context.now,
      actorId: context.actor.userId,
      actorLabel: context.actor.username ?? context.actor.kind,
      event: values.event,
      transition: values.transition ?? null,
      fromState: values.from ?? null,
      toState: values.to ?? null,
      data: values.data,
    },
    { locked: true, first },
  )
}

async function applyDeadlines(
  context: WriteContext,
  target: { caseId: string; districtId: string | null },
  effects: DeadlineEffects | undefined,
  data: Record<string, unknown>,
) {
  if (!effects) return
  const c = { trx: context.trx, now: context.now, ...target }
  for (const ruleId of effects.meet ?? []) await meetClock(c, ruleId)
  for (const ruleId of effects.suspend ?? []) await suspendClock(c, ruleId)
  for (const ruleId of effects.resume ?? []) await resumeClock(c, ruleId)
  for (const ruleId of effects.start ?? []) await startClock(c, ruleId)
  for (const { rule, when } of effects.startIf ?? []) if (when(data)) await startClock(c, rule)
}

/**
 * Opens a case of a declared type in its initial state: number, timeline row, the intake's clocks
 * and the audit record, in the caller's transaction. Input is validated by the caller (the intake
 * route's schema).
 * @example const id = await openCase(context, complaintType, { districtId, title, data })
 */
export async function openCase(
  context: WriteContext,
  declaration: CaseTypeDeclaration,
  values: {
    districtId: string | null
    matterId?: string | null
    title: string
    data: Record<string, unknown>
    /** Taken by the caller already (caseNumber), e.g. with its matter's number in one statement. */
    number?: string
  },
): Promise<{ id: string; number: string }> {
  const { trx, now } = context
  const id = newId(now.getTime())
  const year = numberYear(now)
  const number =
    values.number ?? caseNumber(declaration, year, await nextCounter(trx, declaration.type, year))
  const row: CaseRow = {
    id,
    number,
    type: declaration.type,
    state: declaration.initial,
    district_id: values.districtId,
    matter_id: values.matterId ?? null,
    title: values.title,
    data: JSON.stringify(values.data),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    version: 1,
  }
  await insertRows(trx, 'cases', [row])
  await indexCase(trx, row, now, { fresh: true })
  await writeEvent(
    context,
    id,
    { event: declaration.intake.event, to: declaration.initial, data: values.data },
    true,
  )
  await applyDeadlines(
    context,
    { caseId: id, districtId: values.districtId },
    declaration.intake.deadlines,
    values.data,
  )
  await context.audit({
    action: `case.open`,
    targetType: declaration.type,
    targetId: id,
    after: { number, state: declaration.initial, districtId: values.districtId, title: values.title },
  })
  return { id, number }
}

/** What a transition listener learns about a step just taken (in the step's transaction). */
export interface TakenStep {
  caseId: string
  type: string
  districtId: string | null
  transition: string
  event: string
  from: string
  to: string
  input: unknown
  data: Record<string, unknown>
}
export type TransitionListener = (context: WriteContext, step: TakenStep) => Promise<void>
const transitionListeners: TransitionListener[] = []

/**
 * Registers work that follows every transition in its transaction (e.g. the notice a step issues),
 * so that features beside the engine stay declarations and listeners, not engine changes.
 */
export function onTransition(listener: TransitionListener): void {
  if (!transitionListeners.includes(listener)) transitionListeners.push(listener)
}

function allowed(actor: Actor, t: TransitionDeclaration): boolean {
  if (t.systemOnly) return actor === systemActor
  return can(actor, t.permission) && (!t.roles || t.roles.some((r) => actor.roles.includes(r)))
}

function localized(label: { zh: string; en: string }, lang: Lang) {
  return lang === 'en' ? label.en : label.zh
}

/**
 * Takes a declared transition on a case: checks the case is visible to the actor, the transition
 * exists, the actor may take it, the case is in a state it starts from, the input and the guards;
 * then writes the new state, the timeline row, the clocks and the audit record. Any failure throws
 * before anything is written, or rolls the caller's transaction back.
 */
export async function applyTransition(
  context: WriteContext,
  caseId: string,
  transitionName: string,
  input: unknown,
  expectedVersion?: number,
): Promise<void> {
  const { trx, actor, now } = context
  const row = await findCase(trx, actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  const declaration = caseTypeOf(row.type)
  const transition = declaration?.transitions.find((t) => t.name === transitionName)
  if (!declaration || !transition) throw new AppError(casesErrors.transition_unknown)
  if (!allowed(actor, transition)) {
    throw new AppError(
      actor.kind === 'anonymous' ? kernelErrors.unauthenticated : casesErrors.transition_forbidden,
    )
  }
  if (!transition.from.includes(row.state)) {
    throw new AppError(casesErrors.transition_not_allowed_in_state, {
      detail: { state: row.state, allowedFrom: transition.from },
    })
  }
  let parsed: unknown = input ?? {}
  if (transition.input) {
    const result = transition.input.safeParse(parsed)
    if (!result.success) {
      const errors: FieldError[] = result.error.issues.map((issue) => ({
        path: ['body', 'input', ...issue.path.map(String)].join('.'),
        code: issue.code,
        message: issue.message,
      }))
      throw new AppError(kernelErrors.validation_failed, { errors })
    }
    parsed = result.data
  }
  const data = JSON.parse(row.data) as Record<string, unknown>
  const guardContext: GuardContext = {
    state: row.state,
    data,
    districtId: row.district_id,
    input: parsed,
    actor,
    trx,
  }
  for (const guard of transition.guards ?? []) {
    const reason = await guard(guardContext)
    if (reason) {
      throw new AppError(casesErrors.transition_guard_failed, {
        detail: { reason: localized(reason, context.lang) },
      })
    }
  }
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(casesErrors.case_version_conflict)
  }
  const newData = transition.data ? { ...data, ...transition.data(parsed, guardContext) } : data
  const updated = await trx
    .updateTable('cases')
    .set({
      state: transition.to,
      data: JSON.stringify(newData),
      version: row.version + 1,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError(casesErrors.case_version_conflict)
  await indexCase(
    trx,
    { ...row, state: transition.to, data: JSON.stringify(newData), version: row.version + 1 },
    now,
  )
  await writeEvent(context, row.id, {
    event: transition.event,
    transition: transition.name,
    from: row.state,
    to: transition.to,
    data: parsed,
  })
  await applyDeadlines(
    context,
    { caseId: row.id, districtId: row.district_id },
    transition.deadlines,
    newData,
  )
  for (const listener of transitionListeners) {
    await listener(context, {
      caseId: row.id,
      type: row.type,
      districtId: row.district_id,
      transition: transition.name,
      event: transition.event,
      from: row.state,
      to: transition.to,
      input: parsed,
      data: newData,
    })
  }
  await context.audit({
    action: `case.${transition.name}`,
    targetType: row.type,
    targetId: row.id,
    before: { state: row.state, version: row.version },
    after: { state: transition.to, version: row.version + 1, input: parsed },
  })
}

/**
 * The transitions the actor may take on the case now (state and permission; guards that need the
 * input are checked when the action is taken).
 */
export function availableActions(actor: Actor, row: { type: string; state: string }) {
  const declaration = caseTypeOf(row.type)
  if (!declaration) return []
  return declaration.transitions
    .filter((t) => t.from.includes(row.state) && allowed(actor, t))
    .map((t) => ({ name: t.name, label: t.label }))
}

/** A case with its timeline, its clocks (with days left) and the caller's actions. */
export async function getCaseDetail(context: ReadContext | WriteContext, id: string): Promise<CaseDetail> {
  const db = 'trx' in context ? context.trx : context.db
  const row = await findCase(db, context.actor, id)
  if (!row) throw new AppError(casesErrors.case_not_found)
  const declaration = caseTypeOf(row.type)
  const [events, clocks, calendar] = await Promise.all([
    db.selectFrom('case_events').selectAll().where('case_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('clocks').selectAll().where('case_id', '=', id).orderBy('id').execute(),
    workingDayCalendar(db),
  ])
  const today = chinaDate(context.now)
  const presentedClocks: CaseClock[] = []
  for (const clock of clocks) {
    const rule = (await ruleVersionById(db, clock.rule_version_id))!
    const daysLeft =
      clock.status !== 'running'
        ? null
        : rule.dayType === 'working'
          ? today > clock.due_date
            ? -Math.max(1, calendar.countWorkingDays(clock.due_date, today))
            : calendar.countWorkingDays(today, clock.due_date)
          : Math.round((Date.parse(clock.due_date) - Date.parse(today)) / 86_400_000)
    presentedClocks.push({
      id: clock.id,
      ruleId: clock.rule_id,
      ruleVersion: rule.version,
      ruleTitle: { zh: rule.titleZh, en: rule.titleEn },
      unverified: isUnverified(rule.confidence),
      status: clock.status,
      startedAt: clock.started_at,
      startDate: clock.start_date,
      dueDate: clock.due_date,
      daysLeft,
      computation: JSON.parse(clock.computation),
      suspensions: JSON.parse(clock.suspensions),
      extensions: JSON.parse(clock.extensions),
      metAt: clock.met_at,
      overdueAt: clock.overdue_at,
      escalation: clock.escalation ? JSON.parse(clock.escalation) : null,
    })
  }
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: row.state,
    stateLabel: declaration?.states[row.state] ?? { zh: row.state, en: row.state },
    districtId: row.district_id,
    matterId: row.matter_id,
    title: row.title,
    data: JSON.parse(row.data),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorLabel: e.actor_label,
      event: e.event,
      transition: e.transition,
      fromState: e.from_state,
      toState: e.to_state,
      data: JSON.parse(e.data),
    })),
    clocks: presentedClocks,
    actions: availableActions(context.actor, row),
  }
}
