import { z } from 'zod'
import {
  addPartyRequest,
  assignableUsersQuery,
  assignableUsersResponse,
  assignRequest,
  casePeopleResponse,
  recusalDecisionRequest,
  recusalRequest,
  subIdParams,
} from '../../../contracts/cases.ts'
import { idParams, okResponse } from '../../../contracts/common.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import {
  addParty,
  assignableUsers,
  assignPerson,
  casePeople,
  decideRecusal,
  requestRecusal,
} from './people.ts'

const created = z.object({ id: z.string() })

export function peopleRoutes(app: ZodApp) {
  app.get(
    '/api/cases/:id/people',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Parties (ID numbers masked unless the caller handles cases), assigned staff, recusals',
        params: idParams,
        response: { 200: casePeopleResponse },
      },
    },
    async (request) => casePeople(request.readContext(), request.params.id),
  )
  app.post(
    '/api/cases/:id/parties',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Add a party: an entity by USCC, a natural person, or an agent with a power of attorney',
        params: idParams,
        body: addPartyRequest,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => addParty(c, request.params.id, request.body))),
  )
  app.get(
    '/api/cases/:id/assignable-users',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary:
          'People who may take a duty on the case (officers of its district or the city, experts), by name; no contact data',
        params: idParams,
        querystring: assignableUsersQuery,
        response: { 200: assignableUsersResponse },
      },
    },
    async (request) => assignableUsers(request.readContext(), request.params.id, request.query),
  )
  app.post(
    '/api/cases/:id/assignments',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Assign a case officer, expert or technical investigator, with recusal checks',
        params: idParams,
        body: assignRequest,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => assignPerson(c, request.params.id, request.body))),
  )
  app.post(
    '/api/cases/:id/recusals',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Record a recusal request (a party’s, or a declared conflict)',
        params: idParams,
        body: recusalRequest,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => requestRecusal(c, request.params.id, request.body))),
  )
  app.post(
    '/api/cases/:id/recusals/:subId/decision',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags: ['cases'],
        summary: 'Grant or refuse a recusal request; granting ends the person’s assignment',
        params: subIdParams,
        body: recusalDecisionRequest,
        response: { 200: okResponse },
      },
    },
    async (request) =>
      request.write(async (c) => {
        await decideRecusal(c, request.params.id, request.params.subId, request.body)
        return { ok: true as const }
      }),
  )
}
