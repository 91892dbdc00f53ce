import type { Db, Tx } from '../../database.ts'
import { type Actor, outsideDistrictScope } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'

export type Executor = Db | Tx
export type AnyContext = ReadContext | WriteContext

export const dbOf = (context: AnyContext): Executor => ('trx' in context ? context.trx : context.db)

/** The calendar date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export const parseJson = <T>(text: string | null): T =>
  text === null ? (null as T) : (JSON.parse(text) as T)

/** District staff act only within their own district. */
export function restrictDistrict(actor: Actor, districtId: string | null): string | null {
  if (outsideDistrictScope(actor, districtId)) {
    throw new AppError(kernelErrors.forbidden)
  }
  return districtId
}

/**
 * Organizations by id and by code. Read-only lookup of the organization tree (owned by identity,
 * which exports no lookup yet); used to resolve and name agencies and districts.
 */
export async function organizationsLookup(db: Executor) {
  const rows = await db.selectFrom('organizations').select(['id', 'code', 'name_zh', 'kind']).execute()
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byCode: new Map(rows.map((r) => [r.code, r])),
  }
}
