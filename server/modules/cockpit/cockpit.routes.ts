import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import {
  drillDownView,
  importResult,
  milestoneCompleteRequest,
  noticeActionRequest,
  noticeListQuery,
  noticeView,
  periodReportQuery,
  periodSchema,
  planDetail,
  planList,
  reportListQuery,
  reportRequest,
  reportView,
  reviewRequest,
  unitView,
} from '../../../contracts/cockpit.ts'
import { idParams, okResponse } from '../../../contracts/common.ts'
import { sendDownload } from '../../kernel/http/download.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { receiveImportFile } from '../../kernel/storage/upload.ts'
import { cockpitErrors } from './errors.ts'
import { planFromXlsx, planTemplateXlsx, planToXlsx } from './plan-file.ts'
import { exportPlan, getPlan, getTarget, importPlan, knownUnits, listPlans } from './plans.service.ts'
import {
  importPeriod,
  listReports,
  periodTemplateXlsx,
  reviewReport,
  submitReport,
} from './reports.service.ts'
import { actOnNotice, completeMilestone, getNotice, listNotices } from './supervision.service.ts'
import { drillDown, periodReport, periodReportPdf, periodReportXlsx, unitPage } from './views.service.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function sendFile(reply: FastifyReply, data: Buffer, type: string, name: string) {
  return sendDownload(reply, { body: data, mediaType: type, fileName: name })
}

const tags = ['cockpit']

