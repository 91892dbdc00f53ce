import type { NormalisedAsset } from '../../../contracts/registry.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'
import { indexDocument, type SearchDocument } from '../../kernel/search/index.ts'
import { findEntityByUscc } from '../entities/index.ts'

export type AssetRow = Database['ip_assets']
export type HolderRow = Database['ip_asset_holders']

/** The asset as the search index holds it: the registry is one source of the unified search. */
export function assetSearchDocument(
  row: AssetRow,
  holders: readonly { name: string; uscc: string | null }[],
): SearchDocument {
  const classes = JSON.parse(row.classes) as { scheme: string; code: string }[]
  const identifiers = [row.number, ...(row.kind === 'patent' ? [row.number.split('.')[0]!] : [])]
  return {
    source: 'asset',
    sourceId: row.id,
    kind: row.kind,
    title: row.title,
    body: row.abstract ?? '',
    names: holders.map((h) => h.name),
    districtId: row.district_id,
    entityId: row.holder_entity_id,
    published: row.published === 1,
    sortDate: row.filed_on ?? row.granted_on ?? row.created_at.slice(0, 10),
    identifiers: [...identifiers, ...holderUsccs(holders)],
    classes,
  }
}

function holderUsccs(holders: readonly { uscc?: string | null }[]) {
  return holders.map((h) => h.uscc).filter((u): u is string => !!u)
}

/**
 * Links holders to market entities by USCC; the asset's district and owning entity are those of
 * its first linked holder (usually the first-named applicant).
 */
export async function resolveHolders(db: Db | Tx, asset: NormalisedAsset) {
  const holders: { name: string; uscc: string | null; entityId: string | null; districtId: string | null }[] =
    []
  for (const h of asset.holders) {
    const entity = h.uscc ? await findEntityByUscc(db, h.uscc) : undefined
    holders.push({
      name: h.name,
      uscc: h.uscc,
      entityId: entity?.id ?? null,
      districtId: entity?.district_id ?? null,
    })
  }
  const owner = holders.find((h) => h.entityId !== null)
  return { holders, entityId: owner?.entityId ?? null, districtId: owner?.districtId ?? null }
}

/**
 * Inserts an asset with its holders and indexes it, in the caller's transaction; with `existing`,
 * replaces that asset's fields and holders instead (its id and creation time stay).
 */
export async function insertAsset(
  trx: Tx,
  now: Date,
  asset: NormalisedAsset,
  existing?: Pick<AssetRow, 'id' | 'created_at'>,
): Promise<AssetRow> {
  const { holders, entityId, districtId } = await resolveHolders(trx, asset)
  const row: AssetRow = {
    id: existing?.id ?? newId(now.getTime()),
    kind: asset.kind,
    subtype: asset.subtype,
    number: asset.number,
    title: asset.title,
    abstract: asset.abstract,
    status: asset.status,
    filed_on: asset.filedOn,
    granted_on: asset.grantedOn,
    classes: JSON.stringify(asset.classes),
    details: JSON.stringify(asset.details),
    holder_entity_id: entityId,
    district_id: districtId,
    published: asset.published ? 1 : 0,
    created_at: existing?.created_at ?? now.toISOString(),
    updated_at: now.toISOString(),
  }
  if (existing) {
    const { id, ...fields } = row
    await trx.updateTable('ip_assets').set(fields).where('id', '=', id).execute()
    await trx.deleteFrom('ip_asset_holders').where('asset_id', '=', id).execute()
  } else {
    await trx.insertInto('ip_assets').values(row).execute()
  }
  await trx
    .insertInto('ip_asset_holders')
    .values(
      holders.map((h, position) => ({
        asset_id: row.id,
        position,
        name: h.name,
        uscc: h.uscc,
        entity_id: h.entityId,
      })),
    )
    .execute()
  await indexDocument(trx, assetSearchDocument(row, holders), now)
  return row
}

export async function holdersOf(db: Db | Tx, assetIds: string[]): Promise<Map<string, HolderRow[]>> {
  const map = new Map<string, HolderRow[]>()
  if (assetIds.length === 0) return map
  const rows = await db
    .selectFrom('ip_asset_holders')
    .selectAll()
    .where('asset_id', 'in', assetIds)
    .orderBy('asset_id')
    .orderBy('position')
    .execute()
  for (const r of rows) map.set(r.asset_id, [...(map.get(r.asset_id) ?? []), r])
  return map
}

/** Numbers and statuses of assets by id, for search results. */
export async function assetSummaries(
  db: Db | Tx,
  ids: string[],
): Promise<Map<string, { number: string; status: string; subtype: string | null }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('ip_assets')
    .select(['id', 'number', 'status', 'subtype'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, { number: r.number, status: r.status, subtype: r.subtype }]))
}

/** Re-indexes every asset (after a change of dictionary or segmentation rules); returns the count. */
export async function reindexAssets(trx: Tx, now: Date): Promise<number> {
  const rows = await trx.selectFrom('ip_assets').selectAll().orderBy('id').execute()
  const holders = await holdersOf(
    trx,
    rows.map((r) => r.id),
  )
  for (const row of rows) await indexDocument(trx, assetSearchDocument(row, holders.get(row.id) ?? []), now)
  return rows.length
}
