import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import {
  accessCodeQuery,
  attendanceInput,
  attendanceResult,
  certificateVerification,
  consentInput,
  courseDetailSchema,
  courseInput,
  courseListQuery,
  courseSchema,
  registrationCreated,
  registrationInput,
  registrationSchema,
  sessionInput,
  sessionListQuery,
  sessionSchema,
  TALENT_PHOTO_MAX_BYTES,
  TALENT_PHOTO_TYPES,
  talentInput,
  talentListQuery,
  talentSchema,
} from '../../../contracts/classroom/index.ts'
import { idParams, pageOf } from '../../../contracts/common.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import { sendDownload } from '../../kernel/http/download.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { receiveFile } from '../../kernel/storage/upload.ts'
import { certificatePdf } from './certificate.ts'
import {
  createCourse,
  createSession,
  getCourse,
  getSession,
  listCourses,
  listSessions,
  updateCourse,
  updateSession,
} from './courses.service.ts'
import { classroomErrors } from './errors.ts'
import { classroomPageRoutes } from './pages.ts'
import {
  cancelRegistration,
  certificateOf,
  getRegistration,
  markAttendance,
  myRegistrations,
  register,
  sessionRegistrations,
  verifyCertificate,
} from './registrations.service.ts'
import {
  createTalent,
  getTalent,
  listTalent,
  recordConsent,
  setTalentPhoto,
  talentPhoto,
  updateTalent,
  withdrawConsent,
} from './talent.service.ts'
import { deletePhotoIfUnused, talentPhotoStore } from './talent-photos.ts'

const tags = ['classroom']
const talentTags = ['talent']

function sendPdf(reply: FastifyReply, data: Buffer, name: string) {
  return sendDownload(reply, { body: data, mediaType: 'application/pdf', fileName: name })
}

