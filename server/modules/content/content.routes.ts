import { z } from 'zod'
import { idParams, pageOf } from '../../../contracts/common.ts'
import { articleListQuery, articleSchema, createArticleRequest } from '../../../contracts/content.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { createArticle, getArticle, listArticles, publishArticle } from './content.service.ts'

export function contentRoutes(app: ZodApp) {
  app.get(
    '/api/articles',
    {
      config: { public: true },
      schema: {
        tags: ['content'],
        summary: 'Published articles; staff also see drafts in their scope',
        querystring: articleListQuery,
        response: { 200: pageOf(articleSchema) },
      },
    },
    async (request) => listArticles(request.readContext(), request.query),
  )
  app.get(
    '/api/articles/:id',
    {
      config: { public: true },
      schema: { tags: ['content'], params: idParams, response: { 200: articleSchema } },
    },
    async (request) => getArticle(request.readContext(), request.params.id),
  )
  app.post(
    '/api/articles',
    {
      config: { permission: 'content.manage' },
      schema: { tags: ['content'], body: createArticleRequest, response: { 201: articleSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createArticle(c, request.body))),
  )
  app.post(
    '/api/articles/:id/publication',
    {
      config: { permission: 'content.manage' },
      schema: {
        tags: ['content'],
        params: idParams,
        body: z.object({ published: z.boolean() }),
        response: { 200: articleSchema },
      },
    },
    async (request) => request.write((c) => publishArticle(c, request.params.id, request.body.published)),
  )
}
