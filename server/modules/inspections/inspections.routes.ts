import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { idParams, pageOf } from '../../../contracts/common.ts'
import {
  abortDrawRequest,
  commitDrawRequest,
  createInspectorRequest,
  createItemRequest,
  createPlanRequest,
  createTaskRequest,
  declareConflictRequest,
  designateObserverRequest,
  directoryEntrySchema,
  directoryQuery,
  drawListQuery,
  drawSchema,
  importDirectoryResponse,
  inspectionItemSchema,
  inspectorSchema,
  observerCommitmentRequest,
  observerDutySchema,
  observerRevealRequest,
  penaltyCaseResponse,
  planSchema,
  recordResultRequest,
  revealRequest,
  reviewRequest,
  runDrawRequest,
  statsQuery,
  statsSchema,
  targetSchema,
  taskListQuery,
  taskObserverSchema,
  taskSchema,
} from '../../../contracts/inspections-api.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { receiveImportFile } from '../../kernel/storage/upload.ts'
import {
  abortDraw,
  commitDraw,
  drawRecordText,
  getDraw,
  listDraws,
  publishDraw,
  recordFailedRun,
  revealObserver,
  runCommittedDraw,
} from './draws.service.ts'
import {
  createInspector,
  createItem,
  declareConflict,
  importDirectory,
  importInspectors,
  listDirectory,
  listInspectors,
  listItems,
  readDirectoryFile,
} from './lists.service.ts'
import {
  designateObserver,
  listTaskObservers,
  myDuties,
  revealAsObserver,
  submitObserverCommitment,
} from './observers.service.ts'
import { createPlan, createTask, findTask, listPlans, listTasks } from './plans.service.ts'
import {
  listTargets,
  openPenaltyFromResult,
  publishResult,
  recordResult,
  reviewResult,
  statistics,
} from './results.service.ts'

const tags = ['inspections']

/** The spreadsheet uploaded as multipart field "file" (*.csv or *.xlsx). */
async function uploadedTable(request: FastifyRequest) {
  const file = await receiveImportFile(request, {
    kinds: ['csv', 'xlsx'],
    missing: kernelErrors.unsupported_media_type,
  })
  return readDirectoryFile(file.kind, file.data, request.readContext().lang)
}