export function classroomRoutes(app: ZodApp, deps: AppDeps) {
  classroomPageRoutes(app, deps)
  const photos = talentPhotoStore(deps.config)
  app.get(
    '/api/classroom/courses',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Published courses; managing staff also see unpublished ones of their district',
        querystring: courseListQuery,
        response: { 200: pageOf(courseSchema) },
      },
    },
    async (request) => listCourses(request.readContext(), request.query),
  )
  app.get(
    '/api/classroom/courses/:id',
    {
      config: { public: true },
      schema: { tags, params: idParams, response: { 200: courseDetailSchema } },
    },
    async (request) => getCourse(request.readContext(), request.params.id),
  )
  app.post(
    '/api/classroom/courses',
    {
      config: { permission: 'classroom.manage' },
      schema: { tags, body: courseInput, response: { 201: courseSchema } },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createCourse(c, request.body))),
  )
  app.patch(
    '/api/classroom/courses/:id',
    {
      config: { permission: 'classroom.manage' },
      schema: { tags, params: idParams, body: courseInput, response: { 200: courseSchema } },
    },
    async (request) => request.write((c) => updateCourse(c, request.params.id, request.body)),
  )
  app.post(
    '/api/classroom/courses/:id/sessions',
    {
      config: { permission: 'classroom.manage' },
      schema: { tags, params: idParams, body: sessionInput, response: { 201: sessionSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createSession(c, request.params.id, request.body))),
  )
  app.get(
    '/api/classroom/sessions',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sessions of published courses (upcoming by default), with seats left',
        querystring: sessionListQuery,
        response: { 200: pageOf(sessionSchema) },
      },
    },
    async (request) => listSessions(request.readContext(), request.query),
  )
  app.get(
    '/api/classroom/sessions/:id',
    { config: { public: true }, schema: { tags, params: idParams, response: { 200: sessionSchema } } },
    async (request) => getSession(request.readContext(), request.params.id),
  )
  app.patch(
    '/api/classroom/sessions/:id',
    {
      config: { permission: 'classroom.manage' },
      schema: { tags, params: idParams, body: sessionInput, response: { 200: sessionSchema } },
    },
    async (request) => request.write((c) => updateSession(c, request.params.id, request.body)),
  )
  app.post(
    '/api/classroom/sessions/:id/registrations',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Register for a session: signed-in users under their account; the public with name and mobile number, getting an access code once',
        params: idParams,
        body: registrationInput,
        response: { 201: registrationCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => register(c, request.params.id, request.body))),
  )
  app.get(
    '/api/classroom/sessions/:id/registrations',
    {
      config: { permission: 'classroom.manage' },
      schema: {
        tags,
        summary: 'The check-in list of a session in the caller’s district (names and phones masked)',
        params: idParams,
        response: { 200: z.object({ items: z.array(registrationSchema) }) },
      },
    },
    async (request) => sessionRegistrations(request.readContext(), request.params.id),
  )
  app.post(
    '/api/classroom/sessions/:id/attendance',
    {
      config: { permission: 'classroom.manage' },
      schema: {
        tags,
        summary: 'Record or withdraw attendance for several registrations at once',
        params: idParams,
        body: attendanceInput,
        response: { 200: attendanceResult },
      },
    },
    async (request) => request.write((c) => markAttendance(c, request.params.id, request.body)),
  )
  app.get(
    '/api/classroom/registrations/mine',
    {
      schema: {
        tags,
        summary: 'The signed-in user’s registrations, with certificate numbers once attended',
        response: { 200: z.object({ items: z.array(registrationSchema) }) },
      },
    },
    async (request) => myRegistrations(request.readContext()),
  )
  app.get(
    '/api/classroom/registrations/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One registration of the caller (the public: with its access code)',
        params: idParams,
        querystring: accessCodeQuery,
        response: { 200: registrationSchema },
      },
    },
    async (request) => getRegistration(request.readContext(), request.params.id, request.query.code),
  )
  app.post(
    '/api/classroom/registrations/:id/cancellation',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Cancel one’s registration (the public: with its access code); frees the seat',
        params: idParams,
        body: accessCodeQuery,
        response: { 200: registrationSchema },
      },
    },
    async (request) => request.write((c) => cancelRegistration(c, request.params.id, request.body.code)),
  )
  app.get(
    '/api/classroom/registrations/:id/certificate',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The attendee’s certificate (结业证书) as PDF, once attendance is recorded',
        params: idParams,
        querystring: accessCodeQuery,
      },
    },
    async (request, reply) => {
      const data = await certificateOf(request.readContext(), request.params.id, request.query.code)
      return sendPdf(reply, await certificatePdf(data), `certificate-${data.number}.pdf`)
    },
  )
  app.get(
    '/api/classroom/certificates/:number',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Verify a certificate by its number (holder’s name masked)',
        params: z.object({ number: z.string().min(4).max(40) }),
        response: { 200: certificateVerification },
      },
    },
    async (request) => verifyCertificate(request.readContext(), request.params.number),
  )

  app.get(
    '/api/talent/profiles',
    {
      config: { public: true },
      schema: {
        tags: talentTags,
        summary: 'Talent profiles published with consent; contact details only where consented',
        querystring: talentListQuery,
        response: { 200: pageOf(talentSchema) },
      },
    },
    async (request) => listTalent(request.readContext(), request.query),
  )
  app.get(
    '/api/talent/profiles/:id',
    {
      config: { public: true },
      schema: { tags: talentTags, params: idParams, response: { 200: talentSchema } },
    },
    async (request) => getTalent(request.readContext(), request.params.id),
  )
  app.post(
    '/api/talent/profiles',
    {
      config: { permission: 'talent.manage' },
      schema: {
        tags: talentTags,
        summary: 'Create a profile (unpublished until consent is recorded)',
        body: talentInput,
        response: { 201: talentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createTalent(c, request.body))),
  )
  app.patch(
    '/api/talent/profiles/:id',
    {
      config: { permission: 'talent.manage' },
      schema: { tags: talentTags, params: idParams, body: talentInput, response: { 200: talentSchema } },
    },
    async (request) => request.write((c) => updateTalent(c, request.params.id, request.body)),
  )
  app.post(
    '/api/talent/profiles/:id/consent',
    {
      config: { permission: 'talent.manage' },
      schema: {
        tags: talentTags,
        summary: 'Record the person’s consent (scope, how it was given); publishes the profile',
        params: idParams,
        body: consentInput,
        response: { 200: talentSchema },
      },
    },
    async (request) => request.write((c) => recordConsent(c, request.params.id, request.body)),
  )
  app.post(
    '/api/talent/profiles/:id/consent/withdrawal',
    {
      config: { permission: 'talent.manage' },
      schema: {
        tags: talentTags,
        summary: 'Record withdrawal of consent; the profile is unpublished at once',
        params: idParams,
        response: { 200: talentSchema },
      },
    },
    async (request) => {
      const { profile, removedPhoto } = await request.write((c) => withdrawConsent(c, request.params.id))
      await deletePhotoIfUnused(deps.db, photos, removedPhoto)
      return profile
    },
  )
  talentPhotoRoutes(app, deps)
}

