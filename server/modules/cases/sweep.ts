// A bounded sweep over running deadlines: a safety net beside the per-clock jobs, and the shape the
// benchmark measures. Takes at most `limit` clocks due before `today` that were not yet marked
// overdue (earliest first, on the (status, due_date) index) and marks them, in the caller's
// transaction, so that concurrent sweepers on PostgreSQL skip each other's rows. The partial index
// clocks_due_unmarked (0108) holds exactly the candidates.
import type { Tx } from '../../database.ts'
import type { Dialect } from '../../kernel/db/connection.ts'

export async function takeDueClocks(
  trx: Tx,
  dialect: Dialect,
  today: string,
  now: Date,
  limit: number,
): Promise<number> {
  const rows = await trx
    .selectFrom('clocks')
    .select('id')
    .where('status', '=', 'running')
    .where('due_date', '<', today)
    .where('overdue_at', 'is', null)
    .orderBy('due_date')
    .limit(limit)
    .$call((q) => (dialect === 'postgres' ? q.forUpdate().skipLocked() : q))
    .execute()
  if (rows.length === 0) return 0
  await trx
    .updateTable('clocks')
    .set({ overdue_at: now.toISOString() })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  return rows.length
}
