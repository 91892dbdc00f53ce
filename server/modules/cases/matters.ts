// Matters (事项): every case about one dispute or infringer under one number the rights holder
// follows on the portal. Intake creates or joins a matter; staff link and split; facts shared with
// other cases (respondent USCC, right, listing URL) suggest duplicates. A party sees procedural
// facts only, and the data of what it submitted itself: a reporter's identity never reaches the
// respondent (rules.md 5.13).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { DuplicateSuggestion, PartyCaseView } from '../../../contracts/cases.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, can, isStaff, scopeCondition } from '../../kernel/access.ts'
import { insertRows } from '../../kernel/db/prepared.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId, newSecret } from '../../kernel/ids.ts'
import { documentsFor } from './documents.ts'
import { type CaseTypeDeclaration, caseTypeOf } from './engine/declaration.ts'
import { caseNumber, findCase, nextCounter, nextCounters, numberYear, openCase } from './engine/engine.ts'
import { appendCaseEvent } from './engine/timeline.ts'
import { casesErrors } from './errors.ts'

type Key = { kind: 'respondentUscc' | 'right' | 'listing'; value: string }

/** A listing URL as the same page: host lower-cased, no fragment, no trailing slash, sorted query. */
export function normalizeListingUrl(raw: string): string {
  try {
    const url = new URL(raw)
    url.hash = ''
    url.searchParams.sort()
    const path = url.pathname.replace(/\/+$/, '')
    return `${url.host.toLowerCase()}${path}${url.search}`
  } catch {
    return raw.trim().toLowerCase()
  }
}

/** The facts of a submission that identify the same dispute or infringer. */
export function caseKeysOf(data: Record<string, unknown>): Key[] {
  const keys: Key[] = []
  const respondent = data.respondent as { uscc?: string } | undefined
  if (respondent?.uscc) keys.push({ kind: 'respondentUscc', value: respondent.uscc.toUpperCase() })
  const right = data.right as { kind?: string; number?: string } | undefined
  if (right?.kind && right.number?.trim()) {
    keys.push({ kind: 'right', value: `${right.kind}:${right.number.replace(/\s+/g, '').toUpperCase()}` })
  }
  for (const l of (data.listings as { url: string }[] | undefined) ?? []) {
    keys.push({ kind: 'listing', value: normalizeListingUrl(l.url) })
  }
  const seen = new Set<string>()
  return keys.filter((k) => !seen.has(`${k.kind}|${k.value}`) && seen.add(`${k.kind}|${k.value}`))
}

const matterNumber = (year: number, last: number) => `SZ-${year}-${String(last).padStart(6, '0')}`

