import path from 'node:path'
import { z } from 'zod'
import { idParams, okResponse, pageOf } from '../../../contracts/common.ts'
import {
  articleListQuery,
  articleSchema,
  attachmentSchema,
  CONTENT_KIND_LABELS,
  createArticleRequest,
  MAX_CONTENT_ATTACHMENT_BYTES,
  policyFacets as policyFacetsSchema,
  reviewRequest,
  unpublishRequest,
  updateArticleRequest,
} from '../../../contracts/content.ts'
import type { Config } from '../../kernel/config.ts'
import { AppError } from '../../kernel/errors.ts'
import { sendDownload } from '../../kernel/http/download.ts'
import { sendNotFoundPage, sendPage, siteName } from '../../kernel/http/page-meta.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { LocalBlobStore } from '../../kernel/storage/blob-store.ts'
import { receiveFile } from '../../kernel/storage/upload.ts'
import {
  createArticle,
  findAttachment,
  findVisible,
  getArticle,
  listArticles,
  policyFacets,
  recordAttachment,
  removeAttachment,
  reopenArticle,
  reviewArticle,
  submitArticle,
  unpublishArticle,
  updateArticle,
} from './content.service.ts'
import { contentErrors } from './errors.ts'
import { plainText } from './sanitize.ts'

const subIdParams = z.object({ id: z.string().min(1).max(64), subId: z.string().min(1).max(64) })

/** Attachments: PDF, PNG/JPEG images and Office documents, checked against their first bytes. */
const ATTACHMENT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
])
const attachmentErrors = {
  tooLarge: contentErrors.content_attachment_too_large,
  type: contentErrors.content_attachment_type,
  missing: contentErrors.content_attachment_missing,
}

const stores = new Map<string, LocalBlobStore>()
/** The shared content-addressed blob store, `DATA_DIR/blobs`. */
function blobStore(config: Config): LocalBlobStore {
  const root = path.join(config.dataDir, 'blobs')
  let store = stores.get(root)
  if (!store) {
    store = new LocalBlobStore(root)
    stores.set(root, store)
  }
  return store
}

/** The portal's public pages whose title and description the server injects (item 8). */
const PAGES = { news: ['news', 'notice'], policies: ['policy'], guides: ['guide'] } as const
const LIST_TITLES = {
  news: {
    zh: '新闻动态',
    en: 'News',
    dzh: '苏州知识产权保护新闻与通知公告',
    den: 'IP protection news and notices',
  },
  policies: {
    zh: '政策文件',
    en: 'Policy documents',
    dzh: '国家、江苏省和苏州市知识产权政策文件，可按发文机关、效力状态和年份筛选',
    den: 'National, provincial and Suzhou IP policy documents by authority, validity and year',
  },
  guides: {
    zh: '办事指南',
    en: 'How-to guides',
    dzh: '知识产权投诉、举报、维权援助和存证的办理步骤、所需材料、时限和在线申请入口',
    den: 'Steps, materials, time limits and online applications for IP complaints, reports, assistance and evidence',
  },
  faq: {
    zh: '常见问题',
    en: 'FAQ',
    dzh: '知识产权保护常见问题解答',
    den: 'Frequently asked questions about IP protection',
  },
} as const

