import { z } from 'zod'
import { idParams, okResponse, pageOf } from '../../../contracts/common.ts'
import {
  assetInput,
  assetListQuery,
  assetSchema,
  importResultSchema,
  keyEnterpriseInput,
  keyEnterpriseSchema,
  registryImportJson,
} from '../../../contracts/registry.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { receiveImport } from '../../kernel/storage/upload.ts'
import { registryErrors } from './errors.ts'
import { jsonItems, tableItems } from './import.ts'
import {
  addKeyEnterprise,
  createAsset,
  getAsset,
  importAssets,
  listAssets,
  listKeyEnterprises,
  publishAsset,
  removeKeyEnterprise,
  updateAsset,
} from './registry.service.ts'

export function registryRoutes(app: ZodApp) {
  app.get(
    '/api/registry/assets',
    {
      config: { public: true },
      schema: {
        tags: ['registry'],
        summary: 'Registered IP assets: published ones, and for staff and holders those in their scope',
        querystring: assetListQuery,
        response: { 200: pageOf(assetSchema) },
      },
    },
    async (request) => listAssets(request.readContext(), request.query),
  )
  app.get(
    '/api/registry/assets/:id',
    {
      config: { public: true },
      schema: { tags: ['registry'], params: idParams, response: { 200: assetSchema } },
    },
    async (request) => getAsset(request.readContext(), request.params.id),
  )
  app.post(
    '/api/registry/assets',
    {
      config: { permission: 'registry.manage' },
      schema: { tags: ['registry'], body: assetInput, response: { 201: assetSchema } },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createAsset(c, request.body))),
  )
  app.patch(
    '/api/registry/assets/:id',
    {
      config: { permission: 'registry.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Replace an asset in the caller’s district scope',
        params: idParams,
        body: assetInput,
        response: { 200: assetSchema },
      },
    },
    async (request) => request.write((c) => updateAsset(c, request.params.id, request.body)),
  )
  app.post(
    '/api/registry/assets/:id/publication',
    {
      config: { permission: 'registry.manage' },
      schema: {
        tags: ['registry'],
        params: idParams,
        body: z.object({ published: z.boolean() }),
        response: { 200: assetSchema },
      },
    },
    async (request) => request.write((c) => publishAsset(c, request.params.id, request.body.published)),
  )
  app.post(
    '/api/registry/imports',
    {
      config: { permission: 'registry.manage' },
      schema: {
        tags: ['registry'],
        summary:
          'Import assets from CSV, Excel (multipart field "file") or the registry JSON; all or nothing',
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { items, source } = await receiveImport(request, {
        json: (value) => jsonItems(registryImportJson.parse(value).assets),
        table: tableItems,
        unreadable: registryErrors.import_unreadable,
      })
      return request.write((c) => importAssets(c, items, source))
    },
  )
  app.get(
    '/api/registry/key-enterprises',
    {
      config: { public: true },
      schema: {
        tags: ['registry'],
        summary: 'The key-enterprise protection list (重点企业保护名录) with each enterprise’s assets',
        response: { 200: z.array(keyEnterpriseSchema) },
      },
    },
    async (request) => listKeyEnterprises(request.readContext()),
  )
  app.post(
    '/api/registry/key-enterprises',
    {
      config: { permission: 'registry.manage' },
      schema: { tags: ['registry'], body: keyEnterpriseInput, response: { 201: keyEnterpriseSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => addKeyEnterprise(c, request.body))),
  )
  app.delete(
    '/api/registry/key-enterprises/:id',
    {
      config: { permission: 'registry.manage' },
      schema: {
        tags: ['registry'],
        summary: 'Take an enterprise off the key-enterprise protection list',
        params: idParams,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await request.write((c) => removeKeyEnterprise(c, request.params.id))
      return { ok: true as const }
    },
  )
}
