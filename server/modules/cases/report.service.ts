import type { ReportIntake } from '../../../contracts/cases.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { openIntake } from './matters.ts'
import { reportType } from './report.workflow.ts'

/**
 * A report submitted from the portal, named or anonymous; opens the case and its 15-working-day
 * verification clock (rules.md 5.14). The title names the respondent only: the reporter's identity
 * stays in the case data (5.13).
 */
export async function submitReport(context: WriteContext, input: ReportIntake) {
  const { districtId, ...data } = input
  return openIntake(context, reportType, {
    districtId,
    title: `举报 ${input.respondent.name}`,
    data: { ...data, reporterEntityId: context.actor.entityId, submittedBy: context.actor.userId },
  })
}
