// Cases in the unified search (source 'case'): for staff who may read cases, within their scope
// (server/modules/search/sources.ts); never published, so the public and enterprises never find one.
import type { Database, Tx } from '../../database.ts'
import { indexDocument, indexNewDocuments, type SearchDocument } from '../../kernel/search/index.ts'
import { caseTypeOf } from './engine/declaration.ts'

type CaseRow = Database['cases']

interface Named {
  name?: string
  uscc?: string
}

/**
 * Indexes a case in the caller's transaction: number, type, title, state, the respondent's name and
 * USCC, the right, the district. A report's reporter is never indexed: a report's data names the
 * reporter under `reporter`, which is not read here.
 */
export async function indexCase(
  trx: Tx,
  row: CaseRow,
  now: Date,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const data = JSON.parse(row.data) as Record<string, unknown>
  const declaration = caseTypeOf(row.type)
  const respondent = data.respondent as Named | undefined
  const right = data.right as { kind?: string; number?: string } | undefined
  // The applicant of an assistance or takedown (an enterprise, a rights holder) is no reporter.
  const applicant = (data.enterprise ?? data.rightsHolder) as Named | undefined
  const names = [respondent?.name, applicant?.name].filter((n): n is string => !!n)
  const state = declaration?.states[row.state]
  const doc: SearchDocument = {
    source: 'case',
    sourceId: row.id,
    kind: 'case',
    title: `${row.number} ${row.title}`,
    body: [declaration?.label.zh, state?.zh, right?.number].filter(Boolean).join(' '),
    names,
    districtId: row.district_id,
    entityId: null,
    published: false,
    sortDate: row.created_at.slice(0, 10),
    identifiers: [
      row.number.toUpperCase(),
      ...[respondent?.uscc, applicant?.uscc].filter((u): u is string => !!u).map((u) => u.toUpperCase()),
      ...(right?.number ? [right.number.replace(/\s+/g, '').toUpperCase()] : []),
    ],
  }
  // A case opened in this transaction has no index row yet: insert without looking for one.
  if (options.fresh) await indexNewDocuments(trx, [doc], now)
  else await indexDocument(trx, doc, now)
}

/** Re-indexes every case (after a change of dictionary or segmentation rules); returns the count. */
export async function reindexCases(trx: Tx, now: Date): Promise<number> {
  let count = 0
  let after = ''
  for (;;) {
    const rows = await trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute()
    for (const row of rows) await indexCase(trx, row, now)
    count += rows.length
    if (rows.length < 1000) return count
    after = rows.at(-1)!.id
  }
}
