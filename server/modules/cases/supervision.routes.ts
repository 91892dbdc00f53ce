import {
  supervisionCloseRequest,
  supervisionList,
  supervisionListQuery,
  supervisionNoticeSchema,
  supervisionResponseRequest,
} from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { closeNotice, listSupervisionNotices, respondToNotice } from './supervision.ts'

export function supervisionRoutes(app: ZodApp) {
  app.get(
    '/api/supervision-notices',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'Supervision notices (督办) of missed deadlines: the handling unit’s and those the caller supervises',
        querystring: supervisionListQuery,
        response: { 200: supervisionList },
      },
    },
    async (request) => listSupervisionNotices(request.readContext(), request.query),
  )
  app.post(
    '/api/supervision-notices/:id/response',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'The handling unit answers a supervision notice',
        params: idParams,
        body: supervisionResponseRequest,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (request) => request.write((c) => respondToNotice(c, request.params.id, request.body.response)),
  )
  app.post(
    '/api/supervision-notices/:id/close',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The supervising level closes a supervision notice',
        params: idParams,
        body: supervisionCloseRequest,
        response: { 200: supervisionNoticeSchema },
      },
    },
    async (request) => request.write((c) => closeNotice(c, request.params.id, request.body.note)),
  )
}
