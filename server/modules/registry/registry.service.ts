import type { z } from 'zod'
import {
  type Asset,
  type AssetIssue,
  assetInput,
  type assetListQuery,
  type KeyEnterprise,
  type keyEnterpriseInput,
  type NormalisedAsset,
  normaliseAsset,
} from '../../../contracts/registry.ts'
import type { Db, Tx } from '../../database.ts'
import { isStaff, outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, type FieldError, fieldError, kernelErrors, type Lang } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { indexDocument } from '../../kernel/search/index.ts'
import { findEntityByUscc } from '../entities/index.ts'
import {
  type AssetRow,
  assetSearchDocument,
  holdersOf,
  insertAsset,
  resolveHolders,
} from './assets.repository.ts'
import { registryErrors } from './errors.ts'

// Staff see their district's assets, an enterprise its own, everyone what is published.
const scope = {
  district: 'ip_assets.district_id',
  entity: 'ip_assets.holder_entity_id',
  published: 'ip_assets.published',
}
const writeScope = { district: 'ip_assets.district_id' }

function dbOf(context: ReadContext | WriteContext): Db | Tx {
  return 'trx' in context ? context.trx : context.db
}

async function present(
  db: Db | Tx,
  rows: (AssetRow & { district_name?: string | null })[],
): Promise<Asset[]> {
  const holders = await holdersOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((row) => {
    const classes = JSON.parse(row.classes) as { scheme: string; code: string }[]
    return {
      id: row.id,
      kind: row.kind as Asset['kind'],
      subtype: row.subtype as Asset['subtype'],
      number: row.number,
      title: row.title,
      abstract: row.abstract,
      status: row.status as Asset['status'],
      filedOn: row.filed_on,
      grantedOn: row.granted_on,
      holders: (holders.get(row.id) ?? []).map((h) => ({
        name: h.name,
        uscc: h.uscc,
        entityId: h.entity_id,
      })),
      ipc: classes.filter((c) => c.scheme === 'ipc').map((c) => c.code),
      niceClasses: classes.filter((c) => c.scheme === 'nice').map((c) => c.code),
      locarno: classes.filter((c) => c.scheme === 'locarno').map((c) => c.code),
      details: JSON.parse(row.details) as Record<string, unknown>,
      districtId: row.district_id,
      districtName: row.district_name ?? null,
      published: row.published === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  })
}

function selectAssets(db: Db | Tx, context: ReadContext | WriteContext) {
  return db
    .selectFrom('ip_assets')
    .leftJoin('organizations', 'organizations.id', 'ip_assets.district_id')
    .selectAll('ip_assets')
    .select('organizations.name_zh as district_name')
    .where((eb) => scopeCondition(eb, context.actor, scope))
}

export async function getAsset(context: ReadContext | WriteContext, id: string): Promise<Asset> {
  const db = dbOf(context)
  const row = await selectAssets(db, context).where('ip_assets.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return (await present(db, [row]))[0]!
}

export async function listAssets(context: ReadContext, query: z.output<typeof assetListQuery>) {
  let q = selectAssets(context.db, context)
  if (query.kind) q = q.where('ip_assets.kind', '=', query.kind)
  if (query.holderEntityId) q = q.where('ip_assets.holder_entity_id', '=', query.holderEntityId)
  if (query.districtId) q = q.where('ip_assets.district_id', '=', query.districtId)
  const holder = query.holder
  if (holder) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ip_asset_holders')
          .select('ip_asset_holders.asset_id')
          .whereRef('ip_asset_holders.asset_id', '=', 'ip_assets.id')
          .where((h) =>
            h.or([
              containsText('ip_asset_holders.name', holder),
              h('ip_asset_holders.uscc', '=', holder.toUpperCase()),
            ]),
          ),
      ),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy('ip_assets.filed_on', 'desc')
      .orderBy('ip_assets.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: await present(context.db, rows),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

function issueErrors(issues: AssetIssue[], prefix: string, lang: Lang): FieldError[] {
  return issues.map((i) => ({
    path: `${prefix}${i.field}`,
    code: i.code,
    message: lang === 'en' ? i.en : i.zh,
  }))
}

async function assetExists(db: Db | Tx, asset: NormalisedAsset, exceptId?: string): Promise<boolean> {
  let q = db
    .selectFrom('ip_assets')
    .select('id')
    .where('kind', '=', asset.kind)
    .where('number', '=', asset.number)
  if (exceptId) q = q.where('id', '<>', exceptId)
  return (await q.executeTakeFirst()) !== undefined
}

function normaliseBody(context: WriteContext, input: z.output<typeof assetInput>): NormalisedAsset {
  const result = normaliseAsset(input, { now: context.now })
  if (!result.ok) {
    throw new AppError(kernelErrors.validation_failed, {
      errors: issueErrors(result.issues, 'body.', context.lang),
    })
  }
  return result.asset
}

const holderOutsideDistrict = {
  zh: '只能登记持有人为本辖区市场主体（按统一社会信用代码）的知识产权',
  en: 'You can only record assets whose holder is a market entity of your district (by credit code)',
}

/**
 * District staff record only assets that land in their district, which is the first linked
 * holder's (assets.repository.ts): otherwise an edit could move an asset out of their scope.
 */
async function outsideCallersDistrict(context: WriteContext, asset: NormalisedAsset): Promise<boolean> {
  // City-level staff and enterprises record in any district: no holder lookup for them.
  if (!isStaff(context.actor) || context.actor.districtId === null) return false
  return outsideDistrictScope(context.actor, (await resolveHolders(context.trx, asset)).districtId)
}

async function requireCallersDistrict(context: WriteContext, asset: NormalisedAsset): Promise<void> {
  if (await outsideCallersDistrict(context, asset))
    throw fieldError('body.holders', 'district_out_of_scope', holderOutsideDistrict, context.lang)
}

export async function createAsset(context: WriteContext, input: z.output<typeof assetInput>): Promise<Asset> {
  const asset = normaliseBody(context, input)
  await requireCallersDistrict(context, asset)
  if (await assetExists(context.trx, asset)) throw new AppError(registryErrors.asset_exists)
  const row = await insertAsset(context.trx, context.now, asset)
  await context.audit({ action: 'asset.create', targetType: 'ip_asset', targetId: row.id, after: row })
  return getAsset(context, row.id)
}

/** Replaces an asset in the caller's write scope; holders, district and the search index follow. */
export async function updateAsset(
  context: WriteContext,
  id: string,
  input: z.output<typeof assetInput>,
): Promise<Asset> {
  const before = await context.trx
    .selectFrom('ip_assets')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  const asset = normaliseBody(context, input)
  await requireCallersDistrict(context, asset)
  if (await assetExists(context.trx, asset, id)) throw new AppError(registryErrors.asset_exists)
  const after = await insertAsset(context.trx, context.now, asset, before)
  await context.audit({ action: 'asset.update', targetType: 'ip_asset', targetId: id, before, after })
  return getAsset(context, id)
}

/** Publishes or withdraws an asset; the search index follows in the same transaction. */
export async function publishAsset(context: WriteContext, id: string, published: boolean): Promise<Asset> {
  const before = await context.trx
    .selectFrom('ip_assets')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  const after = { ...before, published: published ? 1 : 0, updated_at: context.now.toISOString() }
  await context.trx
    .updateTable('ip_assets')
    .set({ published: after.published, updated_at: after.updated_at })
    .where('id', '=', id)
    .execute()
  const holders = (await holdersOf(context.trx, [id])).get(id) ?? []
  await indexDocument(context.trx, assetSearchDocument(after, holders), context.now)
  await context.audit({
    action: published ? 'asset.publish' : 'asset.unpublish',
    targetType: 'ip_asset',
    targetId: id,
    before: { published: before.published === 1 },
    after: { published },
  })
  return getAsset(context, id)
}

/** One row of an import, whatever the file: its number as the user sees it, and the submitted asset. */
export interface ImportItem {
  row: number
  /** Path prefix of this item's fields in errors, e.g. 'row 7: ' or 'assets[2].'. */
  prefix: string
  value: unknown
}

/**
 * Imports assets all or nothing: every row is checked (schema, identifiers, duplicates in the file
 * and in the registry) before anything is written; any problem rejects the whole file with every
 * row's errors. One audit record covers the import.
 */
export async function importAssets(
  context: WriteContext,
  items: readonly ImportItem[],
  source: string,
): Promise<{ imported: number }> {
  const errors: FieldError[] = []
  const assets: NormalisedAsset[] = []
  const seen = new Map<string, number>()
  for (const item of items) {
    const parsed = assetInput.safeParse(item.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          path: `${item.prefix}${issue.path.join('.')}`,
          code: issue.code,
          message: issue.message,
        })
      }
      continue
    }
    const result = normaliseAsset(parsed.data, { now: context.now })
    if (!result.ok) {
      errors.push(...issueErrors(result.issues, item.prefix, context.lang))
      continue
    }
    const key = `${result.asset.kind}:${result.asset.number}`
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({
        path: `${item.prefix}number`,
        code: 'duplicate_in_file',
        message: context.lang === 'en' ? `Same number as row ${first}` : `与第 ${first} 行编号重复`,
      })
      continue
    }
    seen.set(key, item.row)
    if (await outsideCallersDistrict(context, result.asset)) {
      errors.push({
        path: `${item.prefix}holders`,
        code: 'district_out_of_scope',
        message: context.lang === 'en' ? holderOutsideDistrict.en : holderOutsideDistrict.zh,
      })
      continue
    }
    if (await assetExists(context.trx, result.asset)) {
      errors.push({
        path: `${item.prefix}number`,
        code: registryErrors.asset_exists,
        message: context.lang === 'en' ? 'Already in the registry' : '登记库中已有该编号',
      })
      continue
    }
    assets.push(result.asset)
  }
  if (items.length === 0) {
    throw fieldError(
      'file',
      'empty',
      { zh: '导入文件中没有数据行', en: 'The file has no data rows' },
      context.lang,
    )
  }
  if (errors.length > 0) {
    throw new AppError(kernelErrors.validation_failed, { errors: errors.slice(0, 500) })
  }
  for (const asset of assets) await insertAsset(context.trx, context.now, asset)
  await context.audit({
    action: 'asset.import',
    targetType: 'ip_asset',
    targetId: null,
    after: { source, count: assets.length, numbers: assets.map((a) => `${a.kind}:${a.number}`) },
  })
  return { imported: assets.length }
}