export function inspectionsRoutes(app: ZodApp) {
  // ---- Lists (一单两库) ----
  app.get(
    '/api/inspections/items',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, summary: '抽查事项清单', response: { 200: z.array(inspectionItemSchema) } },
    },
    async (request) => listItems(request.readContext()),
  )
  app.post(
    '/api/inspections/items',
    {
      config: { permission: 'inspection.plan' },
      schema: { tags, body: createItemRequest, response: { 201: inspectionItemSchema } },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createItem(c, request.body))),
  )
  app.get(
    '/api/inspections/directory',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: '检查对象名录库 (scoped)',
        querystring: directoryQuery,
        response: { 200: pageOf(directoryEntrySchema) },
      },
    },
    async (request) => listDirectory(request.readContext(), request.query),
  )
  app.post(
    '/api/inspections/directory/import',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary:
          'Import the entity directory from Excel/CSV (multipart field "file", *.csv or *.xlsx); all or nothing',
        response: { 200: importDirectoryResponse },
      },
    },
    async (request) => {
      const table = await uploadedTable(request)
      return request.write((c) => importDirectory(c, table))
    },
  )
  app.post(
    '/api/inspections/inspectors/import',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary:
          'Import the inspector directory from Excel/CSV (multipart field "file", *.csv or *.xlsx); all or nothing',
        response: { 200: importDirectoryResponse },
      },
    },
    async (request) => {
      const table = await uploadedTable(request)
      return request.write((c) => importInspectors(c, table))
    },
  )
  app.get(
    '/api/inspections/inspectors',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, summary: '执法检查人员名录库', response: { 200: z.array(inspectorSchema) } },
    },
    async (request) => listInspectors(request.readContext()),
  )
  app.post(
    '/api/inspections/inspectors',
    {
      config: { permission: 'inspection.plan' },
      schema: { tags, body: createInspectorRequest, response: { 201: inspectorSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createInspector(c, request.body))),
  )
  app.post(
    '/api/inspections/inspectors/:id/conflicts',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary: 'Declare a conflict of interest (回避)',
        params: idParams,
        body: declareConflictRequest,
        response: { 200: inspectorSchema },
      },
    },
    async (request) => request.write((c) => declareConflict(c, request.params.id, request.body)),
  )

  // ---- Plans and tasks ----
  app.get(
    '/api/inspections/plans',
    { config: { permission: 'inspection.read' }, schema: { tags, response: { 200: z.array(planSchema) } } },
    async (request) => listPlans(request.readContext()),
  )
  app.post(
    '/api/inspections/plans',
    {
      config: { permission: 'inspection.plan' },
      schema: { tags, body: createPlanRequest, response: { 201: planSchema } },
    },
    async (request, reply) => reply.code(201).send(await request.write((c) => createPlan(c, request.body))),
  )
  app.post(
    '/api/inspections/plans/:id/tasks',
    {
      config: { permission: 'inspection.plan' },
      schema: { tags, params: idParams, body: createTaskRequest, response: { 201: taskSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createTask(c, request.params.id, request.body))),
  )
  app.get(
    '/api/inspections/tasks',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, querystring: taskListQuery, response: { 200: pageOf(taskSchema) } },
    },
    async (request) => listTasks(request.readContext(), request.query),
  )
  app.get(
    '/api/inspections/tasks/:id',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, params: idParams, response: { 200: taskSchema } },
    },
    async (request) => {
      const { row: _row, ...task } = await findTask(request.readContext(), request.params.id)
      return task
    },
  )

  // ---- The draw ----
  app.post(
    '/api/inspections/tasks/:id/draw',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary: 'Commit to the draw inputs and announce the randomness (drand round, observers)',
        params: idParams,
        body: commitDrawRequest,
        response: { 201: drawSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => commitDraw(c, request.params.id, request.body))),
  )
  app.get(
    '/api/inspections/draws',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Draws: published ones for the public; staff also their scope’s',
        querystring: drawListQuery,
        response: { 200: pageOf(drawSchema) },
      },
    },
    async (request) => listDraws(request.readContext(), request.query),
  )
  app.get(
    '/api/inspections/draws/:id',
    { config: { public: true }, schema: { tags, params: idParams, response: { 200: drawSchema } } },
    async (request) => getDraw(request.readContext(), request.params.id),
  )
  app.get(
    '/api/inspections/draws/:id/record',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The draw record (zhibao-draw-record/1), verbatim; public once published',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(await drawRecordText(request.readContext(), request.params.id)),
  )
  app.post(
    '/api/inspections/draws/:id/reveals',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary:
          'Staff enter the value disclosed by an observer who is not a user account (user observers reveal in person)',
        params: idParams,
        body: revealRequest,
        response: { 200: drawSchema },
      },
    },
    async (request) => request.write((c) => revealObserver(c, request.params.id, request.body)),
  )
  // ---- Observers as user accounts (commit–reveal in person) ----
  app.get(
    '/api/inspections/tasks/:id/observers',
    {
      config: { permission: 'inspection.read' },
      schema: {
        tags,
        summary: 'Observers designated on a task and whether each has committed',
        params: idParams,
        response: { 200: z.array(taskObserverSchema) },
      },
    },
    async (request) => listTaskObservers(request.readContext(), request.params.id),
  )
  app.post(
    '/api/inspections/tasks/:id/observers',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary: 'Designate a user (by username) as observer of the task’s draw, before it is committed',
        params: idParams,
        body: designateObserverRequest,
        response: { 200: z.array(taskObserverSchema) },
      },
    },
    async (request) => request.write((c) => designateObserver(c, request.params.id, request.body)),
  )
  app.get(
    '/api/inspections/observer-duties',
    {
      config: { permission: 'inspection.observe' },
      schema: {
        tags,
        summary: 'Tasks on which the signed-in user is a designated observer',
        response: { 200: z.array(observerDutySchema) },
      },
    },
    async (request) => myDuties(request.readContext()),
  )
  app.post(
    '/api/inspections/observer-duties/:id/commitment',
    {
      config: { permission: 'inspection.observe' },
      schema: {
        tags,
        summary: 'The observer submits the commitment (SHA-256) of their secret value for task :id',
        params: idParams,
        body: observerCommitmentRequest,
        response: { 200: observerDutySchema },
      },
    },
    async (request) => request.write((c) => submitObserverCommitment(c, request.params.id, request.body)),
  )
  app.post(
    '/api/inspections/observer-duties/draws/:id/reveal',
    {
      config: { permission: 'inspection.observe' },
      schema: {
        tags,
        summary: 'The observer reveals their secret value for the committed draw :id',
        params: idParams,
        body: observerRevealRequest,
        response: { 200: observerDutySchema },
      },
    },
    async (request) => request.write((c) => revealAsObserver(c, request.params.id, request.body)),
  )
  app.post(
    '/api/inspections/draws/:id/run',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary: 'Enter the drand randomness, derive the seed and run the draw',
        params: idParams,
        body: runDrawRequest,
        response: { 200: drawSchema },
      },
    },
    async (request) => {
      try {
        return await request.write((c) => runCommittedDraw(c, request.params.id, request.body))
      } catch (error) {
        // The failed run stored nothing; the attempt itself is recorded (trust.md C.3: aborts are visible).
        if (error instanceof AppError && error.code.startsWith('inspection_') && error.status === 422)
          await request.write((c) => recordFailedRun(c, request.params.id, error.code, request.body))
        throw error
      }
    },
  )
  app.post(
    '/api/inspections/draws/:id/abort',
    {
      config: { permission: 'inspection.plan' },
      schema: {
        tags,
        summary: 'Abandon a committed draw, publicly, with the reason',
        params: idParams,
        body: abortDrawRequest,
        response: { 200: drawSchema },
      },
    },
    async (request) => request.write((c) => abortDraw(c, request.params.id, request.body.reason)),
  )
  app.post(
    '/api/inspections/draws/:id/publish',
    {
      config: { permission: 'inspection.publish' },
      schema: { tags, params: idParams, response: { 200: drawSchema } },
    },
    async (request) => request.write((c) => publishDraw(c, request.params.id)),
  )
  app.get(
    '/api/inspections/draws/:id/targets',
    {
      config: { public: true },
      schema: { tags, params: idParams, response: { 200: z.array(targetSchema) } },
    },
    async (request) => listTargets(request.readContext(), request.params.id),
  )

  // ---- Results ----
  app.post(
    '/api/inspections/targets/:id/result',
    {
      config: { permission: 'inspection.result' },
      schema: { tags, params: idParams, body: recordResultRequest, response: { 200: targetSchema } },
    },
    async (request) => request.write((c) => recordResult(c, request.params.id, request.body)),
  )
  app.post(
    '/api/inspections/targets/:id/review',
    {
      config: { permission: 'inspection.review' },
      schema: {
        tags,
        summary: '法制审核',
        params: idParams,
        body: reviewRequest,
        response: { 200: targetSchema },
      },
    },
    async (request) => request.write((c) => reviewResult(c, request.params.id, request.body)),
  )
  app.post(
    '/api/inspections/targets/:id/publish',
    {
      config: { permission: 'inspection.publish' },
      schema: { tags, params: idParams, response: { 200: targetSchema } },
    },
    async (request) => request.write((c) => publishResult(c, request.params.id)),
  )
  app.post(
    '/api/inspections/targets/:id/penalty-case',
    {
      config: { permission: 'case.handle' },
      schema: {
        tags,
        summary:
          'Open a penalty case (行政处罚) from a result that found a problem, in the matter of other cases against the entity',
        params: idParams,
        response: { 201: penaltyCaseResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => openPenaltyFromResult(c, request.params.id))),
  )
  app.get(
    '/api/inspections/stats',
    {
      config: { permission: 'inspection.read' },
      schema: { tags, querystring: statsQuery, response: { 200: statsSchema } },
    },
    async (request) => statistics(request.readContext(), request.query),
  )
}