export function contentRoutes(app: ZodApp, deps: AppDeps) {
  const tags = ['content']
  app.get(
    '/api/articles',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Content items (news, notices, policies, guides, FAQ): published ones; staff also drafts in scope',
        querystring: articleListQuery,
        response: { 200: pageOf(articleSchema) },
      },
    },
    async (request) => listArticles(request.readContext(), request.query),
  )
  app.get(
    '/api/articles/policy-facets',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Issuing authorities and years among published policy documents',
        response: { 200: policyFacetsSchema },
      },
    },
    async (request) => policyFacets(request.readContext()),
  )
  app.get(
    '/api/articles/:id',
    {
      config: { public: true },
      schema: { tags, params: idParams, response: { 200: articleSchema } },
    },
    async (request) => getArticle(request.readContext(), request.params.id),
  )
  app.post(
    '/api/articles',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Draft a content item',
        body: createArticleRequest,
        response: { 201: articleSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createArticle(c, request.body))),
  )
  app.patch(
    '/api/articles/:id',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Change a draft (the body is sanitized)',
        params: idParams,
        body: updateArticleRequest,
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => updateArticle(c, request.params.id, request.body)),
  )
  app.post(
    '/api/articles/:id/submit',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Submit a draft for review',
        params: idParams,
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => submitArticle(c, request.params.id)),
  )
  app.post(
    '/api/articles/:id/review',
    {
      config: { permission: 'content.review' },
      schema: {
        tags,
        summary:
          'Approve (publish now or at publishAt, optionally take down at unpublishAt) or return to the author with a comment',
        params: idParams,
        body: reviewRequest,
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => reviewArticle(c, request.params.id, request.body)),
  )
  app.post(
    '/api/articles/:id/unpublish',
    {
      config: { permission: 'content.review' },
      schema: {
        tags,
        summary: 'Take a published or scheduled item down now, or a published one at a given time',
        params: idParams,
        body: unpublishRequest,
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => unpublishArticle(c, request.params.id, request.body.at)),
  )
  app.post(
    '/api/articles/:id/reopen',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Reopen an archived item as a draft',
        params: idParams,
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => reopenArticle(c, request.params.id)),
  )

  const store = blobStore(deps.config)
  app.post(
    '/api/articles/:id/attachments',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Attach a file to a draft (multipart `file`): PDF, PNG/JPEG, Office documents; ≤ 10 MB',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, store, {
        maxBytes: MAX_CONTENT_ATTACHMENT_BYTES,
        types: ATTACHMENT_TYPES,
        errors: attachmentErrors,
      })
      const { staged, mediaType, fileName } = file
      try {
        // Bytes first, then the row: a recorded attachment always finds its file.
        await staged.commit()
        const created = await request.write((c) =>
          recordAttachment(c, request.params.id, {
            sha256: staged.sha256,
            size: staged.size,
            mediaType,
            fileName,
          }),
        )
        return reply.code(201).send(created)
      } catch (error) {
        await staged.discard()
        throw error
      }
    },
  )
  app.delete(
    '/api/articles/:id/attachments/:subId',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags,
        summary: 'Remove an attachment from a draft',
        params: subIdParams,
        response: { 200: okResponse },
      },
    },
    async (request) => request.write((c) => removeAttachment(c, request.params.id, request.params.subId)),
  )
  app.get(
    '/api/articles/:id/attachments/:subId/file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Download an attachment: the public only of published items, staff also of drafts in scope',
        params: subIdParams,
      },
    },
    async (request, reply) => {
      const context = request.readContext()
      const row = await findAttachment(context.db, context.actor, request.params.id, request.params.subId)
      const stream = await store.open(row.sha256)
      if (!stream) throw new AppError(contentErrors.content_not_found)
      return sendDownload(reply, { body: stream, mediaType: row.media_type, fileName: row.file_name })
    },
  )

  // Public pages: the web app's document with the page's real title and description, so that a
  // crawler or a preview that runs no script sees them (the SPA then renders the page itself).
  for (const [page, kinds] of Object.entries(PAGES) as [keyof typeof PAGES, readonly string[]][]) {
    app.get(
      `/${page}/:id`,
      { config: { public: true }, schema: { hide: true, params: idParams } },
      async (request, reply) => {
        const context = request.readContext()
        const en = context.lang === 'en'
        const row = await findVisible(context.db, context.actor, request.params.id)
        if (!row || !kinds.includes(row.kind)) return sendNotFoundPage(reply, deps.webRoot, en)
        const label = CONTENT_KIND_LABELS[row.kind as keyof typeof CONTENT_KIND_LABELS][en ? 'en' : 'zh']
        const description = (row.summary || plainText(row.body)).slice(0, 160)
        return sendPage(reply, deps.webRoot, {
          title: `${row.title} · ${label} · ${siteName(en)}`,
          description,
        })
      },
    )
  }
  for (const [page, meta] of Object.entries(LIST_TITLES)) {
    app.get(`/${page}`, { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const en = request.readContext().lang === 'en'
      return sendPage(reply, deps.webRoot, {
        title: `${en ? meta.en : meta.zh} · ${siteName(en)}`,
        description: en ? meta.den : meta.dzh,
      })
    })
  }
}
