import {
  assistanceIntakeRequest,
  complaintIntakeRequest,
  intakeResponse,
  reportIntakeRequest,
  takedownIntakeRequest,
} from '../../../contracts/cases.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { requestAssistance } from './assistance.service.ts'
import { submitComplaint } from './complaint.service.ts'
import { submitReport } from './report.service.ts'
import { submitTakedown } from './takedown.service.ts'

export function intakeRoutes(app: ZodApp) {
  app.post(
    '/api/cases/complaints',
    {
      // Public: bounded per client address, like registration.
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Submit a complaint (投诉) from the portal; the public or an enterprise',
        body: complaintIntakeRequest,
        response: { 201: intakeResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => submitComplaint(c, request.body))),
  )
  app.post(
    '/api/cases/reports',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Submit a report (举报) from the portal, named or anonymous',
        body: reportIntakeRequest,
        response: { 201: intakeResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => submitReport(c, request.body))),
  )
  app.post(
    '/api/cases/takedowns',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'Submit a takedown notice against e-commerce listings (电商平台快速处置)',
        body: takedownIntakeRequest,
        response: { 201: intakeResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => submitTakedown(c, request.body))),
  )
  app.post(
    '/api/cases/assistance',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['cases'],
        summary: 'An enterprise asks for rights-defence assistance (维权援助), domestic or overseas',
        body: assistanceIntakeRequest,
        response: { 201: intakeResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => requestAssistance(c, request.body))),
  )
}
