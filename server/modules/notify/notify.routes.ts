import { z } from 'zod'
import { okResponse } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { inbox, markRead } from './notify.ts'

const label = z.object({ zh: z.string(), en: z.string() })
const inboxResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      title: label,
      body: z.string(),
      subject: z.object({ type: z.string(), id: z.string() }),
      createdAt: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  unread: z.number().int(),
  page: z.number().int(),
})

export function notifyRoutes(app: ZodApp) {
  app.get(
    '/api/inbox',
    {
      config: {},
      schema: {
        tags: ['notify'],
        summary: 'The caller’s in-app notifications (reminders, supervision notices), newest first',
        querystring: z.object({
          unreadOnly: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: inboxResponse },
      },
    },
    async (request) => inbox(request.readContext(), request.query),
  )
  app.post(
    '/api/inbox/:id/read',
    {
      config: {},
      schema: {
        tags: ['notify'],
        summary: 'Mark a notification read (`all`: every unread one)',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: okResponse },
      },
    },
    async (request) => request.write((c) => markRead(c, request.params.id)),
  )
}
