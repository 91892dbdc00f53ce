import { idParams, pageOf } from '../../../contracts/common.ts'
import {
  createEntityRequest,
  entityListQuery,
  entitySchema,
  updateEntityRequest,
} from '../../../contracts/entities.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { createEntity, getEntity, listEntities, updateEntity } from './entities.service.ts'

export function entitiesRoutes(app: ZodApp) {
  app.get(
    '/api/entities',
    {
      config: { permission: 'entity.read', cacheByScope: true },
      schema: {
        tags: ['entities'],
        summary: 'Market entities in the caller’s scope',
        querystring: entityListQuery,
        response: { 200: pageOf(entitySchema) },
      },
    },
    async (request) => listEntities(request.readContext(), request.query),
  )
  app.get(
    '/api/entities/:id',
    {
      config: { permission: 'entity.read' },
      schema: { tags: ['entities'], params: idParams, response: { 200: entitySchema } },
    },
    async (request) => getEntity(request.readContext(), request.params.id),
  )
  app.post(
    '/api/entities',
    {
      config: { permission: 'entity.manage' },
      schema: { tags: ['entities'], body: createEntityRequest, response: { 201: entitySchema } },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createEntity(c, request.body))),
  )
  app.patch(
    '/api/entities/:id',
    {
      config: { permission: 'entity.manage' },
      schema: {
        tags: ['entities'],
        params: idParams,
        body: updateEntityRequest,
        response: { 200: entitySchema },
      },
    },
    async (request) => request.write((c) => updateEntity(c, request.params.id, request.body)),
  )
}
