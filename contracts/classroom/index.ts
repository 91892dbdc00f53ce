import { z } from 'zod'
import { pageQuery } from '../common.ts'
import { mobilePhoneSchema } from '../identifiers/index.ts'

/**
 * The IP classroom (知识产权课堂) and the talent showcase (人才展示): courses, their sessions,
 * registrations with attendance and certificates, and consented talent profiles.
 */

export const COURSE_CATEGORIES = ['protection', 'enforcement', 'management', 'practice', 'overseas'] as const
export const COURSE_AUDIENCES = ['officials', 'executives', 'practitioners', 'public'] as const

export const courseInput = z.object({
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(2000).default(''),
  category: z.enum(COURSE_CATEGORIES),
  audience: z.enum(COURSE_AUDIENCES),
  lecturer: z.string().trim().min(1).max(100),
  /** Reading list, slides and links, one per line. */
  materials: z.string().trim().max(5000).default(''),
  published: z.boolean().default(true),
  /** District organization id; staff of a district create in their own. */
  districtId: z.string().min(1).max(64).nullable().optional(),
})
export type CourseInput = z.input<typeof courseInput>

export const courseSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  audience: z.enum(COURSE_AUDIENCES),
  lecturer: z.string(),
  materials: z.string(),
  published: z.boolean(),
  districtId: z.string().nullable(),
  createdAt: z.string(),
})
export type Course = z.infer<typeof courseSchema>

export const sessionInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.string().trim().max(200).default(''),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .default(null),
    capacity: z.number().int().min(1).max(10_000),
    registrationDeadline: z.iso.datetime({ offset: true }),
    organizer: z.string().trim().min(2).max(100),
    districtId: z.string().min(1).max(64).nullable().optional(),
  })
  .refine((s) => s.place !== '' || s.onlineUrl !== null, {
    path: ['place'],
    message: '请填写地点或线上链接 / a place or an online link is required',
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: '结束时间须晚于开始时间 / the end must be after the start',
  })
  .refine((s) => Date.parse(s.registrationDeadline) <= Date.parse(s.startsAt), {
    path: ['registrationDeadline'],
    message: '报名截止时间不得晚于开始时间 / registration must close by the start',
  })
export type SessionInput = z.input<typeof sessionInput>

export const sessionSchema = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  lecturer: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlisted: z.number().int(),
  registrationDeadline: z.string(),
  registrationOpen: z.boolean(),
  organizer: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
})
export type ClassroomSession = z.infer<typeof sessionSchema>

export const sessionListQuery = pageQuery.extend({
  /** upcoming: sessions not yet started (default); past; all. */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  courseId: z.string().max(64).optional(),
  category: z.enum(COURSE_CATEGORIES).optional(),
  district: z.string().max(64).optional(),
})

export const courseListQuery = pageQuery.extend({ category: z.enum(COURSE_CATEGORIES).optional() })

export const courseDetailSchema = courseSchema.extend({ sessions: z.array(sessionSchema) })

export const registrationInput = z.object({
  name: z.string().trim().min(2).max(50),
  phone: mobilePhoneSchema,
  organization: z.string().trim().max(100).default(''),
  /** When the session is full, join the waiting list instead of being refused. */
  waitlist: z.boolean().default(false),
})
export type RegistrationInput = z.input<typeof registrationInput>

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const

export const registrationSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  place: z.string(),
  name: z.string(),
  /** Masked unless the viewer is the registrant. */
  phone: z.string(),
  organization: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  attended: z.boolean(),
  /** Set once attendance is recorded; the certificate's verification number. */
  certificateNumber: z.string().nullable(),
  createdAt: z.string(),
})
export type Registration = z.infer<typeof registrationSchema>

/** Returned once to an anonymous registrant: the code to cancel or fetch the certificate later. */
export const registrationCreated = registrationSchema.extend({ accessCode: z.string().nullable() })

export const accessCodeQuery = z.object({ code: z.string().min(8).max(64).optional() })

export const attendanceInput = z.object({
  registrationIds: z.array(z.string().min(1).max(64)).min(1).max(1000),
  attended: z.boolean(),
})
export const attendanceResult = z.object({ updated: z.number().int() })

export const certificateVerification = z.object({
  number: z.string(),
  name: z.string(),
  courseTitle: z.string(),
  sessionDate: z.string(),
  organizer: z.string(),
  valid: z.boolean(),
})

// Talent showcase

export const TALENT_KINDS = ['expert', 'patentAgent', 'examiner'] as const
export type TalentKind = (typeof TALENT_KINDS)[number]
export const IPC_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const
export const CONSENT_SCOPES = ['profile', 'profileAndContact'] as const

export const talentInput = z.object({
  kind: z.enum(TALENT_KINDS),
  name: z.string().trim().min(2).max(50),
  title: z.string().trim().max(100).default(''),
  organization: z.string().trim().max(100).default(''),
  ipcSections: z.array(z.enum(IPC_SECTIONS)).max(8).default([]),
  topics: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  bio: z.string().trim().max(3000).default(''),
  phone: mobilePhoneSchema.nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  districtId: z.string().min(1).max(64).nullable().optional(),
})
export type TalentInput = z.input<typeof talentInput>

export const consentInput = z.object({
  scope: z.enum(CONSENT_SCOPES),
  /** How consent was obtained (signed form, e-mail), kept with the record. */
  note: z.string().trim().min(2).max(500),
})

export const talentSchema = z.object({
  id: z.string(),
  kind: z.enum(TALENT_KINDS),
  name: z.string(),
  title: z.string(),
  organization: z.string(),
  ipcSections: z.array(z.enum(IPC_SECTIONS)),
  topics: z.array(z.string()),
  bio: z.string(),
  /** Only when the person consented to publishing contact details, or for managing staff. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  published: z.boolean(),
  /** For managing staff only (null for everyone else). */
  consent: z
    .object({
      scope: z.enum(CONSENT_SCOPES).nullable(),
      recordedAt: z.string().nullable(),
      note: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
    })
    .nullable(),
  districtId: z.string().nullable(),
  /** The photo's address, while the profile has one the caller may see (alt text: the person's name). */
  photoUrl: z.string().nullable(),
})
export type TalentProfile = z.infer<typeof talentSchema>

/** A talent photo: JPEG, PNG or WebP (checked by content), at most 2 MiB. */
export const TALENT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const TALENT_PHOTO_MAX_BYTES = 2 * 1024 * 1024

export const talentListQuery = pageQuery.extend({
  kind: z.enum(TALENT_KINDS).optional(),
  ipcSection: z.enum(IPC_SECTIONS).optional(),
  q: z.string().trim().max(50).optional(),
})

/** What the classroom adds to the unified search: courses, sessions (source 'classroom') and talent. */
export const CLASSROOM_SEARCH_KINDS = ['course', 'session', 'talent'] as const
export const CLASSROOM_SEARCH_KIND_LABELS: Record<
  (typeof CLASSROOM_SEARCH_KINDS)[number],
  { zh: string; en: string }
> = {
  course: { zh: '课程', en: 'Course' },
  session: { zh: '课程场次', en: 'Course session' },
  talent: { zh: '人才', en: 'Talent' },
}
