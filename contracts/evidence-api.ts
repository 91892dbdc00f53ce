import { z } from 'zod'
import { pageOf, pageQuery } from './common.ts'

/**
 * HTTP schemas of the evidence log (存证). Formats of entries, checkpoints and receipts:
 * docs/evidence-log.md; the pure verification code: contracts/evidence/.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

/** Metadata fields of `POST /api/evidence/deposits` (multipart form fields next to the files). */
export const depositMetadata = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).optional(),
  captureUrl: z.url().max(2000).optional(),
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  caseId: z.string().min(1).max(64).optional(),
  matterId: z.string().min(1).max(64).optional(),
})
export type DepositMetadata = z.infer<typeof depositMetadata>

export const depositFile = z.object({
  sha256: sha256Hex,
  size: z.number().int(),
  mediaType: z.string(),
  fileName: z.string(),
})

export const depositStatus = z.enum(['pending', 'integrated'])

export const depositSchema = z.object({
  id: z.string(),
  status: depositStatus,
  title: z.string(),
  description: z.string().nullable(),
  captureUrl: z.string().nullable(),
  capturedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  matterId: z.string().nullable(),
  receivedAt: z.string(),
  leafIndex: z.number().int().nullable(),
  integratedAt: z.string().nullable(),
  files: z.array(depositFile),
})
export type DepositView = z.infer<typeof depositSchema>

export const depositList = pageOf(depositSchema)
export const depositListQuery = pageQuery.extend({
  caseId: z.string().min(1).max(64).optional(),
  status: depositStatus.optional(),
})

export const depositFileParams = z.object({ id: z.string().min(1).max(64), sha256: sha256Hex })

/** The receipt JSON (docs/evidence-log.md §7), as served. */
export const receiptSchema = z
  .object({
    version: z.literal(1),
    logOrigin: z.string(),
    index: z.number().int(),
    entry: z.string(),
    tlogProof: z.string(),
    checkpoint: z.string(),
  })
  .loose()

export const consistencyQuery = z.object({
  old: z.coerce.number().int().min(1),
  new: z.coerce.number().int().min(1),
})
export const consistencyResponse = z.object({
  old: z.number().int(),
  new: z.number().int(),
  /** Base64 hashes, RFC 9162 §2.1.4 order. */
  proof: z.array(z.string()),
})

export const inclusionQuery = z.object({
  index: z.coerce.number().int().min(0),
  size: z.coerce.number().int().min(1),
})
export const inclusionResponse = z.object({
  index: z.number().int(),
  size: z.number().int(),
  proof: z.array(z.string()),
})

export const depositListResponse = depositList
