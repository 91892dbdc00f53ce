import { z } from 'zod'
import { pageQuery } from './common.ts'

/**
 * Portal content: notices and news, policy documents (政策文件), how-to guides (办事指南) and FAQ
 * items, written by authors (content.manage), approved by reviewers (content.review) and published
 * now or at a scheduled time.
 */
export const CONTENT_KINDS = ['notice', 'news', 'policy', 'guide', 'faq'] as const
export const articleKindSchema = z.enum(CONTENT_KINDS)
export type ContentKind = (typeof CONTENT_KINDS)[number]

export const CONTENT_KIND_LABELS: Record<ContentKind, { zh: string; en: string }> = {
  notice: { zh: '通知公告', en: 'Notice' },
  news: { zh: '新闻动态', en: 'News' },
  policy: { zh: '政策文件', en: 'Policy document' },
  guide: { zh: '办事指南', en: 'How-to guide' },
  faq: { zh: '常见问题', en: 'FAQ' },
}

/**
 * The workflow: draft → in_review → published (or scheduled, then published at its time) →
 * archived (unpublished); a reviewer may return an item in review to draft with a comment; an
 * archived item may be reopened as a draft.
 */
export const CONTENT_STATES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const
export const contentStateSchema = z.enum(CONTENT_STATES)
export type ContentState = (typeof CONTENT_STATES)[number]

/** A policy document's validity: 现行有效 / 已修改 / 已废止. */
export const POLICY_VALIDITIES = ['in_force', 'amended', 'repealed'] as const
export const policyValiditySchema = z.enum(POLICY_VALIDITIES)

const text = (max: number) => z.string().trim().min(1).max(max)
/** A link to where an application is made: a ZhiBao page ('/services/complaint') or an https address. */
const applyLink = z.object({
  label: text(100),
  href: z
    .string()
    .trim()
    .max(500)
    .regex(/^(\/[A-Za-z0-9/_\-?=&.#%]*|https:\/\/\S+)$/, 'a site path (/…) or an https:// address'),
})

export const policyFields = z.object({
  authority: text(100),
  documentNumber: z.string().trim().max(100).nullable().default(null),
  issueDate: z.iso.date(),
  effectiveDate: z.iso.date().nullable().default(null),
  expiryDate: z.iso.date().nullable().default(null),
  validity: policyValiditySchema.default('in_force'),
})
export type PolicyFields = z.output<typeof policyFields>

export const guideFields = z.object({
  steps: z
    .array(z.object({ title: text(100), description: z.string().trim().max(1000).default('') }))
    .max(30),
  materials: z.array(text(200)).max(50).default([]),
  timeLimit: z.string().trim().max(200).default(''),
  fees: z.string().trim().max(200).default(''),
  applyOnline: z.array(applyLink).max(10).default([]),
})
export type GuideFields = z.output<typeof guideFields>

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
})
export type ContentAttachment = z.infer<typeof attachmentSchema>

export const articleSchema = z.object({
  id: z.string(),
  kind: articleKindSchema,
  title: z.string(),
  summary: z.string().nullable(),
  /** Sanitized HTML (an allow-list of tags and attributes; no scripts, handlers or javascript: URLs). */
  body: z.string(),
  districtId: z.string().nullable(),
  status: contentStateSchema,
  /** FAQ category (and an optional grouping for other kinds). */
  category: z.string().nullable(),
  policy: policyFields.nullable(),
  guide: guideFields.nullable(),
  attachments: z.array(attachmentSchema),
  publishedAt: z.string().nullable(),
  /** When a scheduled item goes public, or null. */
  publishAt: z.string().nullable(),
  /** When a published item is taken down automatically, or null. */
  unpublishAt: z.string().nullable(),
  /** The reviewer's comment when the item was returned (shown to staff only). */
  reviewComment: z.string().nullable(),
  authorId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Article = z.infer<typeof articleSchema>

const csv = z
  .string()
  .max(200)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )

export const articleListQuery = pageQuery.extend({
  /** One or more kinds, comma-separated. */
  kind: csv.pipe(z.array(articleKindSchema)).optional(),
  /** Workflow states, comma-separated (staff; the public sees published items only). */
  status: csv.pipe(z.array(contentStateSchema)).optional(),
  /** Policies: validity. */
  validity: policyValiditySchema.optional(),
  /** Policies: issuing authority (exact). */
  authority: z.string().trim().max(100).optional(),
  /** Policies: year of issue; other kinds: year of publication. */
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  category: z.string().trim().max(50).optional(),
  /** Title contains. */
  q: z.string().trim().max(100).optional(),
})

export const createArticleRequest = z.object({
  kind: articleKindSchema,
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(500).optional(),
  body: z.string().trim().min(1).max(100_000),
  districtId: z.string().min(1).nullable().optional(),
  category: z.string().trim().max(50).nullable().optional(),
  policy: policyFields.nullable().optional(),
  guide: guideFields.nullable().optional(),
})
export type CreateArticleRequest = z.input<typeof createArticleRequest>
export const updateArticleRequest = createArticleRequest.omit({ kind: true, districtId: true })

export const reviewRequest = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    /** Publish at this time instead of now (must be in the future). */
    publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Take down at this time (after the publication). */
    unpublishAt: z.iso.datetime({ offset: true }).nullable().optional(),
    comment: z.string().trim().max(1000).optional(),
  }),
  z.object({ decision: z.literal('return'), comment: z.string().trim().min(2).max(1000) }),
])
export const unpublishRequest = z.object({
  /** Take down at this time instead of now. */
  at: z.iso.datetime({ offset: true }).nullable().optional(),
})

/** Policy filter values present among published policies (authorities and years). */
export const policyFacets = z.object({
  authorities: z.array(z.string()),
  years: z.array(z.number().int()),
})

/** The largest attachment accepted, in bytes. */
export const MAX_CONTENT_ATTACHMENT_BYTES = 10 * 1024 * 1024