export async function addKeyEnterprise(
  context: WriteContext,
  input: z.output<typeof keyEnterpriseInput>,
): Promise<KeyEnterprise> {
  const entity = await findEntityByUscc(context.trx, input.uscc.toUpperCase())
  if (!entity) {
    throw fieldError(
      'body.uscc',
      'entity_unknown',
      { zh: '未找到该统一社会信用代码的市场主体', en: 'No market entity has this credit code' },
      context.lang,
    )
  }
  if (outsideDistrictScope(context.actor, entity.district_id)) {
    throw fieldError(
      'body.uscc',
      'district_out_of_scope',
      { zh: '只能将本辖区的企业列入保护名录', en: 'You can only list enterprises of your own district' },
      context.lang,
    )
  }
  const exists = await context.trx
    .selectFrom('key_enterprises')
    .select('id')
    .where('entity_id', '=', entity.id)
    .executeTakeFirst()
  if (exists) throw new AppError(registryErrors.key_enterprise_exists)
  const row = {
    id: newId(context.now.getTime()),
    entity_id: entity.id,
    listed_on: input.listedOn,
    reason: input.reason ?? null,
    published: 1,
    created_at: context.now.toISOString(),
  }
  await context.trx.insertInto('key_enterprises').values(row).execute()
  await context.audit({
    action: 'key_enterprise.add',
    targetType: 'key_enterprise',
    targetId: row.id,
    after: row,
  })
  const [listed] = await keyEnterprises(context.trx, context, row.id)
  return listed!
}

