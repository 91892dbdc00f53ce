import {
  caseDetailSchema,
  clockParams,
  extendClockRequest,
  transitionParams,
  transitionRequest,
} from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { applyTransition, getCaseDetail } from './engine/engine.ts'
import { extendClock } from './engine/extension.ts'

export function caseRoutes(app: ZodApp) {
  app.get(
    '/api/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'A case with its timeline, running clocks and the actions the caller may take',
        params: idParams,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => getCaseDetail(request.readContext(), request.params.id),
  )
  app.post(
    '/api/cases/:id/transitions/:transition',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Take a declared action on a case; a wrong one changes nothing',
        params: transitionParams,
        body: transitionRequest,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) =>
      request.write(async (c) => {
        const { id, transition } = request.params
        await applyTransition(c, id, transition, request.body.input, request.body.version)
        return getCaseDetail(c, id)
      }),
  )
  app.post(
    '/api/cases/:id/clocks/:clockId/extensions',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Extend a deadline as its rule allows (who, and how much in total), with the reason',
        params: clockParams,
        body: extendClockRequest,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) =>
      request.write(async (c) => {
        await extendClock(c, request.params.id, request.params.clockId, request.body)
        return getCaseDetail(c, request.params.id)
      }),
  )
}
