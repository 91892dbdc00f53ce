// The complaint (投诉) procedure under the 12315 rules (rules.md §5a), as a declaration.
import { z } from 'zod'
import { COMPLAINT_REJECTION_GROUNDS } from '../../../contracts/cases.ts'
import { defineCaseType } from './engine/declaration.ts'

const reason = z.object({ reason: z.string().trim().min(1).max(2000) })

export const complaintType = defineCaseType({
  type: 'complaint',
  label: { zh: '投诉', en: 'Complaint' },
  numberPrefix: 'TS',
  states: {
    received: { zh: '待受理', en: 'Awaiting acceptance' },
    accepted: { zh: '已受理（调解中）', en: 'Accepted (mediation)' },
    testing: { zh: '检测鉴定中（调解期限中止）', en: 'Testing (mediation clock suspended)' },
    rejected: { zh: '不予受理', en: 'Rejected', final: true },
    mediated: { zh: '调解成功', en: 'Settled by mediation', final: true },
    terminated: { zh: '终止调解', en: 'Mediation terminated' },
    closed: { zh: '已办结', en: 'Closed', final: true },
  },
  initial: 'received',
  // 5.6: accept or reject within 7 working days of receipt.
  intake: { event: 'complaint.received', deadlines: { start: ['5.6'] } },
  transitions: [
    {
      name: 'accept',
      label: { zh: '受理', en: 'Accept' },
      from: ['received'],
      to: 'accepted',
      permission: 'case.handle',
      input: z.object({ note: z.string().trim().max(2000).optional() }),
      event: 'complaint.accepted',
      // 5.9: mediation ends at 45 working days from acceptance.
      deadlines: { meet: ['5.6'], start: ['5.9'] },
    },
    {
      name: 'reject',
      label: { zh: '不予受理', en: 'Reject' },
      from: ['received'],
      to: 'rejected',
      permission: 'case.handle',
      input: reason.extend({ ground: z.enum(COMPLAINT_REJECTION_GROUNDS) }),
      event: 'complaint.rejected',
      deadlines: { meet: ['5.6'] },
      data: (input: { ground: string; reason: string }) => ({ rejection: input }),
    },
    {
      name: 'startTesting',
      label: { zh: '送检测、鉴定', en: 'Send for testing' },
      from: ['accepted'],
      to: 'testing',
      permission: 'case.handle',
      input: reason,
      event: 'complaint.testingStarted',
      // 5.8: testing time is not counted in the mediation period.
      deadlines: { suspend: ['5.9'] },
    },
    {
      name: 'finishTesting',
      label: { zh: '检测、鉴定完成', en: 'Testing finished' },
      from: ['testing'],
      to: 'accepted',
      permission: 'case.handle',
      event: 'complaint.testingFinished',
      deadlines: { resume: ['5.9'] },
    },
    {
      name: 'recordAgreement',
      label: { zh: '调解达成协议', en: 'Record the mediation agreement' },
      from: ['accepted'],
      to: 'mediated',
      permission: 'case.handle',
      input: z.object({ agreement: z.string().trim().min(1).max(10_000) }),
      event: 'complaint.mediated',
      deadlines: { meet: ['5.9'] },
      data: (input: { agreement: string }) => ({ agreement: input.agreement }),
    },
    {
      name: 'terminateMediation',
      label: { zh: '终止调解', en: 'Terminate mediation' },
      from: ['accepted', 'testing'],
      to: 'terminated',
      permission: 'case.handle',
      input: reason,
      event: 'complaint.mediationTerminated',
      // 5.9: both sides are told within 7 working days of the decision.
      deadlines: { meet: ['5.9'], start: ['5.9.notice'] },
      data: (input: { reason: string }) => ({ termination: input.reason }),
    },
    {
      name: 'informParties',
      label: { zh: '告知双方终止调解', en: 'Inform both sides' },
      from: ['terminated'],
      to: 'closed',
      permission: 'case.handle',
      event: 'complaint.partiesInformed',
      deadlines: { meet: ['5.9.notice'] },
    },
  ],
})
