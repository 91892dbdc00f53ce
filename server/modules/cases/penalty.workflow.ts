// The administrative penalty (行政处罚) procedure, minimal: 立案 → 调查取证 → 告知 (the proposed
// penalty with the party's statement/hearing window, rules.md 5.22) → 决定 (within 90 days of 立案,
// 5.18; hearing time not counted) → 结案. Opened from an inspection result that found a problem, in
// the matter of any other case against the same entity.
import { z } from 'zod'
import type { DeadlineRuleDefinition } from '../../../contracts/cases.ts'
import type { WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { chinaDate } from './engine/clocks.ts'
import { defineCaseType } from './engine/declaration.ts'
import { openCase } from './engine/engine.ts'

const PENALTY_LAW = '《行政处罚法》(2021)'

/** The deadline rules of this procedure (rules.md §5b), inserted by migration 0304. */
export const PENALTY_DEADLINE_RULES: readonly (DeadlineRuleDefinition & { ruleId: string })[] = [
  {
    ruleId: '5.18',
    titleZh: '立案之日起九十日内作出处罚决定',
    titleEn: 'Decide within 90 days of opening the penalty case',
    source: {
      instrument: `${PENALTY_LAW}; 延长见《市场监督管理行政处罚程序规定》(条号未核实)`,
      article: '第60条（九十日）；延长30日经负责人批准',
    },
    // rules.md: A for the 90-day default; the 30-day extension is B.
    confidence: 'A',
    dayType: 'calendar',
    length: 90,
    startDayCounts: false,
    // 《民法典》第203条: a last day on a 法定休假日 moves to the day after it.
    rollForward: true,
    startEvent: 'penalty.filed',
    meetEvents: ['penalty.decided', 'penalty.withdrawn'],
    suspendEvents: ['penalty.hearingRequested'],
    resumeEvents: ['penalty.hearingHeld'],
    extension: { roles: ['leader'], maxLength: 30, dayType: 'calendar' },
    reminderOffsets: [10, 3, 1],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.22',
    titleZh: '当事人陈述、申辩及要求听证的期间（告知后五个工作日）',
    titleEn: 'The party’s window to make a statement or request a hearing (5 working days after notice)',
    source: { instrument: PENALTY_LAW, article: '第44、63–64条；“五日”为工作日（第85条）' },
    confidence: 'A',
    dayType: 'working',
    length: 5,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'penalty.noticeServed',
    meetEvents: ['penalty.statementsClosed', 'penalty.hearingRequested'],
    suspendEvents: [],
    resumeEvents: [],
    extension: null,
    reminderOffsets: [1],
    escalation: null,
  },
]

const note = z.object({ note: z.string().trim().max(2000).optional() })

export const penaltyType = defineCaseType({
  type: 'penalty',
  label: { zh: '行政处罚', en: 'Administrative penalty' },
  numberPrefix: 'CF',
  states: {
    filed: { zh: '已立案', en: 'Case opened' },
    investigating: { zh: '调查取证中', en: 'Investigating' },
    noticed: { zh: '已告知拟处罚（陈述申辩期间）', en: 'Proposed penalty notified (statement window)' },
    hearing: { zh: '听证中（决定期限中止）', en: 'Hearing (decision clock suspended)' },
    awaitingDecision: { zh: '待作出决定', en: 'Awaiting the decision' },
    decided: { zh: '已作出决定', en: 'Decided' },
    closed: { zh: '已结案', en: 'Closed', final: true },
  },
  initial: 'filed',
  intake: { event: 'penalty.filed', deadlines: { start: ['5.18'] } },
  onExpiry: { '5.22': 'statementWindowLapsed' },
  transitions: [
    {
      name: 'investigate',
      label: { zh: '调查取证', en: 'Investigate' },
      from: ['filed'],
      to: 'investigating',
      permission: 'case.handle',
      input: note,
      event: 'penalty.investigationStarted',
    },
    {
      name: 'notify',
      label: { zh: '告知拟处罚', en: 'Notify the proposed penalty' },
      from: ['investigating'],
      to: 'noticed',
      permission: 'case.handle',
      input: z.object({
        facts: z.string().trim().min(1).max(4000),
        proposedPenalty: z.string().trim().min(1).max(2000),
        legalBasis: z.string().trim().min(1).max(2000),
      }),
      event: 'penalty.noticeServed',
      deadlines: { start: ['5.22'] },
      data: (input: { facts: string; proposedPenalty: string; legalBasis: string }) => ({ notice: input }),
    },
    {
      name: 'closeStatements',
      label: { zh: '陈述申辩完毕或放弃', en: 'Statements made or waived' },
      from: ['noticed'],
      to: 'awaitingDecision',
      permission: 'case.handle',
      input: note,
      event: 'penalty.statementsClosed',
      deadlines: { meet: ['5.22'] },
    },
    {
      name: 'statementWindowLapsed',
      label: { zh: '陈述申辩期间届满', en: 'Statement window lapsed' },
      from: ['noticed'],
      to: 'awaitingDecision',
      permission: 'case.handle',
      systemOnly: true,
      event: 'penalty.statementsClosed',
    },
    {
      name: 'requestHearing',
      label: { zh: '当事人要求听证', en: 'The party requests a hearing' },
      from: ['noticed'],
      to: 'hearing',
      permission: 'case.handle',
      input: note,
      event: 'penalty.hearingRequested',
      deadlines: { meet: ['5.22'], suspend: ['5.18'] },
    },
    {
      name: 'holdHearing',
      label: { zh: '听证结束', en: 'Hearing held' },
      from: ['hearing'],
      to: 'awaitingDecision',
      permission: 'case.handle',
      input: note,
      event: 'penalty.hearingHeld',
      deadlines: { resume: ['5.18'] },
    },
    {
      name: 'decide',
      label: { zh: '作出决定', en: 'Decide' },
      from: ['awaitingDecision'],
      to: 'decided',
      permission: 'case.handle',
      input: z.object({
        outcome: z.enum(['penalty', 'noPenalty']),
        decision: z.string().trim().min(1).max(4000),
      }),
      event: 'penalty.decided',
      deadlines: { meet: ['5.18'] },
      data: (input: { outcome: string; decision: string }) => ({
        outcome: input.outcome,
        decision: input.decision,
      }),
    },
    {
      name: 'withdraw',
      label: { zh: '撤销立案', en: 'Withdraw the case' },
      from: ['filed', 'investigating'],
      to: 'closed',
      permission: 'case.handle',
      input: z.object({ reason: z.string().trim().min(1).max(2000) }),
      event: 'penalty.withdrawn',
      deadlines: { meet: ['5.18'] },
      data: (input: { reason: string }) => ({ withdrawnReason: input.reason }),
    },
    {
      name: 'close',
      label: { zh: '结案', en: 'Close' },
      from: ['decided'],
      to: 'closed',
      permission: 'case.handle',
      input: note,
      event: 'penalty.closed',
    },
  ],
})

/**
 * Opens a penalty case against an entity in the matter of the latest other case against it (keyed
 * by the respondent's USCC), or in a new matter about it, and keys it for duplicate suggestions.
 */
export async function openPenaltyCase(
  context: WriteContext,
  values: { districtId: string | null; title: string; respondentUscc: string; data: Record<string, unknown> },
): Promise<{ id: string; number: string; matterNumber: string }> {
  const { trx, now } = context
  const uscc = values.respondentUscc.toUpperCase()
  let matter = await trx
    .selectFrom('matters')
    .innerJoin('cases', 'cases.matter_id', 'matters.id')
    .innerJoin('case_keys', 'case_keys.case_id', 'cases.id')
    .select(['matters.id', 'matters.number'])
    .where('case_keys.kind', '=', 'respondentUscc')
    .where('case_keys.value', '=', uscc)
    .orderBy('matters.created_at', 'desc')
    .executeTakeFirst()
  matter ??= await trx
    .selectFrom('matters')
    .select(['id', 'number'])
    .where('respondent_uscc', '=', uscc)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  if (!matter) {
    // Numbered like intake's matters (matters.ts), from the same counter.
    const year = Number(chinaDate(now).slice(0, 4))
    await trx
      .insertInto('case_counters')
      .values({ type: 'matter', year, last: 0 })
      .onConflict((oc) => oc.columns(['type', 'year']).doNothing())
      .execute()
    const { last } = await trx
      .updateTable('case_counters')
      .set((eb) => ({ last: eb('last', '+', 1) }))
      .where('type', '=', 'matter')
      .where('year', '=', year)
      .returning('last')
      .executeTakeFirstOrThrow()
    matter = { id: newId(now.getTime()), number: `SZ-${year}-${String(last).padStart(6, '0')}` }
    await trx
      .insertInto('matters')
      .values({
        ...matter,
        title: values.title,
        district_id: values.districtId,
        owner_entity_id: null,
        owner_user_id: null,
        respondent_uscc: uscc,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
  }
  const data = { ...values.data, respondent: { uscc } }
  const opened = await openCase(context, penaltyType, {
    districtId: values.districtId,
    matterId: matter.id,
    title: values.title,
    data,
  })
  await trx
    .insertInto('case_keys')
    .values({ case_id: opened.id, kind: 'respondentUscc', value: uscc })
    .execute()
  return { ...opened, matterNumber: matter.number }
}
