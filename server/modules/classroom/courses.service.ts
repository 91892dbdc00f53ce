import type { ExpressionBuilder } from 'kysely'
import type { z } from 'zod'
import type {
  ClassroomSession,
  Course,
  courseInput,
  courseListQuery,
  sessionInput,
  sessionListQuery,
} from '../../../contracts/classroom/index.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { classroomErrors } from './errors.ts'
import { indexCourse } from './search-document.ts'
import { promoteWaitlisted } from './seats.ts'

type CourseRow = Database['classroom_courses']
type SessionRow = Database['classroom_sessions']

// The public sees published courses; district staff their district's and every published one.
const courseScope = { district: 'classroom_courses.district_id', published: 'classroom_courses.published' }
// Changing a course or a session, or recording attendance, needs it in the caller's district.
const courseWriteScope = { district: 'classroom_courses.district_id' }
export const sessionWriteScope = { district: 'classroom_sessions.district_id' }

/** The staff member's own district, or the one asked for when the caller is city level. */
function districtFor(actor: Actor, requested: string | null | undefined): string | null {
  const districtId = requested === undefined ? actor.districtId : requested
  if (outsideDistrictScope(actor, districtId)) throw new AppError(kernelErrors.forbidden)
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

export async function readSession(context: WriteContext, id: string) {
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
