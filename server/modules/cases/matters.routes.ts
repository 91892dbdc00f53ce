import { z } from 'zod'
import {
  caseRelations,
  linkCaseRequest,
  matterNumberParams,
  matterView,
  myCasesResponse,
  trackRequest,
  trackResponse,
} from '../../../contracts/cases.ts'
import { idParams } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { caseRelationsOf, getMatter, linkCase, myCases, splitCase, trackCase } from './matters.ts'

export function matterRoutes(app: ZodApp) {
  app.get(
    '/api/matters/:number',
    {
      // Signed in: staff in scope, the filer or the respondent; what each sees is decided per case.
      config: {},
      schema: {
        tags: ['cases'],
        summary: 'A matter (事项) with its cases, as far as the caller may see them',
        params: matterNumberParams,
        response: { 200: matterView },
      },
    },
    async (request) => getMatter(request.readContext(), request.params.number),
  )
  app.post(
    '/api/matters/:number/cases',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Put a case into this matter (link)',
        params: matterNumberParams,
        body: linkCaseRequest,
        response: { 200: z.object({ number: z.string() }) },
      },
    },
    async (request) => request.write((c) => linkCase(c, request.params.number, request.body.caseId)),
  )
  app.post(
    '/api/cases/:id/split',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Take a case out of its matter into a new matter of its own',
        params: idParams,
        response: { 200: z.object({ number: z.string() }) },
      },
    },
    async (request) => request.write((c) => splitCase(c, request.params.id)),
  )
  app.get(
    '/api/cases/:id/relations',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The case’s matter and its likely duplicates (same respondent USCC, right or listing)',
        params: idParams,
        response: { 200: caseRelations },
      },
    },
    async (request) => caseRelationsOf(request.readContext(), request.params.id),
  )
  app.get(
    '/api/my/cases',
    {
      config: {},
      schema: {
        tags: ['cases'],
        summary:
          'The cases the caller (or its enterprise) submitted, and those naming the enterprise as respondent',
        response: { 200: myCasesResponse },
      },
    },
    async (request) => myCases(request.readContext()),
  )
  app.post(
    '/api/cases/track',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Follow an anonymous submission by its tracking code and secret',
        body: trackRequest,
        response: { 200: trackResponse },
      },
    },
    async (request) => request.write((c) => trackCase(c, request.body.code, request.body.secret)),
  )
}
