import type { Organization } from '../../../contracts/identity.ts'
import type { Database, Db, Tx } from '../../database.ts'

type OrganizationRow = Database['organizations']

export async function allOrganizations(db: Db | Tx): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('sort').orderBy('code').execute()
}

export async function findOrganization(db: Db | Tx, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The district (or functional zone) an organization sits in: itself or its nearest such ancestor. */
export function districtOf(id: string | null, byId: ReadonlyMap<string, OrganizationRow>): string | null {
  let current = id ? byId.get(id) : undefined
  for (let depth = 0; current && depth < 32; depth++) {
    if (current.kind === 'district' || current.kind === 'zone') return current.id
    current = current.parent_id ? byId.get(current.parent_id) : undefined
  }
  return null
}

export function toOrganization(
  row: OrganizationRow,
  byId: ReadonlyMap<string, OrganizationRow>,
): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    divisionCode: row.division_code,
    functionalZone: row.functional_zone === 1,
    sort: row.sort,
    active: row.active === 1,
    districtId: districtOf(row.id, byId),
  }
}

/**
 * The organization tree changes rarely and is small (hundreds of rows); resolving a caller's
 * district reads it from this short-lived cache instead of walking parents in SQL per request.
 */
export class OrganizationCache {
  private map: Map<string, OrganizationRow> | null = null
  private loadedAt = 0
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 30_000,
  ) {}
  /** Pass the transaction when inside one: SQLite has a single connection, which it holds. */
  async byId(executor: Db | Tx = this.db): Promise<ReadonlyMap<string, OrganizationRow>> {
    if (!this.map || Date.now() - this.loadedAt > this.ttlMs) {
      const rows = await allOrganizations(executor)
      this.map = new Map(rows.map((r) => [r.id, r]))
      this.loadedAt = Date.now()
    }
    return this.map
  }
  invalidate() {
    this.map = null
  }
}
