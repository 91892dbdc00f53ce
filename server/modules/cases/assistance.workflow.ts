// Rights-defence assistance (维权援助) for an enterprise, domestic or overseas: acceptance, experts
// assigned with recusal checks, their written opinions, closure. rules.md has no statutory deadline
// for it (none found), so it runs no clocks until a sourced rule exists.
import { z } from 'zod'
import { defineCaseType, type GuardContext, type Label } from './engine/declaration.ts'
import { activeExperts } from './experts.repository.ts'

interface Opinion {
  expertId: string
  opinion: string
}

const assigned = (data: Record<string, unknown>) => (data.expertIds as string[] | undefined) ?? []
const recused = (data: Record<string, unknown>) => (data.recusedExpertIds as string[] | undefined) ?? []
const opinions = (data: Record<string, unknown>) => (data.opinions as Opinion[] | undefined) ?? []

/**
 * Recusal (回避): every expert must be an active expert, not tied to the applicant enterprise (an
 * account of that enterprise), and not recused at a party's request.
 */
async function expertsEligible(c: GuardContext): Promise<Label | null> {
  const ids = (c.input as { expertIds: string[] }).expertIds
  const experts = await activeExperts(c.trx, ids)
  if (experts.length !== new Set(ids).size) {
    return { zh: '所选人员不是在册专家', en: 'Someone chosen is not an active expert' }
  }
  const tied = experts.filter((e) => e.entityId !== null && e.entityId === c.data.applicantEntityId)
  if (tied.length || ids.some((id) => recused(c.data).includes(id))) {
    return { zh: '所选专家须回避', en: 'A chosen expert must recuse' }
  }
  return null
}

export const assistanceType = defineCaseType({
  type: 'assistance',
  label: { zh: '维权援助', en: 'Rights-defence assistance' },
  numberPrefix: 'YZ',
  states: {
    received: { zh: '待受理', en: 'Awaiting acceptance' },
    accepted: { zh: '已受理', en: 'Accepted' },
    expertsAssigned: { zh: '专家研判中', en: 'Experts assigned' },
    rejected: { zh: '不予受理', en: 'Rejected', final: true },
    closed: { zh: '已办结', en: 'Closed', final: true },
  },
  initial: 'received',
  intake: { event: 'assistance.received' },
  transitions: [
    {
      name: 'accept',
      label: { zh: '受理', en: 'Accept' },
      from: ['received'],
      to: 'accepted',
      permission: 'case.handle',
      event: 'assistance.accepted',
    },
    {
      name: 'reject',
      label: { zh: '不予受理', en: 'Reject' },
      from: ['received'],
      to: 'rejected',
      permission: 'case.handle',
      input: z.object({ reason: z.string().trim().min(1).max(2000) }),
      event: 'assistance.rejected',
      data: (input: { reason: string }) => ({ rejection: input.reason }),
    },
    {
      name: 'assignExperts',
      label: { zh: '指派专家', en: 'Assign experts' },
      from: ['accepted', 'expertsAssigned'],
      to: 'expertsAssigned',
      permission: 'case.handle',
      input: z.object({ expertIds: z.array(z.string().min(1).max(64)).min(1).max(5) }),
      guards: [expertsEligible],
      event: 'assistance.expertsAssigned',
      data: (input: { expertIds: string[] }, c) => ({
        expertIds: [...new Set([...assigned(c.data), ...input.expertIds])],
      }),
    },
    {
      name: 'recordRecusal',
      label: { zh: '登记回避申请', en: 'Record a recusal request' },
      from: ['accepted', 'expertsAssigned'],
      to: 'accepted',
      permission: 'case.handle',
      input: z.object({ expertId: z.string().min(1).max(64), reason: z.string().trim().min(1).max(2000) }),
      event: 'assistance.recusalRecorded',
      data: (input: { expertId: string }, c) => ({
        recusedExpertIds: [...recused(c.data), input.expertId],
        expertIds: assigned(c.data).filter((id) => id !== input.expertId),
      }),
    },
    {
      name: 'submitOpinion',
      label: { zh: '提交专家意见', en: 'Submit the written opinion' },
      from: ['expertsAssigned'],
      to: 'expertsAssigned',
      permission: 'workbench.access',
      roles: ['expert'],
      input: z.object({ opinion: z.string().trim().min(1).max(20_000) }),
      guards: [
        (c) =>
          c.actor.userId !== null && assigned(c.data).includes(c.actor.userId)
            ? null
            : { zh: '您未被指派办理本案', en: 'You are not assigned to this case' },
      ],
      event: 'assistance.opinionSubmitted',
      data: (input: { opinion: string }, c) => ({
        opinions: [...opinions(c.data), { expertId: c.actor.userId!, opinion: input.opinion }],
      }),
    },
    {
      name: 'close',
      label: { zh: '办结', en: 'Close' },
      from: ['expertsAssigned'],
      to: 'closed',
      permission: 'case.handle',
      input: z.object({ outcome: z.string().trim().min(1).max(5000) }),
      guards: [
        (c) =>
          opinions(c.data).length > 0
            ? null
            : { zh: '尚无专家书面意见', en: 'No written expert opinion yet' },
      ],
      event: 'assistance.closed',
      data: (input: { outcome: string }) => ({ outcome: input.outcome }),
    },
  ],
})
