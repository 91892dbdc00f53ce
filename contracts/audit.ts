import { z } from 'zod'
import { pageQuery } from './common.ts'

export const auditRecordSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
})
export const auditFilter = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
})
export const auditListQuery = pageQuery.extend(auditFilter.shape)
export const auditVerification = z.object({
  ok: z.boolean(),
  rows: z.number(),
  seq: z.number().optional(),
  problem: z.string().optional(),
})
