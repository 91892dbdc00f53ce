import { sql } from 'kysely'
import type { Tx } from '../../../database.ts'
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

/**
 * Appends an event to a case's timeline with the case's next sequence number. Writers of one case
 * are serialized by the row lock of the case update (transitions); a concurrent job event that
 * collides on (case_id, seq) fails and is retried by the job queue.
 */
export async function appendCaseEvent(trx: Tx, entry: TimelineEntry): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      id: newId(entry.at.getTime()),
      case_id: entry.caseId,
      seq: sql<number>`(select coalesce(max(e.seq), 0) + 1 from case_events e where e.case_id = ${entry.caseId})`,
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      event: entry.event,
      transition: entry.transition ?? null,
      from_state: entry.fromState ?? null,
      to_state: entry.toState ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute()
}
