import { z } from 'zod'
import { pageQuery } from './common.ts'

export const articleKindSchema = z.enum(['notice', 'news'])
export const articleSchema = z.object({
  id: z.string(),
  kind: articleKindSchema,
  title: z.string(),
  summary: z.string().nullable(),
  body: z.string(),
  districtId: z.string().nullable(),
  status: z.enum(['draft', 'published', 'archived']),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type Article = z.infer<typeof articleSchema>
export const articleListQuery = pageQuery.extend({ kind: articleKindSchema.optional() })
export const createArticleRequest = z.object({
  kind: articleKindSchema,
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(500).optional(),
  body: z.string().trim().min(1).max(100_000),
  districtId: z.string().min(1).nullable().optional(),
})
