import type { ComplaintIntake } from '../../../contracts/cases.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { complaintType } from './complaint.workflow.ts'
import { openIntake } from './matters.ts'

/**
 * A complaint submitted from the portal by the public or an enterprise (whose entity is recorded as
 * the complainant's); opens the case and its 7-working-day acceptance clock (rules.md 5.6).
 */
export async function submitComplaint(context: WriteContext, input: ComplaintIntake) {
  const { districtId, ...data } = input
  return openIntake(context, complaintType, {
    districtId,
    title: `${input.complainant.name} 投诉 ${input.respondent.name}`,
    data: {
      ...data,
      complainantEntityId: context.actor.entityId,
      submittedBy: context.actor.userId,
    },
  })
}
