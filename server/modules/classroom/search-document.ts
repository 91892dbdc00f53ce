import type { Database, Tx } from '../../database.ts'
import { indexDocument, removeDocument } from '../../kernel/search/index.ts'

/**
 * Keeps the unified search in step with the classroom, in the caller's transaction: courses
 * (with their sessions' dates and places) and sessions are source 'classroom', published talent
 * profiles source 'talent' (see server/modules/search/sources.ts).
 */
export async function indexCourse(trx: Tx, courseId: string, now: Date): Promise<void> {
  const course = await trx
    .selectFrom('classroom_courses')
    .selectAll()
    .where('id', '=', courseId)
    .executeTakeFirstOrThrow()
  const sessions = await trx
    .selectFrom('classroom_sessions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('starts_at')
    .execute()
  const sessionLines = sessions.map((s) => `${chinaDate(s.starts_at)} ${s.place} ${s.organizer}`)
  await indexDocument(
    trx,
    {
      source: 'classroom',
      sourceId: course.id,
      kind: 'course',
      title: course.title,
      body: [course.summary, course.materials, ...sessionLines].filter(Boolean).join('\n'),
      names: [course.lecturer],
      districtId: course.district_id,
      entityId: null,
      published: course.published === 1,
      sortDate: sessions.at(-1) ? chinaDate(sessions.at(-1)!.starts_at) : course.created_at.slice(0, 10),
    },
    now,
  )
  for (const s of sessions) {
    await indexDocument(
      trx,
      {
        source: 'classroom',
        sourceId: s.id,
        kind: 'session',
        title: `${course.title}（${chinaDate(s.starts_at)}）`,
        body: [s.place, s.organizer, course.summary].filter(Boolean).join('\n'),
        names: [course.lecturer],
        districtId: s.district_id,
        entityId: null,
        published: course.published === 1,
        sortDate: chinaDate(s.starts_at),
      },
      now,
    )
  }
}

export async function indexTalent(trx: Tx, row: Database['talent_profiles'], now: Date): Promise<void> {
  // Without consent nothing of the person stays in the index, not even for staff.
  if (row.published !== 1) return removeDocument(trx, 'talent', row.id)
  const topics = JSON.parse(row.topics) as string[]
  const sections = JSON.parse(row.ipc_sections) as string[]
  await indexDocument(
    trx,
    {
      source: 'talent',
      sourceId: row.id,
      kind: 'talent',
      title: [row.name, row.title].filter(Boolean).join(' '),
      body: [row.organization, topics.join('、'), row.bio].filter(Boolean).join('\n'),
      names: [row.name],
      districtId: row.district_id,
      entityId: null,
      published: true,
      sortDate: row.updated_at.slice(0, 10),
      classes: sections.map((code) => ({ scheme: 'ipc', code })),
    },
    now,
  )
}

/** Re-indexes every course, session and talent profile; returns the number of records. */
export async function reindexClassroom(trx: Tx, now: Date): Promise<number> {
  const courses = await trx.selectFrom('classroom_courses').select('id').orderBy('id').execute()
  for (const c of courses) await indexCourse(trx, c.id, now)
  const talent = await trx.selectFrom('talent_profiles').selectAll().orderBy('id').execute()
  for (const row of talent) await indexTalent(trx, row, now)
  return courses.length + talent.length
}

/** The date of an instant in China (UTC+8). */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)
}
