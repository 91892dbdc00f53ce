import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { z } from 'zod'
import type { Registration, registrationInput } from '../../../contracts/classroom/index.ts'
import { maskName, maskPhone } from '../../../contracts/identifiers/index.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { readSession, sessionWriteScope } from './courses.service.ts'
import { classroomErrors } from './errors.ts'
import { chinaDate } from './search-document.ts'
import { promoteWaitlisted, takeSeat } from './seats.ts'

type RegistrationRow = Database['classroom_registrations']

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