const photoErrors = {
  tooLarge: classroomErrors.talent_photo_too_large,
  type: classroomErrors.talent_photo_type,
  missing: classroomErrors.talent_photo_missing,
}

/** A consented profile's photo: uploaded and removed by talent.manage, shown while the profile is public. */
function talentPhotoRoutes(app: ZodApp, deps: AppDeps) {
  const photos = talentPhotoStore(deps.config)
  app.post(
    '/api/talent/profiles/:id/photo',
    {
      config: { permission: 'talent.manage' },
      schema: {
        tags: talentTags,
        summary: 'Set the photo of a consented profile (multipart `file`): JPEG, PNG or WebP, ≤ 2 MB',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: talentSchema },
      },
    },
    async (request) => {
      // The profile must be in scope and public before a byte of the upload is read.
      const profile = await getTalent(request.readContext(), request.params.id)
      if (!profile.published) throw new AppError(classroomErrors.talent_consent_required)
      const file = await receiveFile(request, photos, {
        maxBytes: TALENT_PHOTO_MAX_BYTES,
        types: new Set(TALENT_PHOTO_TYPES),
        errors: photoErrors,
      })
      let result: Awaited<ReturnType<typeof setTalentPhoto>>
      try {
        // Bytes first, then the row: a recorded photo always finds its file.
        await file.staged.commit()
        result = await request.write((c) =>
          setTalentPhoto(c, request.params.id, { sha256: file.staged.sha256, mediaType: file.mediaType }),
        )
      } catch (error) {
        await deletePhotoIfUnused(deps.db, photos, file.staged.sha256)
        throw error
      }
      await deletePhotoIfUnused(deps.db, photos, result.removedPhoto)
      return result.profile
    },
  )
  app.delete(
    '/api/talent/profiles/:id/photo',
    {
      config: { permission: 'talent.manage' },
      schema: { tags: talentTags, params: idParams, response: { 200: talentSchema } },
    },
    async (request) => {
      const { profile, removedPhoto } = await request.write((c) => setTalentPhoto(c, request.params.id, null))
      await deletePhotoIfUnused(deps.db, photos, removedPhoto)
      return profile
    },
  )
  app.get(
    '/api/talent/profiles/:id/photo',
    {
      config: { public: true },
      schema: { tags: talentTags, summary: 'The photo of a published profile', params: idParams },
    },
    async (request, reply) => {
      const photo = await talentPhoto(request.readContext(), request.params.id)
      const stream = await photos.open(photo.sha256)
      if (!stream) throw new AppError(kernelErrors.not_found)
      return reply
        .type(photo.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(stream)
    },
  )
}
