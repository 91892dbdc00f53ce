import {
  caseDetailSchema,
  caseListQuery,
  caseListResponse,
  caseStatisticsQuery,
  caseStatisticsResponse,
  clockParams,
  deadlineQueueQuery,
  deadlineQueueResponse,
  extendClockRequest,
  transitionParams,
  transitionRequest,
} from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { deadlineQueue, listCases } from './cases.service.ts'
import { applyTransition, getCaseDetail } from './engine/engine.ts'
import { extendClock } from './engine/extension.ts'
import { caseStatistics } from './statistics.ts'

export function caseRoutes(app: ZodApp) {
  app.get(
    '/api/cases',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Cases in the caller’s scope, newest first',
        querystring: caseListQuery,
        response: { 200: caseListResponse },
      },
    },
    async (request) => listCases(request.readContext(), request.query),
  )
  app.get(
    '/api/cases/statistics',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'Received and closed per type and district, closure ratio, handling times, on-time rate per rule',
        querystring: caseStatisticsQuery,
        response: { 200: caseStatisticsResponse },
      },
    },
    async (request) => {
      const { db, actor } = request.readContext()
      const { district, ...rest } = request.query
      return caseStatistics(db, actor, { ...rest, ...(district ? { districtId: district } : {}) })
    },
  )
  app.get(
    '/api/deadlines/queue',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Running deadlines in the caller’s scope, earliest due first (supervision queue)',
        querystring: deadlineQueueQuery,
        response: { 200: deadlineQueueResponse },
      },
    },
    async (request) => deadlineQueue(request.readContext(), request.query),
  )
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
      // Each transition declares its own permission (e.g. an assigned expert's opinion); the engine
      // checks it before anything is read back.
      config: { permission: 'workbench.access' },
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
