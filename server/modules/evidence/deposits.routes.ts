import type { FastifyRequest } from 'fastify'
import { idParams } from '../../../contracts/common.ts'
import {
  depositFileParams,
  depositList,
  depositListQuery,
  depositMetadata,
  depositSchema,
  receiptSchema,
} from '../../../contracts/evidence-api.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import { sendDownload } from '../../kernel/http/download.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { BlobTooLargeError, type StagedBlob } from '../../kernel/storage/blob-store.ts'
import { normalizeMediaType, SNIFF_BYTES, sniffMatches } from '../../kernel/storage/sniff.ts'
import {
  assertMayLink,
  authorizeFileRead,
  blobStoreOf,
  createDeposit,
  type DepositFileInput,
  depositReceipt,
  getDeposit,
  listDeposits,
} from './deposits.service.ts'
import { evidenceErrors } from './errors.ts'
import { integratorOf } from './integrator.ts'
import { recordBlobIntents } from './orphans.ts'
import { renderReceiptPdf } from './receipt.pdf.ts'

const MAX_FILES = 20

/**
 * Reads the multipart body: every file is streamed into the blob store's staging area while being
 * hashed (never held in memory), checked against the size limit and sniffed against its declared
 * type. On any failure every staged file is removed, so nothing of a refused upload is stored.
 */
async function readUpload(request: FastifyRequest, maxBytes: number, store: ReturnType<typeof blobStoreOf>) {
  const staged: Array<{ blob: StagedBlob; mediaType: string; fileName: string }> = []
  const fields: Record<string, string> = {}
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: MAX_FILES, fieldSize: 8192 },
    })) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value
        continue
      }
      const mediaType = normalizeMediaType(part.mimetype)
      let blob: StagedBlob
      try {
        blob = await store.stage(part.file, { maxBytes, headBytes: SNIFF_BYTES })
      } catch (error) {
        const code = (error as { code?: string }).code
        if (error instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(evidenceErrors.evidence_file_too_large, {
            detail: { fileName: part.filename, maxBytes },
          })
        }
        throw error
      }
      staged.push({ blob, mediaType, fileName: part.filename || 'file' })
      if (part.file.truncated) {
        throw new AppError(evidenceErrors.evidence_file_too_large, {
          detail: { fileName: part.filename, maxBytes },
        })
      }
      if (!sniffMatches(mediaType, blob.head)) {
        throw new AppError(evidenceErrors.evidence_media_type_mismatch, {
          detail: { fileName: part.filename, declared: mediaType },
        })
      }
    }
  } catch (error) {
    await Promise.all(staged.map((s) => s.blob.discard()))
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
      throw new AppError(kernelErrors.payload_too_large, { detail: { maxFiles: MAX_FILES } })
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError(kernelErrors.unsupported_media_type)
    throw error
  }
  return { staged, fields }
}

export function depositRoutes(app: ZodApp, deps: AppDeps) {
  const store = blobStoreOf(deps.config)
  const integrator = integratorOf(deps, (message, error) => app.log.error({ err: error }, message))
  app.addHook('onClose', () => integrator.idle())

  app.post(
    '/api/evidence/deposits',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary:
          'Deposit evidence: multipart files (`file`, one or many) and fields title, description, captureUrl, capturedAt, caseId, matterId',
        consumes: ['multipart/form-data'],
        response: { 201: depositSchema },
      },
    },
    async (request, reply) => {
      const { staged, fields } = await readUpload(request, deps.config.evidence.maxFileBytes, store)
      try {
        const parsed = depositMetadata.safeParse(fields)
        if (!parsed.success) {
          throw new AppError(kernelErrors.validation_failed, {
            errors: parsed.error.issues.map((i) => ({
              path: ['body', ...i.path.map(String)].join('.'),
              code: i.code,
              message: i.message,
            })),
          })
        }
        if (staged.length === 0) throw new AppError(evidenceErrors.evidence_no_file)
        // Refuse a link the caller may not make before any byte is stored (checked again in the write).
        const { db, actor } = request.readContext()
        await assertMayLink(db, actor, parsed.data)
        const files: DepositFileInput[] = staged.map((s) => ({
          sha256: s.blob.sha256,
          size: s.blob.size,
          mediaType: s.mediaType,
          fileName: s.fileName.slice(0, 255),
        }))
        if (new Set(files.map((f) => f.sha256)).size !== files.length)
          throw new AppError(evidenceErrors.evidence_duplicate_file)
        // Bytes first (fsync + rename), then the row: an acknowledged deposit always finds its files.
        // A failed transaction leaves an unreferenced blob, which the orphan job removes after a grace period.
        await recordBlobIntents(
          deps.db,
          files.map((f) => f.sha256),
          deps.clock.now(),
        )
        for (const s of staged) await s.blob.commit()
        const deposit = await request.write((c) => createDeposit(c, parsed.data, files))
        integrator.kick()
        return reply.code(201).send(deposit)
      } catch (error) {
        await Promise.all(staged.map((s) => s.blob.discard()))
        throw error
      }
    },
  )

  app.get(
    '/api/evidence/deposits',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary: 'Deposits visible to the caller (own, own entity’s, linked cases in scope)',
        querystring: depositListQuery,
        response: { 200: depositList },
      },
    },
    async (request) => listDeposits(request.readContext(), request.query),
  )

  app.get(
    '/api/evidence/deposits/:id',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary: 'One deposit',
        params: idParams,
        response: { 200: depositSchema },
      },
    },
    async (request) => getDeposit(request.readContext(), request.params.id),
  )

  app.get(
    '/api/evidence/deposits/:id/files/:sha256',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary: 'Download a deposited file (every read is audited)',
        params: depositFileParams,
      },
    },
    async (request, reply) => {
      const file = await request.write((c) => authorizeFileRead(c, request.params.id, request.params.sha256))
      const stream = await store.open(file.sha256)
      if (!stream) throw new AppError(kernelErrors.not_found)
      return sendDownload(reply, { ...file, body: stream, cache: 'private, no-store' })
    },
  )

  app.get(
    '/api/evidence/deposits/:id/receipt',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary: 'The deposit’s receipt JSON (docs/evidence-log.md §7); 409 until integrated',
        params: idParams,
        response: { 200: receiptSchema },
      },
    },
    async (request, reply) => {
      const { receipt } = await depositReceipt(request.readContext(), request.params.id)
      return reply
        .header('content-disposition', `attachment; filename="receipt-${request.params.id}.json"`)
        .send(receipt)
    },
  )

  app.get(
    '/api/evidence/deposits/:id/receipt.pdf',
    {
      config: { permission: 'evidence.deposit' },
      schema: {
        tags: ['evidence'],
        summary: 'The printable deposit certificate (存证证书)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { receipt, deposit } = await depositReceipt(request.readContext(), request.params.id)
      const pdf = await renderReceiptPdf(receipt, deposit, deps.config.publicUrl)
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${request.params.id}.pdf"`)
        .send(pdf)
    },
  )
}
