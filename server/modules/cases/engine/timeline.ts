import { type Insertable, sql } from 'kysely'
import type { Database, Tx } from '../../../database.ts'
import { preparedStatement } from '../../../kernel/db/prepared.ts'
import { newId } from '../../../kernel/ids.ts'

export interface TimelineEntry {
  caseId: string
  at: Date
  actorId: string | null
  actorLabel: string
  event: string
  transition?: string | null
  fromState?: string | null
  toState?: string | null
  data?: unknown
}

type EventRow = Omit<Insertable<Database['case_events']>, 'seq'>

const insertEvent = preparedStatement((db, p: EventRow, shape) =>
  db.insertInto('case_events').values({
    id: p.id,
    case_id: p.case_id,
    at: p.at,
    actor_id: p.actor_id,
    actor_label: p.actor_label,
    event: p.event,
    transition: p.transition,
    from_state: p.from_state,
    to_state: p.to_state,
    data: p.data,
    seq:
      shape === 'first'
        ? 1
        : sql<number>`(select coalesce(max(e.seq), 0) + 1 from case_events e where e.case_id = ${p.case_id})`,
  }),
)

/**
 * Appends an event to a case's timeline with the case's next sequence number. Every writer first
 * takes the case row's lock (a no-op update; transitions already hold it), so that concurrent
 * writers of one case, a transition and a job say, number their events one after the other.
 * `locked`: the caller already holds the row (it inserted or updated it in this transaction);
 * `first`: the case was opened in this transaction, so this is event 1.
 */
export async function appendCaseEvent(
  trx: Tx,
  entry: TimelineEntry,
  options: { locked?: boolean; first?: boolean } = {},
): Promise<void> {
  if (!options.locked) {
    await trx
      .updateTable('cases')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', entry.caseId)
      .execute()
  }
  await insertEvent(
    trx,
    {
      id: newId(entry.at.getTime()),
      case_id: entry.caseId,
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      event: entry.event,
      transition: entry.transition ?? null,
      from_state: entry.fromState ?? null,
      to_state: entry.toState ?? null,
      data: JSON.stringify(entry.data ?? {}),
    },
    options.first ? 'first' : 'next',
  )
}
