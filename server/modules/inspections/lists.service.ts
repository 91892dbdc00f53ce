/**
 * The lists (一单两库): inspection items (抽查事项清单), the entity directory (检查对象名录库: the entities
 * module's market entities plus inspection attributes kept here) and the inspector directory
 * (执法检查人员名录库) with declared conflicts.
 */
import type { z } from 'zod'
import {
  type IdentifierMessageLanguage,
  identifierMessage,
  validateUscc,
} from '../../../contracts/identifiers/index.ts'
import {
  CREDIT_LEVELS,
  type createInspectorRequest,
  type createItemRequest,
  DIRECTORY_COLUMNS,
  type declareConflictRequest,
  type directoryQuery,
  INSPECTOR_COLUMNS,
  type InspectionItem,
  type InspectorEntry,
} from '../../../contracts/inspections-api.ts'
import { type Actor, scopeCondition } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { type ImportedTable, readTable } from '../../kernel/documents/tables.ts'
import { AppError, type FieldError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { findEntityByUscc, insertEntity } from '../entities/index.ts'
import { inspectionsErrors } from './errors.ts'
import {
  type AnyContext,
  dbOf,
  type Executor,
  organizationsLookup,
  parseJson,
  restrictDistrict,
} from './shared.ts'

// ---- Items ----

export async function listItems(context: AnyContext): Promise<InspectionItem[]> {
  const rows = await dbOf(context)
    .selectFrom('inspection_items')
    .leftJoin('organizations', 'organizations.id', 'inspection_items.agency_id')
    .selectAll('inspection_items')
    .select('organizations.name_zh as agency_name')
    .orderBy('inspection_items.code')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    legalBasis: r.legal_basis,
    method: r.method as InspectionItem['method'],
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    requiredQualifications: parseJson<string[]>(r.required_qualifications),
    legalReview: r.legal_review === 1,
  }))
}

