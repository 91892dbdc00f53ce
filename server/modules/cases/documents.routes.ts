import { attachmentCreated, caseDocumentList, subIdParams, trackRequest } from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import { sendDownload } from '../../kernel/http/download.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { receiveFile } from '../../kernel/storage/upload.ts'
import {
  ATTACHMENT_TYPES,
  assertMayAttach,
  caseBlobStore,
  documentFile,
  listDocuments,
  MAX_ATTACHMENT_BYTES,
  readDocument,
  recordAttachment,
  recordDocumentRead,
} from './documents.ts'
import { casesErrors } from './errors.ts'
import { trackedCaseId } from './matters.ts'

const attachmentErrors = {
  tooLarge: casesErrors.attachment_too_large,
  type: casesErrors.attachment_type_refused,
  missing: casesErrors.attachment_missing,
}

export function documentRoutes(app: ZodApp, deps: AppDeps) {
  const store = caseBlobStore(deps.config)
  app.get(
    '/api/cases/:id/documents',
    {
      config: {},
      schema: {
        tags: ['cases'],
        summary:
          'Notices and attachments of a case the caller may see (staff in scope, submitter, respondent)',
        params: idParams,
        response: { 200: caseDocumentList },
      },
    },
    async (request) => listDocuments(request.readContext(), request.params.id),
  )
  app.get(
    '/api/cases/:id/documents/:subId/file',
    {
      config: {},
      schema: {
        tags: ['cases'],
        summary: 'Download a notice (PDF) or an attachment the caller is entitled to',
        params: subIdParams,
      },
    },
    async (request, reply) => {
      // The read is audited in its own transaction; the PDF is rendered after that commits.
      const doc = await request.write((c) => readDocument(c, request.params.id, request.params.subId))
      const file = await documentFile(request.readContext().db, deps.config, doc)
      return sendDownload(reply, { ...file, body: file.stream })
    },
  )
  app.post(
    '/api/cases/track/documents/:id/file',
    {
      // The secret travels in the body, never in a URL that logs and histories keep.
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Download a notice addressed to an anonymous submitter, with the tracking code and secret',
        params: idParams,
        body: trackRequest,
      },
    },
    async (request, reply) => {
      // Who downloaded what is recorded, as for tracking; the PDF is rendered after that commits.
      const doc = await request.write(async (c) => {
        const caseId = await trackedCaseId(c.trx, request.body.code, request.body.secret)
        return recordDocumentRead(c, caseId, request.params.id, 'submitter', 'case.document.tracked')
      })
      const file = await documentFile(request.readContext().db, deps.config, doc)
      return sendDownload(reply, { ...file, body: file.stream, cache: 'no-store' })
    },
  )
  app.post(
    '/api/cases/:id/attachments',
    {
      config: {},
      schema: {
        tags: ['cases'],
        summary:
          'Attach a file (multipart `file`, optional field `title`): PDF, images, Word/Excel, text; ≤ 20 MB',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentCreated },
      },
    },
    async (request, reply) => {
      // Check the right to attach before reading a byte of the upload.
      await assertMayAttach(request.readContext().db, request.actor, request.params.id)
      const file = await receiveFile(request, store, {
        maxBytes: MAX_ATTACHMENT_BYTES,
        types: ATTACHMENT_TYPES,
        errors: attachmentErrors,
        fields: ['title'],
      })
      const { staged, mediaType, fileName } = file
      const title = file.fields.title?.trim().slice(0, 200)
      try {
        // Bytes first, then the row: a recorded attachment always finds its file.
        await staged.commit()
        const created = await request.write((c) =>
          recordAttachment(c, request.params.id, {
            sha256: staged.sha256,
            size: staged.size,
            mediaType,
            fileName,
            title: title || fileName,
          }),
        )
        return reply.code(201).send(created)
      } catch (error) {
        await staged.discard()
        throw error
      }
    },
  )
}