async function nextMatterNumber(trx: Tx, now: Date): Promise<string> {
  const year = numberYear(now)
  return matterNumber(year, await nextCounter(trx, 'matter', year))
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
function newTrackingCode(): string {
  const bytes = randomBytes(10)
  return `Q${[...bytes].map((b) => TRACKING_ALPHABET[b % 32]).join('')}`
}

/**
 * Opens a case from an intake form and files it: keys for duplicate suggestions, the submitter
 * (with a tracking code and secret for the anonymous public), and its matter — the submitter's own
 * open matter about the same respondent, right or listing, or a new one. Staff taking intake on
 * someone's behalf never join a matter automatically; they see the duplicates and link.
 */
export async function openIntake(
  context: WriteContext,
  declaration: CaseTypeDeclaration,
  values: { districtId: string | null; title: string; data: Record<string, unknown> },
) {
  const { trx, actor, now } = context
  const keys = caseKeysOf(values.data)
  const staff = isStaff(actor)
  const ownerEntity = staff ? null : actor.entityId
  const ownerUser = staff || actor.kind === 'anonymous' ? null : actor.userId
  // The matter first, so that the case is inserted with it (one statement fewer per intake).
  let matter: { id: string; number: string } | undefined
  if ((ownerEntity || ownerUser) && keys.length) {
    matter = await trx
      .selectFrom('matters')
      .innerJoin('cases', 'cases.matter_id', 'matters.id')
      .innerJoin('case_keys', 'case_keys.case_id', 'cases.id')
      .select(['matters.id', 'matters.number'])
      .where((eb) =>
        ownerEntity
          ? eb('matters.owner_entity_id', '=', ownerEntity)
          : eb('matters.owner_user_id', '=', ownerUser),
      )
      .where((eb) =>
        eb.or(
          keys.map((k) => eb.and([eb('case_keys.kind', '=', k.kind), eb('case_keys.value', '=', k.value)])),
        ),
      )
      .orderBy('matters.created_at', 'desc')
      .executeTakeFirst()
  }
  let number: string | undefined
  if (!matter) {
    // The matter's number and the case's in one statement.
    const year = numberYear(now)
    const [matterLast, caseLast] = await nextCounters(trx, ['matter', declaration.type], year)
    matter = { id: newId(now.getTime()), number: matterNumber(year, matterLast!) }
    number = caseNumber(declaration, year, caseLast!)
    await insertRows(trx, 'matters', [
      {
        ...matter,
        title: values.title,
        district_id: values.districtId,
        owner_entity_id: ownerEntity,
        owner_user_id: ownerEntity ? null : ownerUser,
        respondent_uscc: keys.find((k) => k.kind === 'respondentUscc')?.value ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    ])
  }
  const opened = await openCase(context, declaration, { ...values, matterId: matter.id, number })
  if (keys.length) {
    await insertRows(
      trx,
      'case_keys',
      keys.map((k) => ({ case_id: opened.id, kind: k.kind, value: k.value })),
    )
  }
  let tracking: { code: string; secret: string } | undefined
  if (actor.kind === 'anonymous') tracking = { code: newTrackingCode(), secret: newSecret(18) }
  await insertRows(trx, 'case_submissions', [
    {
      case_id: opened.id,
      user_id: actor.userId,
      entity_id: ownerEntity,
      tracking_code: tracking?.code ?? null,
      secret_hash: tracking ? sha256(tracking.secret) : null,
      created_at: now.toISOString(),
    },
  ])
  return {
    ...opened,
    matterNumber: matter.number,
    ...(tracking ? { tracking } : {}),
    ...(staff && can(actor, 'case.read') ? { duplicates: await duplicatesOf(trx, actor, opened.id) } : {}),
  }
}

/** Other cases in the caller's scope sharing a respondent USCC, a right or a listing with the case. */
export async function duplicatesOf(
  db: Db | Tx,
  actor: Actor,
  caseId: string,
): Promise<DuplicateSuggestion[]> {
  const rows = await db
    .selectFrom('case_keys as mine')
    .innerJoin('case_keys as other', (j) =>
      j.onRef('other.kind', '=', 'mine.kind').onRef('other.value', '=', 'mine.value'),
    )
    .innerJoin('cases', 'cases.id', 'other.case_id')
    .leftJoin('matters', 'matters.id', 'cases.matter_id')
    .select([
      'cases.id',
      'cases.number',
      'cases.type',
      'cases.state',
      'matters.number as matter_number',
      'other.kind',
    ])
    .where('mine.case_id', '=', caseId)
    .where('other.case_id', '!=', caseId)
    .where((eb) => scopeCondition(eb, actor, { district: 'cases.district_id' }))
    .orderBy('cases.id', 'desc')
    .limit(200)
    .execute()
  const byCase = new Map<string, DuplicateSuggestion>()
  for (const r of rows) {
    const s = byCase.get(r.id) ?? {
      caseId: r.id,
      number: r.number,
      type: r.type,
      state: r.state,
      matterNumber: r.matter_number,
      reasons: [],
    }
    if (!s.reasons.includes(r.kind as never)) s.reasons.push(r.kind as DuplicateSuggestion['reasons'][number])
    byCase.set(r.id, s)
  }
  return [...byCase.values()].slice(0, 20)
}

/** The case's matter and its likely duplicates, for the workbench's case page. */
export async function caseRelationsOf(context: ReadContext, caseId: string) {
  const row = await findCase(context.db, context.actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  let matter = null
  if (row.matter_id) {
    const m = await context.db
      .selectFrom('matters')
      .select(['number', 'title'])
      .select((eb) =>
        eb
          .selectFrom('cases')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('cases.matter_id', '=', 'matters.id')
          .as('n'),
      )
      .where('id', '=', row.matter_id)
      .executeTakeFirst()
    if (m) matter = { number: m.number, title: m.title, caseCount: Number(m.n) }
  }
  return { matter, duplicates: await duplicatesOf(context.db, context.actor, caseId) }
}

type CaseRowLite = {
  id: string
  number: string
  type: string
  state: string
  data: string
  created_at: string
  updated_at: string
}

/** Cases as a party sees them; `own` lists the cases whose submission the viewer may read. */
async function partyViews(
  db: Db | Tx,
  rows: CaseRowLite[],
  own: ReadonlySet<string>,
): Promise<PartyCaseView[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [events, clocks] = await Promise.all([
    db
      .selectFrom('case_events')
      .select(['case_id', 'at', 'event', 'to_state'])
      .where('case_id', 'in', ids)
      .where('to_state', 'is not', null)
      .orderBy('case_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('clocks')
      .select(['case_id', 'rule_id', 'due_date', 'status'])
      .where('case_id', 'in', ids)
      .orderBy('id')
      .execute(),
  ])
  return rows.map((r) => {
    const declaration = caseTypeOf(r.type)
    const data = JSON.parse(r.data) as Record<string, unknown>
    return {
      id: r.id,
      number: r.number,
      type: r.type,
      typeLabel: declaration?.label ?? { zh: r.type, en: r.type },
      state: r.state,
      stateLabel: declaration?.states[r.state] ?? { zh: r.state, en: r.state },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      steps: events
        .filter((e) => e.case_id === r.id)
        .map((e) => ({ at: e.at, event: e.event, toState: e.to_state })),
      deadlines: clocks
        .filter((c) => c.case_id === r.id)
        .map((c) => ({ ruleId: c.rule_id, dueDate: c.due_date, status: c.status })),
      ...(own.has(r.id) ? { submission: data } : {}),
    }
  })
}

const liteColumns = [
  'cases.id',
  'cases.number',
  'cases.type',
  'cases.state',
  'cases.data',
  'cases.created_at',
  'cases.updated_at',
] as const

/**
 * A matter as the caller may see it: staff the cases in their scope; the filer (owner) every case
 * but others' reports; the respondent (an enterprise whose USCC the cases name) the cases against
 * it, never a report. Anyone else: not found, so a number reveals nothing.
 */
export async function getMatter(context: ReadContext, number: string) {
  const { db, actor } = context
  const matter = await db.selectFrom('matters').selectAll().where('number', '=', number).executeTakeFirst()
  if (!matter) throw new AppError(casesErrors.matter_not_found)
  const base = db
    .selectFrom('cases')
    .select(liteColumns)
    .where('cases.matter_id', '=', matter.id)
    .orderBy('cases.id')
  const head = { number: matter.number, title: matter.title, createdAt: matter.created_at }
  if (isStaff(actor) && can(actor, 'case.read')) {
    const rows = await base
      .where((eb) => scopeCondition(eb, actor, { district: 'cases.district_id' }))
      .execute()
    if (rows.length === 0) throw new AppError(casesErrors.matter_not_found)
    return { ...head, viewer: 'staff' as const, cases: await partyViews(db, rows, new Set()) }
  }
  const ownerIs =
    (actor.entityId !== null && matter.owner_entity_id === actor.entityId) ||
    (actor.userId !== null && matter.owner_user_id === actor.userId)
  const mine = await db
    .selectFrom('case_submissions')
    .innerJoin('cases', 'cases.id', 'case_submissions.case_id')
    .select('case_submissions.case_id')
    .where('cases.matter_id', '=', matter.id)
    .where((eb) =>
      eb.or([
        ...(actor.entityId ? [eb('case_submissions.entity_id', '=', actor.entityId)] : []),
        ...(actor.userId ? [eb('case_submissions.user_id', '=', actor.userId)] : []),
        sql<SqlBool>`1 = 0`,
      ]),
    )
    .execute()
  const own = new Set(mine.map((m) => m.case_id))
  if (ownerIs) {
    const rows = (await base.execute()).filter((r) => r.type !== 'report' || own.has(r.id))
    return { ...head, viewer: 'owner' as const, cases: await partyViews(db, rows, own) }
  }
  if (actor.entityId) {
    const uscc = await entityUscc(db, actor.entityId)
    if (uscc) {
      const rows = await base.where((eb) => againstEntity(eb, uscc)).execute()
      // The title names the filer; the respondent sees the number only.
      if (rows.length) {
        const cases = await partyViews(db, rows, new Set())
        return { ...head, title: matter.number, viewer: 'respondent' as const, cases }
      }
    }
  }
  throw new AppError(casesErrors.matter_not_found)
}

async function entityUscc(db: Db | Tx, entityId: string) {
  return (await db.selectFrom('entities').select('uscc').where('id', '=', entityId).executeTakeFirst())?.uscc
}

/** Cases naming the entity as respondent, never a report (rules.md 5.13: a report stays with staff). */
function againstEntity(eb: ExpressionBuilder<Database, 'cases'>, uscc: string) {
  return eb.and([
    eb('cases.type', '!=', 'report'),
    eb.exists(
      eb
        .selectFrom('case_keys')
        .select('case_keys.case_id')
        .whereRef('case_keys.case_id', '=', 'cases.id')
        .where('case_keys.kind', '=', 'respondentUscc')
        .where('case_keys.value', '=', uscc),
    ),
  ])
}

/**
 * The signed-in user's cases, newest first: those it (or its enterprise) submitted, in full, and for
 * an enterprise those naming it as respondent, procedural steps only (as `getMatter` shows them).
 */
export async function myCases(context: ReadContext) {
  const { db, actor } = context
  const withMatter = () =>
    db
      .selectFrom('cases')
      .leftJoin('matters', 'matters.id', 'cases.matter_id')
      .select([...liteColumns, 'matters.number as matter_number'])
      .orderBy('cases.id', 'desc')
      .limit(200)
  const own = await withMatter()
    .innerJoin('case_submissions', 'case_submissions.case_id', 'cases.id')
    .where((eb) =>
      actor.entityId
        ? eb('case_submissions.entity_id', '=', actor.entityId)
        : eb('case_submissions.user_id', '=', actor.userId ?? ''),
    )
    .execute()
  const uscc = actor.entityId ? await entityUscc(db, actor.entityId) : undefined
  const ownIds = new Set(own.map((r) => r.id))
  const against = uscc
    ? (
        await withMatter()
          .where((eb) => againstEntity(eb, uscc))
          .execute()
      ).filter((r) => !ownIds.has(r.id))
    : []
  const [mine, theirs] = await Promise.all([partyViews(db, own, ownIds), partyViews(db, against, new Set())])
  const items = [
    ...mine.map((v, i) => ({ ...v, matterNumber: own[i]!.matter_number, role: 'submitter' as const })),
    ...theirs.map((v, i) => ({ ...v, matterNumber: against[i]!.matter_number, role: 'respondent' as const })),
  ]
  return { items: items.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)) }
}

/** An anonymous submitter's case by tracking code and secret; a wrong pair is simply not found. */
/** The case an anonymous submitter holds the tracking code and secret of; refused alike when either is wrong. */
async function trackedCase(db: Db | Tx, code: string, secret: string) {
  const row = await db
    .selectFrom('case_submissions')
    .innerJoin('cases', 'cases.id', 'case_submissions.case_id')
    .leftJoin('matters', 'matters.id', 'cases.matter_id')
    .select([...liteColumns, 'case_submissions.secret_hash', 'matters.number as matter_number'])
    .where('case_submissions.tracking_code', '=', code.toUpperCase())
    .executeTakeFirst()
  const given = Buffer.from(sha256(secret), 'hex')
  const kept = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex')
  if (!row || !timingSafeEqual(given, kept)) throw new AppError(casesErrors.tracking_not_found)
  return row
}

export async function trackCase(context: WriteContext, code: string, secret: string) {
  const { trx } = context
  const row = await trackedCase(trx, code, secret)
  await context.audit({ action: 'case.tracked', targetType: row.type, targetId: row.id })
  const [[view], documents] = await Promise.all([
    partyViews(trx, [row], new Set([row.id])),
    documentsFor(trx, row.id, 'submitter'),
  ])
  return { ...view!, matterNumber: row.matter_number, documents: documents.items }
}

/** The id of the case a tracking code and secret open (for the submitter's document downloads). */
export async function trackedCaseId(db: Db | Tx, code: string, secret: string): Promise<string> {
  return (await trackedCase(db, code, secret)).id
}

async function matterByNumber(trx: Tx, number: string) {
  const m = await trx.selectFrom('matters').selectAll().where('number', '=', number).executeTakeFirst()
  if (!m) throw new AppError(casesErrors.matter_not_found)
  return m
}

async function moveCase(
  context: WriteContext,
  caseId: string,
  to: { id: string; number: string },
  event: string,
) {
  const { trx, actor, now } = context
  const row = await findCase(trx, actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  const from = row.matter_id
    ? await trx.selectFrom('matters').select('number').where('id', '=', row.matter_id).executeTakeFirst()
    : undefined
  await trx.updateTable('cases').set({ matter_id: to.id }).where('id', '=', row.id).execute()
  await appendCaseEvent(trx, {
    caseId: row.id,
    at: now,
    actorId: actor.userId,
    actorLabel: actor.username ?? actor.kind,
    event,
    data: { from: from?.number ?? null, to: to.number },
  })
  await context.audit({
    action: event,
    targetType: row.type,
    targetId: row.id,
    before: { matter: from?.number ?? null },
    after: { matter: to.number },
  })
}

/** Staff put a case into a matter (the matter must hold a case in their scope). */
export async function linkCase(context: WriteContext, number: string, caseId: string) {
  const matter = await matterByNumber(context.trx, number)
  const visible = await context.trx
    .selectFrom('cases')
    .select('id')
    .where('matter_id', '=', matter.id)
    .where((eb) => scopeCondition(eb, context.actor, { district: 'cases.district_id' }))
    .executeTakeFirst()
  if (!visible) throw new AppError(casesErrors.matter_not_found)
  await moveCase(context, caseId, matter, 'matter.linked')
  return { number: matter.number }
}

/** Staff take a case out of its matter into a new one of its own. */
export async function splitCase(context: WriteContext, caseId: string) {
  const { trx, actor, now } = context
  const row = await findCase(trx, actor, caseId)
  if (!row) throw new AppError(casesErrors.case_not_found)
  const old = row.matter_id
    ? await trx.selectFrom('matters').selectAll().where('id', '=', row.matter_id).executeTakeFirst()
    : undefined
  const matter = { id: newId(now.getTime()), number: await nextMatterNumber(trx, now) }
  const uscc = await trx
    .selectFrom('case_keys')
    .select('value')
    .where('case_id', '=', row.id)
    .where('kind', '=', 'respondentUscc')
    .executeTakeFirst()
  await trx
    .insertInto('matters')
    .values({
      ...matter,
      title: row.title,
      district_id: row.district_id,
      owner_entity_id: old?.owner_entity_id ?? null,
      owner_user_id: old?.owner_user_id ?? null,
      respondent_uscc: uscc?.value ?? null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute()
  await moveCase(context, caseId, matter, 'matter.split')
  return { number: matter.number }
}
