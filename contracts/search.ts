import { z } from 'zod'
import { CLASSROOM_SEARCH_KINDS } from './classroom/index.ts'
import { CONTENT_KINDS } from './content.ts'
import { ASSET_KINDS } from './registry.ts'
import { SERVICE_SEARCH_KINDS } from './services/directory.ts'

/**
 * What GET /api/search can return: registry assets, portal content kinds (source 'article': news,
 * notice, policy, guide, faq), classroom and service-directory records (cases later, for staff).
 */
export const SEARCH_KINDS = [
  ...ASSET_KINDS,
  ...CONTENT_KINDS,
  ...CLASSROOM_SEARCH_KINDS,
  ...SERVICE_SEARCH_KINDS,
  // Cases (staff only): one kind for every case type; the type is in the hit's text.
  'case',
] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

const csv = z
  .string()
  .max(500)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )

export const searchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  /** One or more kinds, comma-separated. */
  type: csv.pipe(z.array(z.enum(SEARCH_KINDS))).optional(),
  /** District organization id. */
  district: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** IPC prefix: section (H), class (H01), subclass (H01L) or full symbol (H01L 21/67). */
  ipc: z
    .string()
    .trim()
    .max(20)
    .regex(/^[A-Ha-h](?:\d{2}(?:[A-Za-z](?:\s*\d{1,4}(?:\s*\/\s*\d{2,6})?)?)?)?$/)
    .optional(),
  /** Nice class, 1–45. */
  nice: z.coerce.number().int().min(1).max(45).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
})
export type SearchQuery = z.output<typeof searchQuery>

/** Text with the matched runs marked as [start, end) UTF-16 offsets; the client renders them safely. */
export const highlightedSchema = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
})
export type HighlightedText = z.infer<typeof highlightedSchema>

export const searchHitSchema = z.object({
  source: z.enum(['asset', 'article', 'classroom', 'talent', 'service', 'case']),
  id: z.string(),
  kind: z.enum(SEARCH_KINDS),
  title: highlightedSchema,
  snippet: highlightedSchema,
  names: highlightedSchema,
  /** Registry number (patent application number, registration number), for assets. */
  number: z.string().nullable(),
  status: z.string().nullable(),
  districtId: z.string().nullable(),
  date: z.string(),
  /** The portable relevance score (docs/decisions.md): identical on SQLite and PostgreSQL. */
  score: z.number(),
})
export type SearchHit = z.infer<typeof searchHitSchema>

/**
 * Facets count at most this many matching records, the most recently indexed: exact below it, a
 * sample above, where exact counts of a common word cost more than the search itself (decision 42).
 */
export const FACET_SAMPLE = 2_000

const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }))
export const searchResponse = z.object({
  items: z.array(searchHitSchema),
  /** Matching records the caller may see, counted up to 10,000 (docs/decisions.md). */
  total: z.number().int(),
  /** True when more than `total` records match: shown as "10,000+". */
  totalIsLowerBound: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Set when the query was an identifier looked up exactly (e.g. a patent application number). */
  identifier: z.boolean(),
  facets: z.object({ type: facet, district: facet, year: facet, ipc: facet, nice: facet }),
  /** True when more than FACET_SAMPLE records match: facet counts are over the most recently indexed. */
  facetsSampled: z.boolean(),
})
export type SearchResponse = z.infer<typeof searchResponse>