/** Takes an enterprise in the caller's district scope off the key-enterprise protection list. */
export async function removeKeyEnterprise(context: WriteContext, id: string): Promise<void> {
  const before = await context.trx
    .selectFrom('key_enterprises')
    .innerJoin('entities', 'entities.id', 'key_enterprises.entity_id')
    .selectAll('key_enterprises')
    .where('key_enterprises.id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, { district: 'entities.district_id' }))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  await context.trx.deleteFrom('key_enterprises').where('id', '=', id).execute()
  await context.audit({ action: 'key_enterprise.remove', targetType: 'key_enterprise', targetId: id, before })
}

/** The key-enterprise protection list, each enterprise with the registered assets the caller may see. */
export async function listKeyEnterprises(context: ReadContext): Promise<KeyEnterprise[]> {
  return keyEnterprises(context.db, context)
}

async function keyEnterprises(db: Db | Tx, context: ReadContext | WriteContext, id?: string) {
  let q = db
    .selectFrom('key_enterprises')
    .innerJoin('entities', 'entities.id', 'key_enterprises.entity_id')
    .select([
      'key_enterprises.id',
      'key_enterprises.entity_id',
      'key_enterprises.listed_on',
      'key_enterprises.reason',
      'entities.name',
      'entities.uscc',
      'entities.district_id',
    ])
    .where((eb) =>
      scopeCondition(eb, context.actor, {
        district: 'entities.district_id',
        published: 'key_enterprises.published',
      }),
    )
    .orderBy('key_enterprises.listed_on', 'desc')
    .orderBy('entities.name')
  if (id) q = q.where('key_enterprises.id', '=', id)
  const rows = await q.execute()
  const entityIds = rows.map((r) => r.entity_id)
  const assets =
    entityIds.length === 0
      ? []
      : await db
          .selectFrom('ip_assets')
          .select(['id', 'kind', 'number', 'title', 'status', 'holder_entity_id'])
          .where('holder_entity_id', 'in', entityIds)
          .where((eb) => scopeCondition(eb, context.actor, scope))
          .orderBy('filed_on', 'desc')
          .orderBy('id')
          .execute()
  return rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id,
    name: r.name,
    uscc: r.uscc,
    districtId: r.district_id,
    listedOn: r.listed_on,
    reason: r.reason,
    assets: assets
      .filter((a) => a.holder_entity_id === r.entity_id)
      .map((a) => ({
        id: a.id,
        kind: a.kind as Asset['kind'],
        number: a.number,
        title: a.title,
        status: a.status as Asset['status'],
      })),
  }))
}
