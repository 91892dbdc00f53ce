import { z } from 'zod'
import { pageQuery } from './common.ts'
import { usccSchema } from './identifiers/index.ts'

export const entitySchema = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  createdAt: z.string(),
})
export type Entity = z.infer<typeof entitySchema>

export const entityListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  districtId: z.string().optional(),
})

export const createEntityRequest = z.object({
  uscc: usccSchema,
  name: z.string().trim().min(2).max(100),
  districtId: z.string().min(1).nullable().optional(),
  address: z.string().trim().max(200).optional(),
  industry: z.string().trim().max(100).optional(),
})
export const updateEntityRequest = createEntityRequest.omit({ uscc: true }).partial()
