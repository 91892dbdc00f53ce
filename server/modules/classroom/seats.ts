import { sql } from 'kysely'
import type { Tx } from '../../database.ts'
import type { WriteContext } from '../../kernel/http/context.ts'

/** Takes a seat if one is left; the condition in the UPDATE is what prevents overbooking. */
export async function takeSeat(trx: Tx, sessionId: string): Promise<boolean> {
  const result = await trx
    .updateTable('classroom_sessions')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('id', '=', sessionId)
    .whereRef('seats_taken', '<', 'capacity')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Moves the earliest waitlisted registrations into freed seats. */
export async function promoteWaitlisted(context: WriteContext, sessionId: string): Promise<void> {
  for (;;) {
    const next = await context.trx
      .selectFrom('classroom_registrations')
      .select(['id'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst()
    if (!next || !(await takeSeat(context.trx, sessionId))) return
    await context.trx
      .updateTable('classroom_registrations')
      .set({ status: 'registered', updated_at: context.now.toISOString() })
      .where('id', '=', next.id)
      .execute()
    await context.audit({
      action: 'classroom.registration.promote',
      targetType: 'classroomRegistration',
      targetId: next.id,
      before: { status: 'waitlisted' },
      after: { status: 'registered' },
    })
  }
}

/**
 * Registers a person for a session: signed-in users (enterprise users, staff) under their account,
 * the public with name and mobile number and an access code returned once.
 */
