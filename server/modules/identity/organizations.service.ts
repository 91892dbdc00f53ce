import type { z } from 'zod'
import type {
  createOrganizationRequest,
  Organization,
  updateOrganizationRequest,
} from '../../../contracts/identity.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { identityErrors } from './errors.ts'
import { allOrganizations, findOrganization, toOrganization } from './organizations.repository.ts'

export async function listOrganizations(context: Pick<ReadContext, 'db'>): Promise<Organization[]> {
  const rows = await allOrganizations(context.db)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return rows.map((r) => toOrganization(r, byId))
}

export async function createOrganization(
  context: WriteContext,
  input: z.output<typeof createOrganizationRequest>,
): Promise<Organization> {
  const { trx, now } = context
  const parent = await findOrganization(trx, input.parentId)
  if (!parent) throw new AppError(identityErrors.organization_invalid_parent)
  const taken = await trx
    .selectFrom('organizations')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst()
  if (taken) throw new AppError(identityErrors.organization_code_taken)
  const row = {
    id: newId(now.getTime()),
    parent_id: parent.id,
    kind: input.kind,
    code: input.code,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    division_code: input.divisionCode ?? null,
    functional_zone: input.functionalZone ? 1 : 0,
    sort: input.sort ?? 0,
    active: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await trx.insertInto('organizations').values(row).execute()
  await context.audit({
    action: 'organization.create',
    targetType: 'organization',
    targetId: row.id,
    after: row,
  })
  return organizationById(context, row.id)
}

export async function updateOrganization(
  context: WriteContext,
  id: string,
  input: z.output<typeof updateOrganizationRequest>,
): Promise<Organization> {
  const { trx, now } = context
  const before = await findOrganization(trx, id)
  if (!before) throw new AppError(kernelErrors.not_found)
  if (input.parentId !== undefined) {
    if (before.parent_id === null) throw new AppError(identityErrors.organization_invalid_parent)
    await assertNoCycle(context, id, input.parentId)
  }
  if (input.active === false) {
    const child = await trx
      .selectFrom('organizations')
      .select('id')
      .where('parent_id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst()
    const member = await trx
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst()
    if (child || member) throw new AppError(identityErrors.organization_has_members)
  }
  const changes = {
    ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
    ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
    ...(input.divisionCode !== undefined ? { division_code: input.divisionCode } : {}),
    ...(input.functionalZone !== undefined ? { functional_zone: input.functionalZone ? 1 : 0 } : {}),
    ...(input.sort !== undefined ? { sort: input.sort } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: now.toISOString(),
  }
  await trx.updateTable('organizations').set(changes).where('id', '=', id).execute()
  const after = await findOrganization(trx, id)
  await context.audit({
    action: 'organization.update',
    targetType: 'organization',
    targetId: id,
    before,
    after,
  })
  return organizationById(context, id)
}

async function assertNoCycle(context: WriteContext, id: string, parentId: string) {
  let cursor: string | null = parentId
  for (let depth = 0; cursor; depth++) {
    if (cursor === id || depth > 32) throw new AppError(identityErrors.organization_invalid_parent)
    const node = await findOrganization(context.trx, cursor)
    if (!node) throw new AppError(identityErrors.organization_invalid_parent)
    cursor = node.parent_id
  }
}

async function organizationById(context: WriteContext, id: string): Promise<Organization> {
  const rows = await allOrganizations(context.trx)
  const byId = new Map(rows.map((r) => [r.id, r]))
  return toOrganization(byId.get(id)!, byId)
}
