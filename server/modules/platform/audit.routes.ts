import type { z } from 'zod'
import {
  auditFilter,
  auditListQuery,
  auditRecordSchema,
  auditVerification,
} from '../../../contracts/audit.ts'
import { pageOf } from '../../../contracts/common.ts'
import type { Db } from '../../database.ts'
import { verifyAuditChain } from '../../kernel/audit.ts'
import { startsWithText } from '../../kernel/db/like.ts'
import type { ZodApp } from '../../kernel/http/server.ts'

function filtered(db: Db, filter: z.output<typeof auditFilter>) {
  let q = db.selectFrom('audit_log')
  if (filter.action) q = q.where(startsWithText('action', filter.action))
  if (filter.actor) q = q.where('actor_label', '=', filter.actor)
  if (filter.targetType) q = q.where('target_type', '=', filter.targetType)
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId)
  if (filter.from) q = q.where('at', '>=', `${filter.from}T00:00:00.000Z`)
  if (filter.to) q = q.where('at', '<=', `${filter.to}T23:59:59.999Z`)
  return q
}

function present(row: {
  seq: number
  at: string
  actor_id: string | null
  actor_label: string
  action: string
  target_type: string
  target_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  hash: string
}) {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
    ip: row.ip,
    hash: row.hash,
  }
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v)
  // Neutralise spreadsheet formulas and quote every cell.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`
}

export function auditRoutes(app: ZodApp) {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit trail, newest first',
        querystring: auditListQuery,
        response: { 200: pageOf(auditRecordSchema) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query
      const q = filtered(app.deps.db, filter)
      const [rows, count] = await Promise.all([
        q
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(present), total: Number(count.n), page, pageSize }
    },
  )

  app.get(
    '/api/audit/export',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit trail as CSV (at most 100,000 rows)',
        querystring: auditFilter,
      },
    },
    async (request, reply) => {
      const rows = await filtered(app.deps.db, request.query)
        .selectAll()
        .orderBy('seq')
        .limit(100_000)
        .execute()
      const header = [
        'seq',
        'at',
        'actor',
        'action',
        'target_type',
        'target_id',
        'before',
        'after',
        'ip',
        'hash',
      ]
      const lines = rows.map((r) =>
        [
          r.seq,
          r.at,
          r.actor_label,
          r.action,
          r.target_type,
          r.target_id,
          r.before_json,
          r.after_json,
          r.ip,
          r.hash,
        ]
          .map(csvCell)
          .join(','),
      )
      reply.header(
        'content-disposition',
        `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      )
      return reply
        .type('text/csv; charset=utf-8')
        .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`)
    },
  )

  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Re-check the whole hash chain',
        response: { 200: auditVerification },
      },
    },
    async () => verifyAuditChain(app.deps.db),
  )
}
