import { createHash, randomBytes } from 'node:crypto'
import { type ExpressionBuilder, sql } from 'kysely'
import type { z } from 'zod'
import type {
  ClassroomSession,
  Course,
  courseInput,
  courseListQuery,
  Registration,
  registrationInput,
  sessionInput,
  sessionListQuery,
} from '../../../contracts/classroom/index.ts'
import { maskName, maskPhone } from '../../../contracts/identifiers/index.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, isStaff, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { classroomErrors } from './errors.ts'
import { chinaDate, indexCourse } from './search-document.ts'

type CourseRow = Database['classroom_courses']
type SessionRow = Database['classroom_sessions']
type RegistrationRow = Database['classroom_registrations']

// The public sees published courses; district staff their district's and every published one.
const courseScope = { district: 'classroom_courses.district_id', published: 'classroom_courses.published' }
// Changing a course or a session, or recording attendance, needs it in the caller's district.
const courseWriteScope = { district: 'classroom_courses.district_id' }
const sessionWriteScope = { district: 'classroom_sessions.district_id' }

/** The staff member's own district, or the one asked for when the caller is city level. */
function districtFor(actor: Actor, requested: string | null | undefined): string | null {
  const districtId = requested === undefined ? actor.districtId : requested
  if (isStaff(actor) && actor.districtId !== null && districtId !== actor.districtId)
    throw new AppError(kernelErrors.forbidden)
  return districtId
}

function presentCourse(row: CourseRow): Course {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    category: row.category as Course['category'],
    audience: row.audience as Course['audience'],
    lecturer: row.lecturer,
    materials: row.materials,
    published: row.published === 1,
    districtId: row.district_id,
    createdAt: row.created_at,
  }
}

export async function createCourse(
  context: WriteContext,
  input: z.output<typeof courseInput>,
): Promise<Course> {
  const now = context.now.toISOString()
  const row: CourseRow = {
    id: newId(context.now.getTime()),
    title: input.title,
    summary: input.summary,
    category: input.category,
    audience: input.audience,
    lecturer: input.lecturer,
    materials: input.materials,
    published: input.published ? 1 : 0,
    district_id: districtFor(context.actor, input.districtId),
    created_by: context.actor.userId,
    created_at: now,
    updated_at: now,
  }
  await context.trx.insertInto('classroom_courses').values(row).execute()
  await indexCourse(context.trx, row.id, context.now)
  await context.audit({
    action: 'classroom.course.create',
    targetType: 'classroomCourse',
    targetId: row.id,
    after: row,
  })
  return presentCourse(row)
}

export async function updateCourse(
  context: WriteContext,
  id: string,
  input: z.output<typeof courseInput>,
): Promise<Course> {
  const before = await context.trx
    .selectFrom('classroom_courses')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, courseWriteScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  const changes = {
    title: input.title,
    summary: input.summary,
    category: input.category,
    audience: input.audience,
    lecturer: input.lecturer,
    materials: input.materials,
    published: input.published ? 1 : 0,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('classroom_courses').set(changes).where('id', '=', id).execute()
  await indexCourse(context.trx, id, context.now)
  await context.audit({
    action: 'classroom.course.update',
    targetType: 'classroomCourse',
    targetId: id,
    before,
    after: changes,
  })
  return presentCourse({ ...before, ...changes })
}

export async function listCourses(context: ReadContext, query: z.output<typeof courseListQuery>) {
  let q = context.db
    .selectFrom('classroom_courses')
    .where((eb) => scopeCondition(eb, context.actor, courseScope))
  if (query.category) q = q.where('category', '=', query.category)
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map(presentCourse),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getCourse(context: ReadContext, id: string) {
  const row = await context.db
    .selectFrom('classroom_courses')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, courseScope))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  const sessions = await listSessions(context, { when: 'all', courseId: id, page: 1, pageSize: 200 })
  return { ...presentCourse(row), sessions: sessions.items }
}

function sessionQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('classroom_sessions')
    .innerJoin('classroom_courses', 'classroom_courses.id', 'classroom_sessions.course_id')
    .leftJoin('organizations', 'organizations.id', 'classroom_sessions.district_id')
    .where((eb) => scopeCondition(eb, actor, courseScope))
}

