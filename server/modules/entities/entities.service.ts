import type { z } from 'zod'
import type {
  createEntityRequest,
  Entity,
  entityListQuery,
  updateEntityRequest,
} from '../../../contracts/entities.ts'
import type { Db, Tx } from '../../database.ts'
import { type Actor, outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { findEntityByUscc, insertEntity } from './entities.repository.ts'
import { entitiesErrors } from './errors.ts'

const scope = { district: 'entities.district_id', entity: 'entities.id' }

function scoped(db: Db | Tx, actor: Actor) {
  return db.selectFrom('entities').where((eb) => scopeCondition(eb, actor, scope))
}

// The district name is joined only where rows are returned: counting through the join would probe
// organizations once per entity in scope.
function withDistrict(q: ReturnType<typeof scoped>) {
  return q.leftJoin('organizations', 'organizations.id', 'entities.district_id').select(columns)
}

const columns = [
  'entities.id',
  'entities.uscc',
  'entities.name',
  'entities.district_id',
  'organizations.name_zh as district_name',
  'entities.address',
  'entities.industry',
  'entities.created_at',
] as const

type Selected = {
  id: string
  uscc: string
  name: string
  district_id: string | null
  district_name: string | null
  address: string | null
  industry: string | null
  created_at: string
}

function present(row: Selected): Entity {
  return {
    id: row.id,
    uscc: row.uscc,
    name: row.name,
    districtId: row.district_id,
    districtName: row.district_name,
    address: row.address,
    industry: row.industry,
    createdAt: row.created_at,
  }
}

/** Entities visible to the caller, filtered in the query by the caller's district. */
export async function listEntities(context: ReadContext, query: z.output<typeof entityListQuery>) {
  let q = scoped(context.db, context.actor)
  if (query.q) {
    const term = query.q
    q = q.where((eb) =>
      eb.or([containsText('entities.name', term), eb('entities.uscc', '=', term.toUpperCase())]),
    )
  }
  if (query.districtId) q = q.where('entities.district_id', '=', query.districtId)
  const [rows, count] = await Promise.all([
    withDistrict(q)
      .orderBy('entities.name')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize }
}

export async function getEntity(context: ReadContext | WriteContext, id: string): Promise<Entity> {
  const db = 'trx' in context ? context.trx : context.db
  const row = await withDistrict(scoped(db, context.actor)).where('entities.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return present(row)
}

export async function createEntity(
  context: WriteContext,
  input: z.output<typeof createEntityRequest>,
): Promise<Entity> {
  if (await findEntityByUscc(context.trx, input.uscc)) throw new AppError(entitiesErrors.entity_exists)
  const districtId = restrictDistrict(context.actor, input.districtId ?? null)
  const row = await insertEntity(context.trx, context.now, { ...input, districtId })
  await context.audit({ action: 'entity.create', targetType: 'entity', targetId: row.id, after: row })
  return getEntity(context, row.id)
}

export async function updateEntity(
  context: WriteContext,
  id: string,
  input: z.output<typeof updateEntityRequest>,
): Promise<Entity> {
  const before = await getEntity(context, id)
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.districtId !== undefined
      ? { district_id: restrictDistrict(context.actor, input.districtId) }
      : {}),
    ...(input.address !== undefined ? { address: input.address } : {}),
    ...(input.industry !== undefined ? { industry: input.industry } : {}),
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('entities').set(changes).where('id', '=', id).execute()
  const after = await getEntity(context, id)
  await context.audit({ action: 'entity.update', targetType: 'entity', targetId: id, before, after })
  return after
}

/** District staff can only file entities into their own district. */
function restrictDistrict(actor: Actor, districtId: string | null): string | null {
  if (outsideDistrictScope(actor, districtId)) {
    throw new AppError(kernelErrors.forbidden)
  }
  return districtId
}