export async function createItem(
  context: WriteContext,
  input: z.output<typeof createItemRequest>,
): Promise<InspectionItem> {
  const { trx, now } = context
  if (await trx.selectFrom('inspection_items').select('id').where('code', '=', input.code).executeTakeFirst())
    throw new AppError(inspectionsErrors.inspection_code_exists)
  const orgs = await organizationsLookup(trx)
  if (!orgs.byId.has(input.agencyId)) throw new AppError(inspectionsErrors.inspection_reference_unknown)
  const row = {
    id: newId(now.getTime()),
    code: input.code,
    name: input.name,
    legal_basis: input.legalBasis,
    method: input.method,
    agency_id: input.agencyId,
    required_qualifications: JSON.stringify([...new Set(input.requiredQualifications)].sort()),
    legal_review: input.legalReview ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await trx.insertInto('inspection_items').values(row).execute()
  await context.audit({
    action: 'inspection.item.create',
    targetType: 'inspectionItem',
    targetId: row.id,
    after: row,
  })
  return (await listItems(context)).find((i) => i.id === row.id)!
}

// ---- Entity directory ----

export async function listDirectory(context: ReadContext, query: z.output<typeof directoryQuery>) {
  let q = context.db
    .selectFrom('entities')
    .leftJoin('inspection_entity_profiles as p', 'p.entity_id', 'entities.id')
    .leftJoin('organizations', 'organizations.id', 'entities.district_id')
    .where((eb) => scopeCondition(eb, context.actor, { district: 'entities.district_id' }))
  if (query.q) {
    const term = query.q
    q = q.where((eb) =>
      eb.or([containsText('entities.name', term), eb('entities.uscc', '=', term.toUpperCase())]),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .select([
        'entities.id',
        'entities.uscc',
        'entities.name',
        'entities.district_id',
        'organizations.name_zh as district_name',
        'p.category',
        'p.credit_level',
        'p.key_enterprise',
      ])
      .orderBy('entities.uscc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const ids = rows.map((r) => r.id)
  const last =
    ids.length === 0
      ? []
      : await context.db
          .selectFrom('inspection_last_inspections')
          .selectAll()
          .where('entity_id', 'in', ids)
          .execute()
  return {
    items: rows.map((r) => ({
      entityId: r.id,
      uscc: r.uscc,
      name: r.name,
      districtId: r.district_id,
      districtName: r.district_name,
      category: r.category,
      creditLevel: r.credit_level,
      keyEnterprise: r.key_enterprise === 1,
      lastInspections: last
        .filter((l) => l.entity_id === r.id)
        .map((l) => ({ itemId: l.item_id, inspectedOn: l.inspected_on })),
    })),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

const YES = new Set(['是', 'y', 'yes', '1', 'true'])
const NO = new Set(['', '否', 'n', 'no', '0', 'false'])

const importMessages = {
  missingColumn: { zh: '缺少必需的列', en: 'Required column is missing' },
  required: { zh: '必填', en: 'Required' },
  duplicate: { zh: '文件中重复出现的统一社会信用代码', en: 'This credit code appears twice in the file' },
  district: { zh: '未知的区县代码（如 gusu、kunshan）', en: 'Unknown district code (e.g. gusu, kunshan)' },
  outOfScope: { zh: '不在您的辖区内', en: 'Outside your district' },
  category: {
    zh: '行业类别须为1–64个字符，不含“|”',
    en: 'Category must be 1–64 characters without “|”',
  },
  credit: { zh: '信用等级须为 A、B、C 或 D', en: 'Credit level must be A, B, C or D' },
  key: { zh: '重点企业须填“是”或“否”', en: 'Key enterprise must be “是” or “否” (yes/no)' },
  unreadable: { zh: '无法读取该文件', en: 'The file cannot be read' },
  badge: {
    zh: '执法证号须为1–64个字母、数字或 _ . : -',
    en: 'Badge number must be 1–64 letters, digits or _ . : -',
  },
  duplicateBadge: { zh: '文件中重复出现的执法证号', en: 'This badge number appears twice in the file' },
  agency: { zh: '未知的执法机构代码（如 samr-kunshan）', en: 'Unknown agency code (e.g. samr-kunshan)' },
  qualification: {
    zh: '执法资格须为字母、数字或 _ . : -，以“;”分隔',
    en: 'Qualifications must be letters, digits or _ . : -, separated by “;”',
  },
  capacity: { zh: '承办上限须为0–10000的整数', en: 'Capacity must be a whole number from 0 to 10,000' },
  conflict: {
    zh: '回避对象须为名录中已有企业的统一社会信用代码',
    en: 'Conflicts must be credit codes of entities already in the directory',
  },
  name: { zh: '姓名须为1–100个字符', en: 'Name must be 1–100 characters' },
} as const

/** Reason recorded for conflicts declared through the inspector import. */
const IMPORTED_CONFLICT_REASON = '名录导入申报 (declared in the directory import)'
const LIST_SEPARATOR = /[;；、,，\s]+/u
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/

/** Reads an uploaded directory file as a table; one that cannot be parsed is a validation error on `file`. */
export async function readDirectoryFile(
  kind: 'csv' | 'xlsx',
  data: Buffer,
  lang: string,
): Promise<ImportedTable> {
  try {
    return await readTable(data, kind)
  } catch {
    const m = importMessages.unreadable
    throw new AppError(kernelErrors.validation_failed, {
      errors: [{ path: 'file', code: 'unreadable', message: lang === 'en' ? m.en : m.zh }],
    })
  }
}

/**
 * Imports the entity directory from Excel or CSV. All or nothing: every row is validated first
 * (USCC check digit, district, category, credit level), and any bad row rejects the whole file with
 * one error per bad cell, by spreadsheet row number.
 */
export async function importDirectory(context: WriteContext, table: ImportedTable) {
  const { trx, now, actor, lang } = context
  const msg = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh)
  const errors: FieldError[] = []
  const column = (field: keyof typeof DIRECTORY_COLUMNS) =>
    DIRECTORY_COLUMNS[field].find((h) => table.header.includes(h)) ?? null
  const cols = {
    uscc: column('uscc'),
    name: column('name'),
    district: column('district'),
    category: column('category'),
    creditLevel: column('creditLevel'),
    keyEnterprise: column('keyEnterprise'),
  }
  for (const f of ['uscc', 'category', 'creditLevel'] as const) {
    if (!cols[f])
      errors.push({
        path: `rows.1.${f}`,
        code: 'missingColumn',
        message: `${msg(importMessages.missingColumn)}: ${DIRECTORY_COLUMNS[f][0]}`,
      })
  }
  if (errors.length > 0) throw new AppError(kernelErrors.validation_failed, { errors })
  const orgs = await organizationsLookup(trx)
  const seen = new Set<string>()
  const valid: {
    uscc: string
    name: string
    districtId: string | null
    category: string
    creditLevel: string
    keyEnterprise: boolean
  }[] = []
  for (const { row, values } of table.rows) {
    const bad = (field: string, code: string, message: string) =>
      errors.push({ path: `rows.${row}.${field}`, code, message })
    const get = (f: keyof typeof cols) => (cols[f] ? (values[cols[f]!] ?? '').trim() : '')
    const usccRaw = get('uscc').toUpperCase()
    const check = validateUscc(usccRaw)
    if (!check.ok)
      bad('uscc', check.reason, identifierMessage('uscc', check.reason, lang as IdentifierMessageLanguage))
    else if (seen.has(usccRaw)) bad('uscc', 'duplicate', msg(importMessages.duplicate))
    seen.add(usccRaw)
    const districtCode = get('district')
    let districtId: string | null = null
    if (districtCode) {
      const org = orgs.byCode.get(districtCode)
      if (org?.kind !== 'district') bad('district', 'unknown', msg(importMessages.district))
      else districtId = org.id
    }
    if (districtId !== null && actor.districtId !== null && districtId !== actor.districtId)
      bad('district', 'outOfScope', msg(importMessages.outOfScope))
    const category = get('category')
    if (!category || category.length > 64 || category.includes('|') || /\p{Cc}/u.test(category))
      bad('category', 'invalid', msg(importMessages.category))
    const creditLevel = get('creditLevel').toUpperCase()
    if (!(CREDIT_LEVELS as readonly string[]).includes(creditLevel))
      bad('creditLevel', 'invalid', msg(importMessages.credit))
    const key = get('keyEnterprise').toLowerCase()
    if (!YES.has(key) && !NO.has(key)) bad('keyEnterprise', 'invalid', msg(importMessages.key))
    valid.push({
      uscc: usccRaw,
      name: get('name'),
      districtId,
      category,
      creditLevel,
      keyEnterprise: YES.has(key),
    })
  }
  // Names are needed only for entities not yet in the directory; a second pass once USCCs are known good.
  const existing = new Map<string, Awaited<ReturnType<typeof findEntityByUscc>>>()
  if (errors.length === 0) {
    for (const [i, v] of valid.entries()) {
      const found = await findEntityByUscc(trx, v.uscc)
      existing.set(v.uscc, found)
      const row = table.rows[i]!.row
      if (!found && v.name.length < 2)
        errors.push({ path: `rows.${row}.name`, code: 'required', message: msg(importMessages.required) })
      if (found && actor.districtId !== null && found.district_id !== actor.districtId)
        errors.push({ path: `rows.${row}.uscc`, code: 'outOfScope', message: msg(importMessages.outOfScope) })
    }
  }
  if (errors.length > 0) throw new AppError(kernelErrors.validation_failed, { errors: errors.slice(0, 500) })

  let created = 0
  let updated = 0
  for (const v of valid) {
    let entity = existing.get(v.uscc)
    if (!entity) {
      entity = await insertEntity(trx, now, { uscc: v.uscc, name: v.name, districtId: v.districtId })
      created++
    } else updated++
    const profile = {
      category: v.category,
      credit_level: v.creditLevel,
      key_enterprise: v.keyEnterprise ? 1 : 0,
      updated_at: now.toISOString(),
    }
    await trx
      .insertInto('inspection_entity_profiles')
      .values({ entity_id: entity.id, ...profile })
      .onConflict((oc) => oc.column('entity_id').doUpdateSet(profile))
      .execute()
  }
  await context.audit({
    action: 'inspection.directory.import',
    targetType: 'inspectionDirectory',
    targetId: null,
    after: { rows: valid.length, created, updated, usccs: valid.map((v) => v.uscc) },
  })
  return { rows: valid.length, created, updated }
}

// ---- Inspector directory ----

async function inspectorsWhere(db: Executor, actor: Actor, id?: string): Promise<InspectorEntry[]> {
  let q = db
    .selectFrom('inspectors')
    .leftJoin('organizations', 'organizations.id', 'inspectors.agency_id')
    .where((eb) => scopeCondition(eb, actor, { district: 'inspectors.district_id' }))
    .selectAll('inspectors')
    .select('organizations.name_zh as agency_name')
  if (id) q = q.where('inspectors.id', '=', id)
  const rows = await q.orderBy('inspectors.badge').execute()
  const ids = rows.map((r) => r.id)
  const conflicts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('inspector_conflicts')
          .innerJoin('entities', 'entities.id', 'inspector_conflicts.entity_id')
          .select([
            'inspector_conflicts.inspector_id',
            'inspector_conflicts.entity_id',
            'entities.uscc',
            'inspector_conflicts.reason',
          ])
          .where('inspector_conflicts.inspector_id', 'in', ids)
          .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    badge: r.badge,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    districtId: r.district_id,
    qualifications: parseJson<string[]>(r.qualifications),
    capacity: r.capacity,
    active: r.active === 1,
    conflicts: conflicts
      .filter((c) => c.inspector_id === r.id)
      .map((c) => ({ entityId: c.entity_id, uscc: c.uscc, reason: c.reason })),
  }))
}

export const listInspectors = (context: ReadContext) => inspectorsWhere(context.db, context.actor)

export async function createInspector(
  context: WriteContext,
  input: z.output<typeof createInspectorRequest>,
): Promise<InspectorEntry> {
  const { trx, now } = context
  const districtId = restrictDistrict(context.actor, input.districtId)
  if (await trx.selectFrom('inspectors').select('id').where('badge', '=', input.badge).executeTakeFirst())
    throw new AppError(inspectionsErrors.inspection_badge_exists)
  const orgs = await organizationsLookup(trx)
  if (!orgs.byId.has(input.agencyId) || (districtId !== null && !orgs.byId.has(districtId)))
    throw new AppError(inspectionsErrors.inspection_reference_unknown)
  if (
    input.userId &&
    !(await trx.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst())
  )
    throw new AppError(inspectionsErrors.inspection_reference_unknown)
  const row = {
    id: newId(now.getTime()),
    user_id: input.userId,
    name: input.name,
    badge: input.badge,
    agency_id: input.agencyId,
    district_id: districtId,
    qualifications: JSON.stringify([...new Set(input.qualifications)].sort()),
    capacity: input.capacity,
    active: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await trx.insertInto('inspectors').values(row).execute()
  await context.audit({
    action: 'inspection.inspector.create',
    targetType: 'inspector',
    targetId: row.id,
    after: row,
  })
  return (await inspectorsWhere(trx, context.actor, row.id))[0]!
}

/** Declares a conflict of interest (回避) between an inspector and an entity. */
export async function declareConflict(
  context: WriteContext,
  inspectorId: string,
  input: z.output<typeof declareConflictRequest>,
): Promise<InspectorEntry> {
  const { trx, now } = context
  const inspector = (await inspectorsWhere(trx, context.actor, inspectorId))[0]
  if (!inspector) throw new AppError(kernelErrors.not_found)
  const entity = await findEntityByUscc(trx, input.uscc.toUpperCase())
  if (!entity) throw new AppError(inspectionsErrors.inspection_reference_unknown)
  const values = { reason: input.reason, declared_at: now.toISOString() }
  await trx
    .insertInto('inspector_conflicts')
    .values({ inspector_id: inspectorId, entity_id: entity.id, ...values })
    .onConflict((oc) => oc.columns(['inspector_id', 'entity_id']).doUpdateSet(values))
    .execute()
  await context.audit({
    action: 'inspection.inspector.conflict',
    targetType: 'inspector',
    targetId: inspectorId,
    after: { entity: entity.uscc, reason: input.reason },
  })
  return (await inspectorsWhere(trx, context.actor, inspectorId))[0]!
}

/**
 * Imports the inspector directory from Excel or CSV, like the entity directory: all or nothing, one
 * error per bad cell by row. A known badge number updates that inspector (name, agency, district,
 * qualifications, capacity) and adds the listed conflicts; a new one is created.
 */
export async function importInspectors(context: WriteContext, table: ImportedTable) {
  const { trx, now, actor, lang } = context
  const msg = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh)
  const errors: FieldError[] = []
  const column = (field: keyof typeof INSPECTOR_COLUMNS) =>
    INSPECTOR_COLUMNS[field].find((h) => table.header.includes(h)) ?? null
  const cols = {
    badge: column('badge'),
    name: column('name'),
    agency: column('agency'),
    district: column('district'),
    qualifications: column('qualifications'),
    capacity: column('capacity'),
    conflicts: column('conflicts'),
  }
  for (const f of ['badge', 'name', 'agency', 'capacity'] as const) {
    if (!cols[f])
      errors.push({
        path: `rows.1.${f}`,
        code: 'missingColumn',
        message: `${msg(importMessages.missingColumn)}: ${INSPECTOR_COLUMNS[f][0]}`,
      })
  }
  if (errors.length > 0) throw new AppError(kernelErrors.validation_failed, { errors })
  const orgs = await organizationsLookup(trx)
  const seen = new Set<string>()
  const valid: {
    row: number
    badge: string
    name: string
    agencyId: string
    districtId: string | null
    qualifications: string[]
    capacity: number
    conflicts: { uscc: string; entityId: string }[]
  }[] = []
  for (const { row, values } of table.rows) {
    const bad = (field: string, code: string, message: string) =>
      errors.push({ path: `rows.${row}.${field}`, code, message })
    const get = (f: keyof typeof cols) => (cols[f] ? (values[cols[f]!] ?? '').trim() : '')
    const badge = get('badge')
    if (!CODE_PATTERN.test(badge)) bad('badge', 'invalid', msg(importMessages.badge))
    else if (seen.has(badge)) bad('badge', 'duplicate', msg(importMessages.duplicateBadge))
    seen.add(badge)
    const name = get('name')
    if (name.length < 1 || name.length > 100 || /\p{Cc}/u.test(name))
      bad('name', 'invalid', msg(importMessages.name))
    const agency = orgs.byCode.get(get('agency'))
    if (agency?.kind !== 'agency') bad('agency', 'unknown', msg(importMessages.agency))
    const districtCode = get('district')
    let districtId: string | null = null
    if (districtCode) {
      const org = orgs.byCode.get(districtCode)
      if (org?.kind !== 'district') bad('district', 'unknown', msg(importMessages.district))
      else districtId = org.id
    }
    if (actor.districtId !== null && districtId !== actor.districtId)
      bad('district', 'outOfScope', msg(importMessages.outOfScope))
    const qualifications = get('qualifications').split(LIST_SEPARATOR).filter(Boolean)
    if (qualifications.length > 20 || qualifications.some((q) => !CODE_PATTERN.test(q)))
      bad('qualifications', 'invalid', msg(importMessages.qualification))
    const capacityText = get('capacity')
    const capacity = Number(capacityText)
    if (!/^\d{1,5}$/.test(capacityText) || capacity > 10_000)
      bad('capacity', 'invalid', msg(importMessages.capacity))
    const conflicts: { uscc: string; entityId: string }[] = []
    for (const raw of get('conflicts').split(LIST_SEPARATOR).filter(Boolean)) {
      const entity = await findEntityByUscc(trx, raw.toUpperCase())
      if (!entity) {
        bad('conflicts', 'unknown', `${msg(importMessages.conflict)}: ${raw}`)
        break
      }
      conflicts.push({ uscc: entity.uscc, entityId: entity.id })
    }
    valid.push({
      row,
      badge,
      name,
      agencyId: agency?.id ?? '',
      districtId,
      qualifications: [...new Set(qualifications)].sort(),
      capacity,
      conflicts,
    })
  }
  const existing = new Map<string, { id: string; district_id: string | null }>()
  if (errors.length === 0) {
    for (const v of valid) {
      const found = await trx
        .selectFrom('inspectors')
        .select(['id', 'district_id'])
        .where('badge', '=', v.badge)
        .executeTakeFirst()
      if (found && actor.districtId !== null && found.district_id !== actor.districtId)
        errors.push({
          path: `rows.${v.row}.badge`,
          code: 'outOfScope',
          message: msg(importMessages.outOfScope),
        })
      if (found) existing.set(v.badge, found)
    }
  }
  if (errors.length > 0) throw new AppError(kernelErrors.validation_failed, { errors: errors.slice(0, 500) })

  let created = 0
  let updated = 0
  for (const v of valid) {
    const fields = {
      name: v.name,
      agency_id: v.agencyId,
      district_id: v.districtId,
      qualifications: JSON.stringify(v.qualifications),
      capacity: v.capacity,
      updated_at: now.toISOString(),
    }
    let id = existing.get(v.badge)?.id
    if (id) {
      await trx.updateTable('inspectors').set(fields).where('id', '=', id).execute()
      updated++
    } else {
      id = newId(now.getTime())
      await trx
        .insertInto('inspectors')
        .values({
          id,
          user_id: null,
          badge: v.badge,
          active: 1,
          created_at: now.toISOString(),
          ...fields,
        })
        .execute()
      created++
    }
    for (const c of v.conflicts) {
      const declared = { reason: IMPORTED_CONFLICT_REASON, declared_at: now.toISOString() }
      await trx
        .insertInto('inspector_conflicts')
        .values({ inspector_id: id, entity_id: c.entityId, ...declared })
        .onConflict((oc) => oc.columns(['inspector_id', 'entity_id']).doNothing())
        .execute()
    }
  }
  await context.audit({
    action: 'inspection.inspector.import',
    targetType: 'inspectorDirectory',
    targetId: null,
    after: {
      rows: valid.length,
      created,
      updated,
      inspectors: valid.map((v) => ({ badge: v.badge, conflicts: v.conflicts.map((c) => c.uscc) })),
    },
  })
  return { rows: valid.length, created, updated }
}
