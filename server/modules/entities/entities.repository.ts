import type { Database, Db, Tx } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'

export type EntityRow = Database['entities']

export async function findEntityByUscc(db: Db | Tx, uscc: string): Promise<EntityRow | undefined> {
  return db.selectFrom('entities').selectAll().where('uscc', '=', uscc).executeTakeFirst()
}

export async function entityNames(
  db: Db | Tx,
  ids: string[],
): Promise<Map<string, { name: string; uscc: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('entities').select(['id', 'name', 'uscc']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, uscc: r.uscc }]))
}

export async function insertEntity(
  trx: Tx,
  now: Date,
  input: {
    uscc: string
    name: string
    districtId?: string | null
    address?: string | null
    industry?: string | null
  },
): Promise<EntityRow> {
  const row: EntityRow = {
    id: newId(now.getTime()),
    uscc: input.uscc,
    name: input.name,
    district_id: input.districtId ?? null,
    address: input.address ?? null,
    industry: input.industry ?? null,
    legal_representative: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await trx.insertInto('entities').values(row).execute()
  return row
}
