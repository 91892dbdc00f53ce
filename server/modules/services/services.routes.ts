import { idParams, okResponse, pageOf } from '../../../contracts/common.ts'
import {
  navigationTree,
  servicePointInput,
  servicePointListQuery,
  servicePointSchema,
  servicesImportJson,
  servicesImportResult,
} from '../../../contracts/services/index.ts'
import { sendNotFoundPage, sendPage, siteName } from '../../kernel/http/page-meta.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { receiveImport } from '../../kernel/storage/upload.ts'
import {
  createServicePoint,
  deleteServicePoint,
  getServicePoint,
  importServicePoints,
  listServicePoints,
  updateServicePoint,
} from './directory.service.ts'
import { servicesErrors } from './errors.ts'
import { jsonItems, tableItems } from './import.ts'
import { NAVIGATION_TREE } from './navigation-tree.ts'

export function servicesRoutes(app: ZodApp, deps: AppDeps) {
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
  pageRoutes(app, deps)
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
  // PATCH with the whole point: the web client's verbs are GET, POST, PATCH and DELETE.
  app.patch(
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
      const { items, source } = await receiveImport(request, {
        json: (value) => jsonItems(servicesImportJson.parse(value).points),
        table: tableItems,
        unreadable: servicesErrors.services_import_unreadable,
      })
      return request.write((c) => importServicePoints(c, items, source))
    },
  )
}

const PAGES = {
  navigation: {
    zh: '知识产权保护导航',
    en: 'IP protection navigator',
    dzh: '回答几个问题，找到适合您的知识产权保护服务：投诉、举报、维权援助、电商侵权处置、存证、调解。',
    den: 'Answer a few questions to find the right IP protection service: complaints, reports, assistance, takedowns, evidence, mediation.',
  },
  directory: {
    zh: '知识产权服务名录',
    en: 'IP service directory',
    dzh: '苏州知识产权保护中心、分中心、工作站、公共服务网点及代理、仲裁、调解、公证机构的服务、地址、电话和地图。',
    den: 'The IP protection center, branch centers, workstations, public service points, agencies, arbitration, mediation and notary offices in Suzhou, with services, addresses, phones and a map.',
  },
} as const

/** Public pages with their real title and description for crawlers and previews (the SPA renders them). */
function pageRoutes(app: ZodApp, deps: AppDeps) {
  for (const [page, meta] of Object.entries(PAGES)) {
    app.get(`/${page}`, { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const en = request.readContext().lang === 'en'
      return sendPage(reply, deps.webRoot, {
        title: `${en ? meta.en : meta.zh} · ${siteName(en)}`,
        description: en ? meta.den : meta.dzh,
      })
    })
  }
  app.get(
    '/directory/:id',
    { config: { public: true }, schema: { hide: true, params: idParams } },
    async (request, reply) => {
      const context = request.readContext()
      const en = context.lang === 'en'
      try {
        const point = await getServicePoint(context, request.params.id)
        return sendPage(reply, deps.webRoot, {
          title: `${point.name} · ${en ? PAGES.directory.en : PAGES.directory.zh} · ${siteName(en)}`,
          description: [point.address, point.openingHours, point.description]
            .filter(Boolean)
            .join(' · ')
            .slice(0, 160),
        })
      } catch {
        return sendNotFoundPage(reply, deps.webRoot, en)
      }
    },
  )
}
