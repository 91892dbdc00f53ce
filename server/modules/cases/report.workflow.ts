// The report (举报) procedure: clue verification and the docket decision (rules.md 5.14), telling a
// named reporter the outcome (5.11). The reporter's identity stays in the case file only (5.13).
import { z } from 'zod'
import { defineCaseType } from './engine/declaration.ts'

const isNamed = (data: Record<string, unknown>) => data.reporter !== null && data.reporter !== undefined

export const reportType = defineCaseType({
  type: 'report',
  label: { zh: '举报', en: 'Report' },
  numberPrefix: 'JB',
  states: {
    received: { zh: '线索核查中', en: 'Verifying the clue' },
    testing: { zh: '检测鉴定中（核查期限中止）', en: 'Testing (verification clock suspended)' },
    decided: { zh: '已作出立案决定', en: 'Docket decided' },
    reporterInformed: { zh: '已告知举报人', en: 'Reporter informed', final: true },
    closed: { zh: '已办结', en: 'Closed', final: true },
  },
  initial: 'received',
  intake: { event: 'report.received', deadlines: { start: ['5.14'] } },
  transitions: [
    {
      name: 'docket',
      label: { zh: '立案', en: 'Open a case' },
      from: ['received'],
      to: 'decided',
      permission: 'case.handle',
      input: z.object({ note: z.string().trim().max(2000).optional() }),
      event: 'report.docketDecided',
      deadlines: { meet: ['5.14'], startIf: [{ rule: '5.11', when: isNamed }] },
      data: () => ({ decision: 'docketed' }),
    },
    {
      name: 'decline',
      label: { zh: '不予立案', en: 'Decline to open a case' },
      from: ['received'],
      to: 'decided',
      permission: 'case.handle',
      input: z.object({ reason: z.string().trim().min(1).max(2000) }),
      event: 'report.docketDecided',
      deadlines: { meet: ['5.14'], startIf: [{ rule: '5.11', when: isNamed }] },
      data: (input: { reason: string }) => ({ decision: 'declined', declineReason: input.reason }),
    },
    {
      name: 'startTesting',
      label: { zh: '送检测、鉴定', en: 'Send for testing' },
      from: ['received'],
      to: 'testing',
      permission: 'case.handle',
      event: 'report.testingStarted',
      // 5.14: testing, inspection and the right holder's identification are not counted.
      deadlines: { suspend: ['5.14'] },
    },
    {
      name: 'finishTesting',
      label: { zh: '检测、鉴定完成', en: 'Testing finished' },
      from: ['testing'],
      to: 'received',
      permission: 'case.handle',
      event: 'report.testingFinished',
      deadlines: { resume: ['5.14'] },
    },
    {
      name: 'informReporter',
      label: { zh: '告知举报人', en: 'Inform the reporter' },
      from: ['decided'],
      to: 'reporterInformed',
      permission: 'case.handle',
      guards: [
        (c) =>
          isNamed(c.data) ? null : { zh: '匿名举报无需告知', en: 'An anonymous report has no one to inform' },
      ],
      event: 'report.reporterInformed',
      deadlines: { meet: ['5.11'] },
    },
    {
      name: 'close',
      label: { zh: '办结', en: 'Close' },
      from: ['decided'],
      to: 'closed',
      permission: 'case.handle',
      guards: [
        (c) =>
          isNamed(c.data)
            ? { zh: '须先告知实名举报人处理结果', en: 'Inform the named reporter first' }
            : null,
      ],
      event: 'report.closed',
    },
  ],
})
