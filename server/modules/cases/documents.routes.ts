import { attachmentCreated, caseDocumentList, subIdParams, trackRequest } from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import type { StagedBlob } from '../../kernel/storage/blob-store.ts'
import { BlobTooLargeError } from '../../kernel/storage/blob-store.ts'
import {
  assertMayAttach,
  attachmentTypeMatches,
  caseBlobStore,
  documentFile,
  listDocuments,
  MAX_ATTACHMENT_BYTES,
  readDocument,
  recordAttachment,
  recordDocumentRead,
  SNIFF_BYTES,
} from './documents.ts'
import { casesErrors } from './errors.ts'
import { trackedCaseId } from './matters.ts'

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
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.stream)
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
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.stream)
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
      let staged: StagedBlob | undefined
      let file: { mediaType: string; fileName: string } | undefined
      let title: string | undefined
      try {
        for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })) {
          if (part.type === 'field') {
            if (part.fieldname === 'title' && typeof part.value === 'string')
              title = part.value.trim().slice(0, 200)
            continue
          }
          if (staged) throw new AppError(kernelErrors.payload_too_large, { detail: { maxFiles: 1 } })
          try {
            staged = await store.stage(part.file, { maxBytes: MAX_ATTACHMENT_BYTES, headBytes: SNIFF_BYTES })
          } catch (error) {
            if (error instanceof BlobTooLargeError) throw new AppError(casesErrors.attachment_too_large)
            throw error
          }
          if (part.file.truncated) throw new AppError(casesErrors.attachment_too_large)
          file = { mediaType: part.mimetype, fileName: (part.filename || 'file').slice(0, 255) }
          if (!attachmentTypeMatches(part.mimetype, staged.head))
            throw new AppError(casesErrors.attachment_type_refused)
        }
        if (!staged || !file) throw new AppError(casesErrors.attachment_missing)
        // Bytes first, then the row: a recorded attachment always finds its file.
        await staged.commit()
        const blob = staged
        const meta = file
        const created = await request.write((c) =>
          recordAttachment(c, request.params.id, {
            sha256: blob.sha256,
            size: blob.size,
            mediaType: meta.mediaType.split(';')[0]!.trim().toLowerCase(),
            fileName: meta.fileName,
            title: title || meta.fileName,
          }),
        )
        return reply.code(201).send(created)
      } catch (error) {
        await staged?.discard()
        const code = (error as { code?: string }).code
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(casesErrors.attachment_too_large)
        if (code === 'FST_FILES_LIMIT')
          throw new AppError(kernelErrors.payload_too_large, { detail: { maxFiles: 1 } })
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
          throw new AppError(kernelErrors.unsupported_media_type)
        throw error
      }
    },
  )
}
