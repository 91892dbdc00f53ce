import { z } from 'zod'

/** Paging parameters every list endpoint accepts. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export const idParams = z.object({ id: z.string().min(1).max(64) })
export const okResponse = z.object({ ok: z.literal(true) })
