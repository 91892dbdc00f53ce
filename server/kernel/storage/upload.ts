import type { FastifyRequest } from 'fastify'
import { AppError, kernelErrors } from '../errors.ts'
import { type BlobStore, BlobTooLargeError, type StagedBlob } from './blob-store.ts'
import { normalizeMediaType, SNIFF_BYTES, sniffMatches } from './sniff.ts'

export interface ReceivedFile {
  /** Staged, not yet visible: the caller commits it before recording it, or discards it. */
  staged: StagedBlob
  /** The declared type, lower-cased without parameters, confirmed by the file's first bytes. */
  mediaType: string
  fileName: string
  /** The form fields named in `options.fields` that were sent, as text. */
  fields: Record<string, string>
}

export interface ReceiveFileOptions {
  maxBytes: number
  /** Accepted media types; each must also be confirmed by sniffing (sniff.ts). */
  types: ReadonlySet<string>
  /** Codes of the module's own localized errors: too large (413), refused type (415), no file (400). */
  errors: { tooLarge: string; type: string; missing: string }
  /** Form fields to return besides the file; others are ignored. */
  fields?: readonly string[]
}

/**
 * Streams the one file of a multipart request into `store`'s staging area, refusing it (and
 * leaving nothing behind) when it is larger than `maxBytes` or its type is not accepted or not
 * what its bytes are. Form fields other than `options.fields` are ignored.
 * @example
 * const file = await receiveFile(request, store, { maxBytes: 2 << 20, types: new Set(['image/png']), errors })
 * await file.staged.commit() // bytes first, then the row that refers to them
 */
export async function receiveFile(
  request: FastifyRequest,
  store: BlobStore,
  options: ReceiveFileOptions,
): Promise<ReceivedFile> {
  if (!request.isMultipart()) throw new AppError(kernelErrors.unsupported_media_type)
  let received: Omit<ReceivedFile, 'fields'> | undefined
  const fields: Record<string, string> = {}
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxBytes, files: 1 } })) {
      if (part.type === 'field') {
        if (options.fields?.includes(part.fieldname) && typeof part.value === 'string')
          fields[part.fieldname] = part.value
        continue
      }
      let staged: StagedBlob
      try {
        staged = await store.stage(part.file, { maxBytes: options.maxBytes, headBytes: SNIFF_BYTES })
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw new AppError(options.errors.tooLarge)
        throw error
      }
      received = {
        staged,
        mediaType: normalizeMediaType(part.mimetype),
        fileName: (part.filename || 'file').slice(0, 255),
      }
      if (part.file.truncated) throw new AppError(options.errors.tooLarge)
      if (!options.types.has(received.mediaType) || !sniffMatches(received.mediaType, staged.head))
        throw new AppError(options.errors.type)
    }
    if (!received) throw new AppError(options.errors.missing)
    return { ...received, fields }
  } catch (error) {
    await received?.staged.discard()
    const code = (error as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(options.errors.tooLarge)
    if (code === 'FST_FILES_LIMIT')
      throw new AppError(kernelErrors.payload_too_large, { detail: { maxFiles: 1 } })
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(kernelErrors.unsupported_media_type)
    throw error
  }
}
