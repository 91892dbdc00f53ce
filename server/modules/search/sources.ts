import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Database } from '../../database.ts'
import { type Actor, can, isStaff, scopeCondition } from '../../kernel/access.ts'

type D = ExpressionBuilder<Database & { d: Database['search_documents'] }, 'd'>

/**
 * A source of the unified search: the records one module writes into search_documents (with
 * `indexDocument` in its own transactions) and who may see them, as SQL on the index row.
 */
export interface SearchSource {
  source: string
  visible(eb: D, actor: Actor): Expression<SqlBool>
}

const indexScope = { district: 'd.district_id', entity: 'd.entity_id', published: 'd.published' }

export const searchSources: SearchSource[] = [
  // Registry assets: the public sees published ones, staff their district's, a holder its own.
  { source: 'asset', visible: (eb, actor) => scopeCondition(eb, actor, indexScope) },
  // Portal articles: published ones, and staff their district's drafts (as GET /api/articles).
  {
    source: 'article',
    visible: (eb, actor) =>
      scopeCondition(eb, actor, { district: 'd.district_id', published: 'd.published' }),
  },
  // Service directory points: published ones, and staff their district's (as GET /api/service-points).
  {
    source: 'service',
    visible: (eb, actor) =>
      scopeCondition(eb, actor, { district: 'd.district_id', published: 'd.published' }),
  },
  // Classroom courses and sessions: those of published courses, and staff their district's.
  {
    source: 'classroom',
    visible: (eb, actor) =>
      scopeCondition(eb, actor, { district: 'd.district_id', published: 'd.published' }),
  },
  // Cases (never published): staff who may read cases, in their district scope; nobody else.
  {
    source: 'case',
    visible: (eb, actor) =>
      isStaff(actor) && can(actor, 'case.read')
        ? scopeCondition(eb, actor, { district: 'd.district_id' })
        : nothing,
  },
  // Talent profiles: only while the person's consent stands (withdrawn ones are not indexed at all).
  { source: 'talent', visible: (eb) => eb('d.published', '=', 1) },
]

/** The caller's visibility over every source: a row is visible if its own source lets the caller see it. */
export function visibleTo(actor: Actor) {
  return (eb: D) =>
    eb.or(
      searchSources.map((s) => eb.and([eb('d.source', '=', s.source), s.visible(eb, actor)])),
    ) as Expression<SqlBool>
}

export const nothing = sql<SqlBool>`1 = 0`
