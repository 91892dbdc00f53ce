import type { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'

export interface Download {
  body: Buffer | Readable
  mediaType: string
  /** Any name, Chinese included: sent in the RFC 6266 `filename*` form. */
  fileName: string
  size?: number
  /** A cache-control value, e.g. 'no-store' for what only the requester may see. */
  cache?: string
}

/**
 * Sends a file as a download: its type, its name, and `nosniff`, so a browser never treats an
 * uploaded file as anything but its declared type.
 * @example return sendDownload(reply, { body: pdf, mediaType: 'application/pdf', fileName: '受理通知书.pdf' })
 */
export function sendDownload(reply: FastifyReply, file: Download) {
  reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
  if (file.size !== undefined) reply.header('content-length', String(file.size))
  if (file.cache) reply.header('cache-control', file.cache)
  return reply.send(file.body)
}
