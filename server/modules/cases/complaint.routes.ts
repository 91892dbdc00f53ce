import { caseCreatedResponse, complaintIntakeRequest } from '../../../contracts/cases.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { submitComplaint } from './complaint.service.ts'

export function complaintRoutes(app: ZodApp) {
  app.post(
    '/api/cases/complaints',
    {
      config: { public: true },
      schema: {
        tags: ['cases'],
        summary: 'Submit a complaint (投诉) from the portal; the public or an enterprise',
        body: complaintIntakeRequest,
        response: { 201: caseCreatedResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => submitComplaint(c, request.body))),
  )
}