const sessionColumns = (eb: ExpressionBuilder<Database, 'classroom_sessions'>) =>
  [
    'classroom_sessions.id',
    'classroom_sessions.course_id',
    'classroom_sessions.starts_at',
    'classroom_sessions.ends_at',
    'classroom_sessions.place',
    'classroom_sessions.online_url',
    'classroom_sessions.capacity',
    'classroom_sessions.seats_taken',
    'classroom_sessions.registration_deadline',
    'classroom_sessions.organizer',
    'classroom_sessions.district_id',
    'classroom_courses.title as course_title',
    'classroom_courses.category',
    'classroom_courses.lecturer',
    'classroom_courses.published',
    'organizations.name_zh',
    'organizations.name_en',
    eb
      .selectFrom('classroom_registrations as w')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('w.session_id', '=', 'classroom_sessions.id')
      .where('w.status', '=', 'waitlisted')
      .as('waitlisted'),
  ] as const

type SessionListRow = SessionRow & {
  course_title: string
  category: string
  lecturer: string
  published: number
  name_zh: string | null
  name_en: string | null
  waitlisted: number | string | null
}

function presentSession(row: SessionListRow, context: ReadContext): ClassroomSession {
  return {
    id: row.id,
    courseId: row.course_id,
    courseTitle: row.course_title,
    category: row.category as ClassroomSession['category'],
    lecturer: row.lecturer,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    onlineUrl: row.online_url,
    capacity: row.capacity,
    seatsLeft: Math.max(0, row.capacity - row.seats_taken),
    waitlisted: Number(row.waitlisted ?? 0),
    registrationDeadline: row.registration_deadline,
    registrationOpen: row.published === 1 && context.now.toISOString() < row.registration_deadline,
    organizer: row.organizer,
    districtId: row.district_id,
    districtName: context.lang === 'en' ? row.name_en : row.name_zh,
  }
}