export function cockpitRoutes(app: ZodApp) {
  app.get(
    '/api/cockpit/plans',
    {
      config: { permission: 'cockpit.report' },
      schema: { tags, summary: 'Plans', response: { 200: planList } },
    },
    async (request) => listPlans(request.readContext()),
  )
  app.get(
    '/api/cockpit/plans/:id',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'A plan with its targets (current value, status, computed or reported) and tasks',
        params: idParams,
        response: { 200: planDetail },
      },
    },
    async (request) => getPlan(request.readContext(), request.params.id),
  )
  app.post(
    '/api/cockpit/plans',
    {
      config: { permission: 'cockpit.manage' },
      schema: {
        tags,
        summary: 'Import a plan in the JSON format (docs/plan-format.md); all or nothing',
        body: z.unknown(),
        response: { 200: importResult },
      },
    },
    async (request) => request.write((c) => importPlan(c, request.body)),
  )
  app.post(
    '/api/cockpit/plans/import.xlsx',
    {
      config: { permission: 'cockpit.manage' },
      schema: {
        tags,
        summary: 'Import a plan from the Excel template (multipart field `file`)',
        response: { 200: importResult },
      },
    },
    async (request) => {
      const { data } = await receiveImportFile(request, { missing: cockpitErrors.cockpit_upload_missing })
      return request.write(async (c) =>
        importPlan(c, await planFromXlsx(data, await knownUnits(c.trx)), true),
      )
    },
  )
  app.get(
    '/api/cockpit/plan-template.xlsx',
    {
      config: { permission: 'cockpit.report' },
      schema: { tags, summary: 'The empty Excel template for a plan (docs/plan-format.md)' },
    },
    async (_request, reply) => sendFile(reply, await planTemplateXlsx(), XLSX, 'zhibao-plan-template.xlsx'),
  )
  app.get(
    '/api/cockpit/plans/:id/reports/template.xlsx',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'The Excel template for a period’s figures: one row per reported target of that frequency',
        params: idParams,
        querystring: z.object({ period: periodSchema }),
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await periodTemplateXlsx(request.readContext(), request.params.id, request.query.period),
        XLSX,
        `period-${request.query.period}.xlsx`,
      ),
  )
  app.get(
    '/api/cockpit/plans/:id/export.json',
    {
      config: { permission: 'cockpit.report' },
      schema: { tags, summary: 'The plan in the JSON format', params: idParams },
    },
    async (request) => exportPlan(request.readContext(), request.params.id),
  )
  app.get(
    '/api/cockpit/plans/:id/export.xlsx',
    {
      config: { permission: 'cockpit.report' },
      schema: { tags, summary: 'The plan as the Excel template', params: idParams },
    },
    async (request, reply) => {
      const plan = await exportPlan(request.readContext(), request.params.id)
      return sendFile(reply, await planToXlsx(plan), XLSX, `${plan.code}.xlsx`)
    },
  )
  app.get(
    '/api/cockpit/targets/:id',
    {
      config: { permission: 'cockpit.report' },
      schema: { tags, summary: 'A target with its history by period', params: idParams },
    },
    async (request) => getTarget(request.readContext(), request.params.id),
  )
  app.get(
    '/api/cockpit/targets/:id/drilldown',
    {
      config: { permission: 'cockpit.access' },
      schema: {
        tags,
        summary: 'The records behind a computed figure',
        params: idParams,
        querystring: z.object({ period: periodSchema.optional() }),
        response: { 200: drillDownView },
      },
    },
    async (request) => drillDown(request.readContext(), request.params.id, request.query.period),
  )
  app.get(
    '/api/cockpit/plans/:id/units/:unit',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Everything a unit owes under a plan',
        params: idParams.extend({ unit: z.string().min(1).max(64) }),
        response: { 200: unitView },
      },
    },
    async (request) => unitPage(request.readContext(), request.params.id, request.params.unit),
  )
  app.get(
    '/api/cockpit/reports',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Reports (a unit sees its own)',
        querystring: reportListQuery,
        response: { 200: z.object({ items: z.array(reportView) }) },
      },
    },
    async (request) => listReports(request.readContext(), request.query),
  )
  app.post(
    '/api/cockpit/reports',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Report (or revise) a figure for a period',
        body: reportRequest,
        response: { 200: reportView },
      },
    },
    async (request) => request.write((c) => submitReport(c, request.body)),
  )
  app.post(
    '/api/cockpit/reports/:id/review',
    {
      config: { permission: 'cockpit.manage' },
      schema: {
        tags,
        summary: 'Accept a report or return it for revision',
        params: idParams,
        body: reviewRequest,
        response: { 200: reportView },
      },
    },
    async (request) => request.write((c) => reviewReport(c, request.params.id, request.body)),
  )
  app.post(
    '/api/cockpit/plans/:id/reports/import.xlsx',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Import a period’s figures from the Excel template (sheet 填报); all or nothing',
        params: idParams,
        response: { 200: importResult },
      },
    },
    async (request) => {
      const { data } = await receiveImportFile(request, { missing: cockpitErrors.cockpit_upload_missing })
      return request.write((c) => importPeriod(c, request.params.id, data))
    },
  )
  app.get(
    '/api/cockpit/notices',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Supervision notices (a unit sees its own)',
        querystring: noticeListQuery,
        response: { 200: z.object({ items: z.array(noticeView) }) },
      },
    },
    async (request) => listNotices(request.readContext(), request.query),
  )
  app.get(
    '/api/cockpit/notices/:id',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'A supervision notice with its trail',
        params: idParams,
        response: { 200: noticeView },
      },
    },
    async (request) => getNotice(request.readContext(), request.params.id),
  )
  const noticeAction = (
    path: string,
    action: 'response' | 'followUp' | 'closed',
    permission: 'cockpit.report' | 'cockpit.manage',
    summary: string,
  ) =>
    app.post(
      `/api/cockpit/notices/:id/${path}`,
      {
        config: { permission },
        schema: { tags, summary, params: idParams, body: noticeActionRequest, response: { 200: noticeView } },
      },
      async (request) => request.write((c) => actOnNotice(c, request.params.id, action, request.body)),
    )
  noticeAction('respond', 'response', 'cockpit.report', 'The responsible unit answers a notice')
  noticeAction(
    'follow-up',
    'followUp',
    'cockpit.manage',
    'The plan office follows up (optionally a new deadline)',
  )
  noticeAction('close', 'closed', 'cockpit.manage', 'The plan office closes a notice')
  app.post(
    '/api/cockpit/milestones/:id/complete',
    {
      config: { permission: 'cockpit.report' },
      schema: {
        tags,
        summary: 'Record a milestone as done',
        params: idParams,
        body: milestoneCompleteRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => request.write((c) => completeMilestone(c, request.params.id, request.body)),
  )
  app.get(
    '/api/cockpit/plans/:id/period-report',
    {
      config: { permission: 'cockpit.access' },
      schema: {
        tags,
        summary: 'The period report as JSON, PDF or Excel',
        params: idParams,
        querystring: periodReportQuery,
      },
    },
    async (request, reply) => {
      const context = request.readContext()
      const lang = request.query.format === 'json' ? context.lang : 'zh-CN'
      const report = await periodReport(context, request.params.id, request.query.period, lang)
      if (request.query.format === 'pdf') {
        return sendFile(
          reply,
          await periodReportPdf(report),
          'application/pdf',
          `period-report-${report.period}.pdf`,
        )
      }
      if (request.query.format === 'xlsx') {
        return sendFile(reply, await periodReportXlsx(report), XLSX, `period-report-${report.period}.xlsx`)
      }
      return report
    },
  )
}
