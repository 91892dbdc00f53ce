import { idParams, okResponse, pageOf } from '../../../contracts/common.ts'
import {
  navigationTree,
  servicePointInput,
  servicePointListQuery,
  servicePointSchema,
  servicesImportJson,
  servicesImportResult,
} from '../../../contracts/services/index.ts'
import { readTable } from '../../kernel/documents/tables.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import {
  createServicePoint,
  deleteServicePoint,
  getServicePoint,
  type ImportItem,
  importServicePoints,
  listServicePoints,
  updateServicePoint,
} from './directory.service.ts'
import { servicesErrors } from './errors.ts'
import { jsonItems, tableItems } from './import.ts'
import { NAVIGATION_TREE } from './navigation-tree.ts'

export function servicesRoutes(app: ZodApp) {
  app.get(
    '/api/navigation',
    {
      config: { public: true },
      schema: {
        tags: ['services'],
        summary: 'The IP protection navigation (保护导航) decision tree, zh-CN and en, versioned',
        response: { 200: navigationTree },
      },
    },
    async () => NAVIGATION_TREE,
  )
  app.get(
    '/api/service-points',
    {
      config: { public: true },
      schema: {
        tags: ['services'],
        summary:
          'The service directory: published points, and for staff those of their district; filters by service, kind, district and text',
        querystring: servicePointListQuery,
        response: { 200: pageOf(servicePointSchema) },
      },
    },
    async (request) => listServicePoints(request.readContext(), request.query),
  )
  app.get(
    '/api/service-points/:id',
    {
      config: { public: true },
      schema: { tags: ['services'], params: idParams, response: { 200: servicePointSchema } },
    },
    async (request) => getServicePoint(request.readContext(), request.params.id),
  )
  app.post(
    '/api/service-points',
    {
      config: { permission: 'directory.manage' },
      schema: { tags: ['services'], body: servicePointInput, response: { 201: servicePointSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createServicePoint(c, request.body))),
  )
  app.put(
    '/api/service-points/:id',
    {
      config: { permission: 'directory.manage' },
      schema: {
        tags: ['services'],
        params: idParams,
        body: servicePointInput,
        response: { 200: servicePointSchema },
      },
    },
    async (request) => request.write((c) => updateServicePoint(c, request.params.id, request.body)),
  )
  app.delete(
    '/api/service-points/:id',
    {
      config: { permission: 'directory.manage' },
      schema: { tags: ['services'], params: idParams, response: { 200: okResponse } },
    },
    async (request) => {
      await request.write((c) => deleteServicePoint(c, request.params.id))
      return { ok: true as const }
    },
  )
  app.post(
    '/api/service-points/imports',
    {
      config: { permission: 'directory.manage' },
      schema: {
        tags: ['services'],
        summary:
          'Import service points from CSV, Excel (multipart field "file") or the directory JSON; all or nothing',
        response: { 200: servicesImportResult },
      },
    },
    async (request) => {
      let items: ImportItem[]
      let source: string
      if (request.isMultipart()) {
        const file = await request.file()
        if (!file) throw new AppError(servicesErrors.services_import_unreadable)
        const data = await file.toBuffer()
        source = file.filename
        const extension = file.filename.toLowerCase().split('.').pop()
        try {
          if (extension === 'json') items = jsonItems(parseJsonImport(data.toString('utf8')))
          else if (extension === 'csv' || extension === 'xlsx')
            items = tableItems(await readTable(data, extension))
          else throw new AppError(kernelErrors.unsupported_media_type)
        } catch (error) {
          if (error instanceof AppError) throw error
          throw new AppError(servicesErrors.services_import_unreadable)
        }
      } else {
        items = jsonItems(parseJsonImport(request.body))
        source = 'json'
      }
      return request.write((c) => importServicePoints(c, items, source))
    },
  )
}

function parseJsonImport(input: unknown): unknown[] {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch {
      throw new AppError(servicesErrors.services_import_unreadable)
    }
  }
  const parsed = servicesImportJson.safeParse(value)
  if (!parsed.success) throw new AppError(servicesErrors.services_import_unreadable)
  return parsed.data.points
}