export async function listSessions(context: ReadContext, query: z.output<typeof sessionListQuery>) {
  const now = context.now.toISOString()
  let q = sessionQuery(context.db, context.actor)
  if (query.when === 'upcoming') q = q.where('classroom_sessions.starts_at', '>', now)
  if (query.when === 'past') q = q.where('classroom_sessions.starts_at', '<=', now)
  if (query.courseId) q = q.where('classroom_sessions.course_id', '=', query.courseId)
  if (query.category) q = q.where('classroom_courses.category', '=', query.category)
  if (query.district) q = q.where('classroom_sessions.district_id', '=', query.district)
  const [rows, count] = await Promise.all([
    q
      .select(sessionColumns)
      .orderBy('classroom_sessions.starts_at', query.when === 'past' ? 'desc' : 'asc')
      .orderBy('classroom_sessions.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => presentSession(r as SessionListRow, context)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getSession(context: ReadContext, id: string): Promise<ClassroomSession> {
  const row = await sessionQuery(context.db, context.actor)
    .select(sessionColumns)
    .where('classroom_sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return presentSession(row as SessionListRow, context)
}

async function readSession(context: WriteContext, id: string) {
  const row = await sessionQuery(context.trx, context.actor)
    .select(sessionColumns)
    .where('classroom_sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return presentSession(row as SessionListRow, { ...context, db: context.trx })
}

export async function createSession(
  context: WriteContext,
  courseId: string,
  input: z.output<typeof sessionInput>,
): Promise<ClassroomSession> {
  const course = await context.trx
    .selectFrom('classroom_courses')
    .select(['id', 'district_id'])
    .where('id', '=', courseId)
    .where((eb) => scopeCondition(eb, context.actor, courseWriteScope))
    .executeTakeFirst()
  if (!course) throw new AppError(kernelErrors.not_found)
  const now = context.now.toISOString()
  const row: SessionRow = {
    id: newId(context.now.getTime()),
    course_id: course.id,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    place: input.place,
    online_url: input.onlineUrl,
    capacity: input.capacity,
    seats_taken: 0,
    registration_deadline: new Date(input.registrationDeadline).toISOString(),
    organizer: input.organizer,
    district_id: districtFor(
      context.actor,
      input.districtId === undefined ? course.district_id : input.districtId,
    ),
    created_at: now,
    updated_at: now,
  }
  await context.trx.insertInto('classroom_sessions').values(row).execute()
  await indexCourse(context.trx, course.id, context.now)
  await context.audit({
    action: 'classroom.session.create',
    targetType: 'classroomSession',
    targetId: row.id,
    after: row,
  })
  return readSession(context, row.id)
}

export async function updateSession(
  context: WriteContext,
  id: string,
  input: z.output<typeof sessionInput>,
): Promise<ClassroomSession> {
  const before = await context.trx
    .selectFrom('classroom_sessions')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, sessionWriteScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  if (input.capacity < before.seats_taken) throw new AppError(classroomErrors.classroom_capacity_below_taken)
  const changes = {
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    place: input.place,
    online_url: input.onlineUrl,
    capacity: input.capacity,
    registration_deadline: new Date(input.registrationDeadline).toISOString(),
    organizer: input.organizer,
    updated_at: context.now.toISOString(),
  }
  // The capacity check is repeated in the UPDATE so a registration committed meanwhile is respected.
  const result = await context.trx
    .updateTable('classroom_sessions')
    .set(changes)
    .where('id', '=', id)
    .where('seats_taken', '<=', input.capacity)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw new AppError(classroomErrors.classroom_capacity_below_taken)
  await promoteWaitlisted(context, id)
  await indexCourse(context.trx, before.course_id, context.now)
  await context.audit({
    action: 'classroom.session.update',
    targetType: 'classroomSession',
    targetId: id,
    before,
    after: changes,
  })
  return readSession(context, id)
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex')
}

function presentRegistration(
  row: RegistrationRow & { course_title: string; starts_at: string; place: string },
  own: boolean,
): Registration {
  return {
    id: row.id,
    sessionId: row.session_id,
    courseTitle: row.course_title,
    startsAt: row.starts_at,
    place: row.place,
    name: own ? row.name : maskName(row.name),
    phone: own ? row.phone : maskPhone(row.phone),
    organization: row.organization,
    status: row.status,
    attended: row.attended === 1,
    certificateNumber: row.certificate_number,
    createdAt: row.created_at,
  }
}

function registrationQuery(db: Db | Tx) {
  return db
    .selectFrom('classroom_registrations')
    .innerJoin('classroom_sessions', 'classroom_sessions.id', 'classroom_registrations.session_id')
    .innerJoin('classroom_courses', 'classroom_courses.id', 'classroom_sessions.course_id')
    .selectAll('classroom_registrations')
    .select([
      'classroom_courses.title as course_title',
      'classroom_sessions.starts_at',
      'classroom_sessions.place',
    ])
}

/** Takes a seat if one is left; the condition in the UPDATE is what prevents overbooking. */
async function takeSeat(trx: Tx, sessionId: string): Promise<boolean> {
  const result = await trx
    .updateTable('classroom_sessions')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', sessionId)
    .whereRef('seats_taken', '<', 'capacity')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves the earliest waitlisted registrations into freed seats. */
async function promoteWaitlisted(context: WriteContext, sessionId: string): Promise<void> {
  for (;;) {
    const next = await context.trx
      .selectFrom('classroom_registrations')
      .select(['id'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst()
    if (!next || !(await takeSeat(context.trx, sessionId))) return
    await context.trx
      .updateTable('classroom_registrations')
      .set({ status: 'registered', updated_at: context.now.toISOString() })
      .where('id', '=', next.id)
      .execute()
    await context.audit({
      action: 'classroom.registration.promote',
      targetType: 'classroomRegistration',
      targetId: next.id,
      before: { status: 'waitlisted' },
      after: { status: 'registered' },
    })
  }
}

/**
 * Registers a person for a session: signed-in users (enterprise users, staff) under their account,
 * the public with name and mobile number and an access code returned once.
 */
export async function register(
  context: WriteContext,
  sessionId: string,
  input: z.output<typeof registrationInput>,
): Promise<Registration & { accessCode: string | null }> {
  const session = await readSession(context, sessionId)
  if (!session.registrationOpen) throw new AppError(classroomErrors.classroom_registration_closed)
  const existing = await context.trx
    .selectFrom('classroom_registrations')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('phone', '=', input.phone)
    .executeTakeFirst()
  if (existing && existing.status !== 'cancelled')
    throw new AppError(classroomErrors.classroom_already_registered)
  const seat = await takeSeat(context.trx, sessionId)
  if (!seat && !input.waitlist) throw new AppError(classroomErrors.classroom_session_full)
  const anonymous = context.actor.kind === 'anonymous'
  const accessCode = anonymous ? randomBytes(12).toString('base64url') : null
  const now = context.now.toISOString()
  const row: RegistrationRow = {
    id: existing?.id ?? newId(context.now.getTime()),
    session_id: sessionId,
    user_id: context.actor.userId,
    entity_id: context.actor.entityId,
    name: input.name,
    phone: input.phone,
    organization: input.organization,
    status: seat ? 'registered' : 'waitlisted',
    attended: 0,
    attended_at: null,
    certificate_number: null,
    access_code_hash: accessCode ? hashCode(accessCode) : null,
    created_at: now,
    updated_at: now,
  }
  if (existing) {
    const { id: _id, ...changes } = row
    await context.trx
      .updateTable('classroom_registrations')
      .set(changes)
      .where('id', '=', existing.id)
      .execute()
  } else {
    await context.trx.insertInto('classroom_registrations').values(row).execute()
  }
  await context.audit({
    action: 'classroom.registration.create',
    targetType: 'classroomRegistration',
    targetId: row.id,
    after: { sessionId, status: row.status, name: maskName(row.name), phone: maskPhone(row.phone) },
  })
  return {
    ...presentRegistration(
      { ...row, course_title: session.courseTitle, starts_at: session.startsAt, place: session.place },
      true,
    ),
    accessCode,
  }
}

/** A registration the caller holds: by account, or for the public by the access code. */
async function ownRegistration(db: Db | Tx, actor: Actor, id: string, code: string | undefined) {
  const row = await registrationQuery(db).where('classroom_registrations.id', '=', id).executeTakeFirst()
  const mine =
    row &&
    ((actor.userId !== null && row.user_id === actor.userId) ||
      (code !== undefined && row.access_code_hash !== null && row.access_code_hash === hashCode(code)))
  if (!row || !mine) throw new AppError(kernelErrors.not_found)
  return row
}

export async function cancelRegistration(
  context: WriteContext,
  id: string,
  code: string | undefined,
): Promise<Registration> {
  const row = await ownRegistration(context.trx, context.actor, id, code)
  if (row.status === 'cancelled') throw new AppError(classroomErrors.classroom_registration_cancelled)
  if (row.attended === 1) throw new AppError(classroomErrors.classroom_attendance_locked)
  const now = context.now.toISOString()
  await context.trx
    .updateTable('classroom_registrations')
    .set({ status: 'cancelled', updated_at: now })
    .where('id', '=', id)
    .execute()
  if (row.status === 'registered') {
    await context.trx
      .updateTable('classroom_sessions')
      .set({ seats_taken: sql`seats_taken - 1` })
      .where('id', '=', row.session_id)
      .execute()
    await promoteWaitlisted(context, row.session_id)
  }
  await context.audit({
    action: 'classroom.registration.cancel',
    targetType: 'classroomRegistration',
    targetId: id,
    before: { status: row.status },
    after: { status: 'cancelled' },
  })
  return presentRegistration({ ...row, status: 'cancelled', updated_at: now }, true)
}

export async function myRegistrations(context: ReadContext) {
  if (context.actor.userId === null) return { items: [] }
  const rows = await registrationQuery(context.db)
    .where('classroom_registrations.user_id', '=', context.actor.userId)
    .orderBy('classroom_sessions.starts_at', 'desc')
    .execute()
  return { items: rows.map((r) => presentRegistration(r, true)) }
}

export async function getRegistration(context: ReadContext, id: string, code: string | undefined) {
  return presentRegistration(await ownRegistration(context.db, context.actor, id, code), true)
}

/** The organizer's check-in list: every registration of a session in the caller's district, phones masked. */
export async function sessionRegistrations(context: ReadContext, sessionId: string) {
  const session = await context.db
    .selectFrom('classroom_sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where((eb) => scopeCondition(eb, context.actor, sessionWriteScope))
    .executeTakeFirst()
  if (!session) throw new AppError(kernelErrors.not_found)
  const rows = await registrationQuery(context.db)
    .where('classroom_registrations.session_id', '=', sessionId)
    .orderBy('classroom_registrations.status')
    .orderBy('classroom_registrations.created_at')
    .orderBy('classroom_registrations.id')
    .execute()
  return { items: rows.map((r) => presentRegistration(r, false)) }
}

/** A certificate number: not guessable, so that knowing one does not reveal the others. */
function certificateNumber(startsAt: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const bytes = randomBytes(10)
  const tail = [...bytes].map((b) => alphabet[b % 32]).join('')
  return `KT${chinaDate(startsAt).slice(0, 4)}-${tail}`
}

/** Records (or withdraws) attendance for several registrations of one session at once. */
export async function markAttendance(
  context: WriteContext,
  sessionId: string,
  input: { registrationIds: string[]; attended: boolean },
) {
  const session = await context.trx
    .selectFrom('classroom_sessions')
    .select(['id', 'starts_at'])
    .where('id', '=', sessionId)
    .where((eb) => scopeCondition(eb, context.actor, sessionWriteScope))
    .executeTakeFirst()
  if (!session) throw new AppError(kernelErrors.not_found)
  const ids = [...new Set(input.registrationIds)]
  const rows = await context.trx
    .selectFrom('classroom_registrations')
    .select(['id', 'status', 'attended', 'certificate_number'])
    .where('session_id', '=', sessionId)
    .where('id', 'in', ids)
    .execute()
  if (rows.length !== ids.length) throw new AppError(kernelErrors.not_found)
  if (rows.some((r) => r.status !== 'registered'))
    throw new AppError(classroomErrors.classroom_not_registered)
  let updated = 0
  const now = context.now.toISOString()
  for (const r of rows) {
    if ((r.attended === 1) === input.attended) continue
    const changes = input.attended
      ? {
          attended: 1,
          attended_at: now,
          certificate_number: r.certificate_number ?? certificateNumber(session.starts_at),
          updated_at: now,
        }
      : { attended: 0, attended_at: null, certificate_number: null, updated_at: now }
    await context.trx.updateTable('classroom_registrations').set(changes).where('id', '=', r.id).execute()
    await context.audit({
      action: input.attended ? 'classroom.attendance.mark' : 'classroom.attendance.unmark',
      targetType: 'classroomRegistration',
      targetId: r.id,
      before: { attended: r.attended === 1, certificateNumber: r.certificate_number },
      after: { attended: input.attended, certificateNumber: changes.certificate_number },
    })
    updated++
  }
  return { updated }
}

/** The attendee's certificate data, once attendance is recorded (the PDF is rendered from it). */
export async function certificateOf(context: ReadContext, id: string, code: string | undefined) {
  const row = await ownRegistration(context.db, context.actor, id, code)
  if (row.status !== 'registered' || row.attended !== 1 || !row.certificate_number)
    throw new AppError(classroomErrors.classroom_no_certificate)
  const data = await certificateData(context.db, row.certificate_number)
  if (!data) throw new AppError(kernelErrors.not_found)
  return data
}

async function certificateData(db: Db, number: string) {
  return db
    .selectFrom('classroom_registrations')
    .innerJoin('classroom_sessions', 'classroom_sessions.id', 'classroom_registrations.session_id')
    .innerJoin('classroom_courses', 'classroom_courses.id', 'classroom_sessions.course_id')
    .select([
      'classroom_registrations.certificate_number as number',
      'classroom_registrations.name',
      'classroom_registrations.attended',
      'classroom_registrations.status',
      'classroom_courses.title as courseTitle',
      'classroom_courses.lecturer',
      'classroom_sessions.starts_at',
      'classroom_sessions.ends_at',
      'classroom_sessions.organizer',
    ])
    .where('classroom_registrations.certificate_number', '=', number)
    .executeTakeFirst()
}

/** Public check of a certificate number: the holder's name masked. */
export async function verifyCertificate(context: ReadContext, number: string) {
  const c = await certificateData(context.db, number.trim().toUpperCase())
  if (!c) throw new AppError(kernelErrors.not_found)
  return {
    number: c.number!,
    name: maskName(c.name),
    courseTitle: c.courseTitle,
    sessionDate: chinaDate(c.starts_at),
    organizer: c.organizer,
    valid: c.attended === 1 && c.status === 'registered',
  }
}

export type CertificateData = Awaited<ReturnType<typeof certificateOf>>

/**
 * Training attendance (cockpit T24, 培训人次): one per registration with recorded attendance, for
 * sessions that started within the window (China dates, inclusive).
 */
export async function trainingAttendance(db: Db | Tx, window: { from: string; to: string }) {
  const from = new Date(`${window.from}T00:00:00+08:00`).toISOString()
  const to = new Date(Date.parse(`${window.to}T00:00:00+08:00`) + 86_400_000).toISOString()
  const rows = await db
    .selectFrom('classroom_registrations')
    .innerJoin('classroom_sessions', 'classroom_sessions.id', 'classroom_registrations.session_id')
    .innerJoin('classroom_courses', 'classroom_courses.id', 'classroom_sessions.course_id')
    .select([
      'classroom_registrations.id',
      'classroom_registrations.name',
      'classroom_courses.title',
      'classroom_sessions.starts_at',
    ])
    .where('classroom_registrations.attended', '=', 1)
    .where('classroom_registrations.status', '=', 'registered')
    .where('classroom_sessions.starts_at', '>=', from)
    .where('classroom_sessions.starts_at', '<', to)
    .orderBy('classroom_sessions.starts_at')
    .orderBy('classroom_registrations.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    label: `${r.title}（${chinaDate(r.starts_at)}）· ${maskName(r.name)}`,
  }))
}
