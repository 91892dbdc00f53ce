import type { AssistanceIntake } from '../../../contracts/cases.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { assistanceType } from './assistance.workflow.ts'
import { openIntake } from './matters.ts'

/** An enterprise asks for rights-defence assistance; its account's entity is the applicant. */
export async function requestAssistance(context: WriteContext, input: AssistanceIntake) {
  const { districtId, ...data } = input
  return openIntake(context, assistanceType, {
    districtId,
    title: `${input.enterprise.name} ${input.scope === 'overseas' ? '海外' : ''}维权援助申请`,
    data: { ...data, applicantEntityId: context.actor.entityId, submittedBy: context.actor.userId },
  })
}
