// E-commerce takedown (电商平台快速处置, platformTakedown): the right holder's notice, the center's
// infringement opinion (侵权判定咨询意见; no national rule, rules.md 7.13), forwarding to the platform,
// the seller's non-infringement declaration, and the 15-day window after which the platform lifts
// its measures unless told of a complaint or suit (rules.md 7.10), extendable by up to 20 working
// days for delays outside the right holder's control (7.11; the clock extension API).
import { z } from 'zod'
import { INFRINGEMENT_CONCLUSIONS } from '../../../contracts/cases.ts'
import { defineCaseType } from './engine/declaration.ts'

const open = ['received', 'opinionIssued', 'forwarded', 'declarationDelivered'] as const

export const takedownType = defineCaseType({
  type: 'platformTakedown',
  label: { zh: '电商平台快速处置', en: 'E-commerce takedown' },
  numberPrefix: 'DS',
  states: {
    received: { zh: '通知已收到', en: 'Notice received' },
    opinionIssued: { zh: '已出具侵权判定咨询意见', en: 'Infringement opinion issued' },
    forwarded: { zh: '已转送平台', en: 'Forwarded to the platform' },
    declarationDelivered: {
      zh: '不侵权声明已送达权利人（等待投诉或起诉）',
      en: 'Seller’s declaration delivered (awaiting complaint or suit)',
    },
    maintained: { zh: '已投诉或起诉，措施维持', en: 'Complaint or suit filed: measures stay', final: true },
    lapsed: { zh: '期满未投诉或起诉，措施终止', en: 'Window passed: measures lifted', final: true },
    dismissed: { zh: '不予处置', en: 'Dismissed', final: true },
    withdrawn: { zh: '已撤回', en: 'Withdrawn', final: true },
  },
  initial: 'received',
  intake: { event: 'platformTakedown.received' },
  transitions: [
    {
      name: 'issueOpinion',
      label: { zh: '出具侵权判定咨询意见', en: 'Issue the infringement opinion' },
      from: ['received'],
      to: 'opinionIssued',
      permission: 'case.handle',
      roles: ['clerk', 'examiner', 'expert'],
      input: z.object({
        conclusion: z.enum(INFRINGEMENT_CONCLUSIONS),
        opinion: z.string().trim().min(1).max(20_000),
      }),
      event: 'platformTakedown.opinionIssued',
      data: (input: { conclusion: string; opinion: string }) => ({ opinion: input }),
    },
    {
      name: 'forwardToPlatform',
      label: { zh: '转送平台处置', en: 'Forward to the platform' },
      from: ['opinionIssued'],
      to: 'forwarded',
      permission: 'case.handle',
      guards: [
        (c) =>
          (c.data.opinion as { conclusion?: string } | undefined)?.conclusion === 'likelyInfringing'
            ? null
            : {
                zh: '仅在意见认定可能侵权时转送平台',
                en: 'Only an opinion of likely infringement is forwarded',
              },
      ],
      event: 'platformTakedown.forwarded',
    },
    {
      name: 'recordDeclaration',
      label: { zh: '登记不侵权声明送达', en: 'Record the seller’s declaration as delivered' },
      from: ['forwarded'],
      to: 'declarationDelivered',
      permission: 'case.handle',
      input: z.object({ summary: z.string().trim().min(1).max(10_000) }),
      event: 'platformTakedown.declarationDelivered',
      deadlines: { start: ['7.10'] },
      data: (input: { summary: string }) => ({ declaration: input.summary }),
    },
    {
      name: 'recordComplaintOrSuit',
      label: { zh: '登记已投诉或起诉', en: 'Record the complaint or suit' },
      from: ['declarationDelivered'],
      to: 'maintained',
      permission: 'case.handle',
      input: z.object({ kind: z.enum(['complaint', 'suit']), reference: z.string().trim().min(1).max(200) }),
      event: 'platformTakedown.complaintOrSuitNotified',
      deadlines: { meet: ['7.10'] },
      data: (input: { kind: string; reference: string }) => ({ followUp: input }),
    },
    {
      name: 'lapse',
      label: { zh: '期满终止措施', en: 'Lift the measures (window passed)' },
      from: ['declarationDelivered'],
      to: 'lapsed',
      permission: 'case.handle',
      systemOnly: true,
      event: 'platformTakedown.measuresLapsed',
      deadlines: { meet: ['7.10'] },
    },
    {
      name: 'dismiss',
      label: { zh: '不予处置', en: 'Dismiss' },
      from: ['received', 'opinionIssued'],
      to: 'dismissed',
      permission: 'case.handle',
      input: z.object({ reason: z.string().trim().min(1).max(2000) }),
      event: 'platformTakedown.dismissed',
    },
    {
      name: 'withdraw',
      label: { zh: '权利人撤回', en: 'Withdrawn by the right holder' },
      from: open,
      to: 'withdrawn',
      permission: 'case.handle',
      event: 'platformTakedown.withdrawn',
      deadlines: { meet: ['7.10'] },
    },
  ],
  onExpiry: { '7.10': 'lapse' },
})
