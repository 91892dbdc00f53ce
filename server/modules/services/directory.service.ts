import type { z } from 'zod'
import {
  checkServicePoint,
  POINT_KIND_LABELS,
  type PointKind,
  SERVICE_KIND_LABELS,
  type ServiceKind,
  type ServicePoint,
  type ServicePointIssue,
  servicePointInput,
  type servicePointListQuery,
  T20_POINT_KINDS,
} from '../../../contracts/services/index.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, type FieldError, fieldError, kernelErrors, type Lang } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { indexDocument, removeDocument } from '../../kernel/search/index.ts'
import { allOrganizations } from '../identity/organizations.repository.ts'
import { servicesErrors } from './errors.ts'

type Row = Database['service_points']
type Input = z.output<typeof servicePointInput>

// The public sees published points; staff of a district their district's and what is published.
const scope = { district: 'service_points.district_id', published: 'service_points.published' }
// Changing a point needs it in the caller's district; being published is not enough.
const writeScope = { district: 'service_points.district_id' }

function present(row: Row & { district_name?: string | null }): ServicePoint {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PointKind,
    services: JSON.parse(row.services) as ServiceKind[],
    districtId: row.district_id,
    districtName: row.district_name ?? null,
    address: row.address,
    contacts: JSON.parse(row.contacts) as ServicePoint['contacts'],
    email: row.email,
    openingHours: row.opening_hours,
    description: row.description,
    lat: Number(row.lat),
    lng: Number(row.lng),
    establishedOn: row.established_on,
    published: row.published === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Keeps the unified search in step with a point, in the caller's transaction (source 'service'). */
export async function indexServicePoint(trx: Tx, row: Row, now: Date): Promise<void> {
  const services = (JSON.parse(row.services) as ServiceKind[]).map((s) => SERVICE_KIND_LABELS[s].zh)
  await indexDocument(
    trx,
    {
      source: 'service',
      sourceId: row.id,
      kind: 'service_point',
      title: row.name,
      body: [POINT_KIND_LABELS[row.kind as PointKind]?.zh, services.join('、'), row.address, row.description]
        .filter(Boolean)
        .join('\n'),
      names: [],
      districtId: row.district_id,
      entityId: null,
      published: row.published === 1,
      sortDate: (row.established_on ?? row.created_at).slice(0, 10),
    },
    now,
  )
}

function selectPoints(db: Db | Tx, context: ReadContext | WriteContext) {
  return db
    .selectFrom('service_points')
    .leftJoin('organizations', 'organizations.id', 'service_points.district_id')
    .where((eb) => scopeCondition(eb, context.actor, scope))
}

const dbOf = (context: ReadContext | WriteContext): Db | Tx => ('trx' in context ? context.trx : context.db)

export async function getServicePoint(
  context: ReadContext | WriteContext,
  id: string,
): Promise<ServicePoint> {
  const row = await selectPoints(dbOf(context), context)
    .selectAll('service_points')
    .select(
      context.lang === 'en'
        ? 'organizations.name_en as district_name'
        : 'organizations.name_zh as district_name',
    )
    .where('service_points.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return present(row)
}

export async function listServicePoints(context: ReadContext, query: z.output<typeof servicePointListQuery>) {
  let q = selectPoints(context.db, context)
  if (query.kind) q = q.where('service_points.kind', '=', query.kind)
  if (query.districtId) q = q.where('service_points.district_id', '=', query.districtId)
  // services is a JSON array of known words; the quoted word cannot match inside another.
  if (query.service) q = q.where('service_points.services', 'like', `%"${query.service}"%`)
  if (query.q) {
    const text = query.q
    q = q.where((eb) =>
      eb.or(
        ['service_points.name', 'service_points.address', 'service_points.description'].map((c) =>
          containsText(c, text, { ignoreCase: true }),
        ),
      ),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('service_points')
      .select(
        context.lang === 'en'
          ? 'organizations.name_en as district_name'
          : 'organizations.name_zh as district_name',
      )
      .orderBy('service_points.kind')
      .orderBy('service_points.name')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize }
}

function issueErrors(issues: ServicePointIssue[], prefix: string, lang: Lang): FieldError[] {
  return issues.map((i) => ({
    path: `${prefix}${i.field}`,
    code: i.code,
    message: lang === 'en' ? i.en : i.zh,
  }))
}

/** Districts by id, code and name (zh and en), for the API (ids) and spreadsheets (names or codes). */
async function districtLookup(db: Db | Tx): Promise<Map<string, string>> {
  const map = new Map<string, string>()
  for (const o of await allOrganizations(db)) {
    if (o.kind !== 'district' && o.kind !== 'zone') continue
    for (const key of [o.id, o.code, o.name_zh, o.name_en]) map.set(key, o.id)
  }
  return map
}

function districtIssue(
  districtId: string,
  districts: Map<string, string>,
  context: WriteContext,
): ServicePointIssue | null {
  const resolved = districts.get(districtId)
  if (!resolved) {
    return {
      field: 'districtId',
      code: 'district_unknown',
      zh: '辖区不存在，应为苏州市的县级市（区）',
      en: 'Unknown district; use one of Suzhou’s districts',
    }
  }
  const actor = context.actor
  if (outsideDistrictScope(actor, resolved)) {
    return {
      field: 'districtId',
      code: 'district_out_of_scope',
      zh: '只能登记本辖区的服务机构',
      en: 'You can only record service points of your own district',
    }
  }
  return null
}

function toRow(input: Input, contacts: { label: string | null; phone: string }[], districtId: string) {
  return {
    name: input.name,
    kind: input.kind,
    services: JSON.stringify([...new Set(input.services)]),
    district_id: districtId,
    address: input.address,
    contacts: JSON.stringify(contacts),
    email: input.email ?? null,
    opening_hours: input.openingHours ?? null,
    description: input.description ?? null,
    lat: input.lat,
    lng: input.lng,
    established_on: input.establishedOn ?? null,
    published: input.published ? 1 : 0,
  }
}

async function nameTaken(db: Db | Tx, districtId: string, name: string, except?: string) {
  let q = db
    .selectFrom('service_points')
    .select('id')
    .where('district_id', '=', districtId)
    .where('name', '=', name)
  if (except) q = q.where('id', '!=', except)
  return (await q.executeTakeFirst()) !== undefined
}

async function validated(context: WriteContext, input: Input) {
  const { contacts, issues } = checkServicePoint(input)
  const districts = await districtLookup(context.trx)
  const district = districtIssue(input.districtId, districts, context)
  if (district) issues.push(district)
  if (issues.length > 0) {
    throw new AppError(kernelErrors.validation_failed, { errors: issueErrors(issues, 'body.', context.lang) })
  }
  return { contacts, districtId: districts.get(input.districtId)! }
}

export async function createServicePoint(context: WriteContext, input: Input): Promise<ServicePoint> {
  const { contacts, districtId } = await validated(context, input)
  if (await nameTaken(context.trx, districtId, input.name))
    throw new AppError(servicesErrors.service_point_exists)
  const row: Row = {
    id: newId(context.now.getTime()),
    ...toRow(input, contacts, districtId),
    created_at: context.now.toISOString(),
    updated_at: context.now.toISOString(),
  }
  await context.trx.insertInto('service_points').values(row).execute()
  await indexServicePoint(context.trx, row, context.now)
  await context.audit({
    action: 'service_point.create',
    targetType: 'service_point',
    targetId: row.id,
    after: row,
  })
  return getServicePoint(context, row.id)
}

async function ownRow(context: WriteContext, id: string): Promise<Row> {
  const before = await context.trx
    .selectFrom('service_points')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  return before
}

export async function updateServicePoint(
  context: WriteContext,
  id: string,
  input: Input,
): Promise<ServicePoint> {
  const before = await ownRow(context, id)
  const { contacts, districtId } = await validated(context, input)
  if (await nameTaken(context.trx, districtId, input.name, id))
    throw new AppError(servicesErrors.service_point_exists)
  const after: Row = {
    ...before,
    ...toRow(input, contacts, districtId),
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('service_points').set(after).where('id', '=', id).execute()
  await indexServicePoint(context.trx, after, context.now)
  await context.audit({
    action: 'service_point.update',
    targetType: 'service_point',
    targetId: id,
    before,
    after,
  })
  return getServicePoint(context, id)
}

export async function deleteServicePoint(context: WriteContext, id: string): Promise<void> {
  const before = await ownRow(context, id)
  await context.trx.deleteFrom('service_points').where('id', '=', id).execute()
  await removeDocument(context.trx, 'service', id)
  await context.audit({ action: 'service_point.delete', targetType: 'service_point', targetId: id, before })
}

/** One row of an import: its number as the user sees it, the path prefix of its errors, the point. */
export interface ImportItem {
  row: number
  prefix: string
  value: unknown
}

/**
 * Imports service points all or nothing: every row is checked (schema, phones, coordinates,
 * district and scope, duplicates in the file and in the directory) before anything is written.
 */
export async function importServicePoints(
  context: WriteContext,
  items: readonly ImportItem[],
  source: string,
): Promise<{ imported: number }> {
  if (items.length === 0) {
    throw fieldError(
      'file',
      'empty',
      { zh: '导入文件中没有数据行', en: 'The file has no data rows' },
      context.lang,
    )
  }
  const districts = await districtLookup(context.trx)
  const errors: FieldError[] = []
  const rows: Row[] = []
  const seen = new Map<string, number>()
  for (const [index, item] of items.entries()) {
    const parsed = servicePointInput.safeParse(item.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({
          path: `${item.prefix}${issue.path.join('.')}`,
          code: issue.code,
          message: issue.message,
        })
      continue
    }
    const { contacts, issues } = checkServicePoint(parsed.data)
    const district = districtIssue(parsed.data.districtId, districts, context)
    if (district) issues.push(district)
    if (issues.length > 0) {
      errors.push(...issueErrors(issues, item.prefix, context.lang))
      continue
    }
    const districtId = districts.get(parsed.data.districtId)!
    const key = `${districtId}\u0000${parsed.data.name}`
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({
        path: `${item.prefix}name`,
        code: 'duplicate_in_file',
        message:
          context.lang === 'en' ? `Same name and district as row ${first}` : `与第 ${first} 行名称和辖区重复`,
      })
      continue
    }
    seen.set(key, item.row)
    if (await nameTaken(context.trx, districtId, parsed.data.name)) {
      errors.push({
        path: `${item.prefix}name`,
        code: servicesErrors.service_point_exists,
        message: context.lang === 'en' ? 'Already in the directory' : '服务名录中已有该机构',
      })
      continue
    }
    rows.push({
      id: newId(context.now.getTime() + index),
      ...toRow(parsed.data, contacts, districtId),
      created_at: context.now.toISOString(),
      updated_at: context.now.toISOString(),
    })
  }
  if (errors.length > 0) throw new AppError(kernelErrors.validation_failed, { errors: errors.slice(0, 500) })
  for (const row of rows) {
    await context.trx.insertInto('service_points').values(row).execute()
    await indexServicePoint(context.trx, row, context.now)
  }
  await context.audit({
    action: 'service_point.import',
    targetType: 'service_point',
    targetId: null,
    after: { source, count: rows.length, names: rows.map((r) => r.name) },
  })
  return { imported: rows.length }
}

/**
 * The cockpit's T20 (知识产权公共服务机构和平台数): published points of the public kinds
 * (T20_POINT_KINDS) that had opened by `to` (their established date, else the day they were
 * recorded, in China time), with the points behind the count.
 */
export async function publicServicePointsCount(
  db: Db | Tx,
  window: { to: string },
): Promise<{ count: number; points: { id: string; name: string; kind: string }[] }> {
  // created_at is UTC; the day ends at 16:00 UTC in China.
  const end = new Date(`${window.to}T16:00:00.000Z`).toISOString()
  const rows = await db
    .selectFrom('service_points')
    .select(['id', 'name', 'kind', 'established_on', 'created_at'])
    .where('published', '=', 1)
    .where('kind', 'in', [...T20_POINT_KINDS])
    .orderBy('name')
    .execute()
  const points = rows
    .filter((r) => (r.established_on ? r.established_on <= window.to : r.created_at < end))
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind }))
  return { count: points.length, points }
}
