import type { FastifyRequest } from 'fastify'
import { type ImportedTable, readTable } from '../documents/tables.ts'
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

const IMPORT_KINDS = ['json', 'csv', 'xlsx'] as const

/** Imports are parsed whole in memory, so they get a far smaller limit than stored uploads. */
export const IMPORT_MAX_BYTES = 20 * 2 ** 20

export interface ImportFile<K extends string> {
  fileName: string
  /** The file name's extension, lower-cased. */
  kind: K
  data: Buffer
}

/**
 * Reads the one uploaded file of an import (multipart field `file`) fully into memory: for small
 * files (JSON, CSV, Excel) that are parsed whole. No multipart body or no file: `options.missing`;
 * larger than IMPORT_MAX_BYTES: 413; a file name not ending in one of `options.kinds` (when given): 415.
 * @example
 * const file = await receiveImportFile(request, { kinds: ['csv', 'xlsx'], missing: errors.import_unreadable })
 * const table = await readTable(file.data, file.kind)
 */
export async function receiveImportFile<K extends string = string>(
  request: FastifyRequest,
  options: { kinds?: readonly K[]; missing: string },
): Promise<ImportFile<K>> {
  const file = request.isMultipart()
    ? await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } })
    : undefined
  if (!file) throw new AppError(options.missing)
  let data: Buffer
  try {
    data = await file.toBuffer()
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(kernelErrors.payload_too_large, { detail: { maxBytes: IMPORT_MAX_BYTES } })
    throw error
  }
  const kind = file.filename.toLowerCase().split('.').pop() as K
  if (options.kinds && !options.kinds.includes(kind)) throw new AppError(kernelErrors.unsupported_media_type)
  return { fileName: file.filename, kind, data }
}

/**
 * The items of an import sent either as an uploaded *.json, *.csv or *.xlsx file (multipart field
 * `file`) or as the JSON body. `json` takes the parsed JSON document, `table` the spreadsheet
 * (tables.ts); anything they throw other than an AppError (a ZodError, say), and a file that cannot
 * be read, is the module's `unreadable` error. `source` is the file name, or 'json'.
 * @example
 * const { items, source } = await receiveImport(request, {
 *   json: (value) => jsonItems(importJson.parse(value).assets), table: tableItems, unreadable })
 */
export async function receiveImport<T>(
  request: FastifyRequest,
  options: { json: (value: unknown) => T[]; table: (table: ImportedTable) => T[]; unreadable: string },
): Promise<{ items: T[]; source: string }> {
  const file = request.isMultipart()
    ? await receiveImportFile(request, { kinds: IMPORT_KINDS, missing: options.unreadable })
    : undefined
  try {
    if (!file) {
      const body = request.body
      return { items: options.json(typeof body === 'string' ? JSON.parse(body) : body), source: 'json' }
    }
    const items =
      file.kind === 'json'
        ? options.json(JSON.parse(file.data.toString('utf8')))
        : options.table(await readTable(file.data, file.kind))
    return { items, source: file.fileName }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError(options.unreadable)
  }
}
