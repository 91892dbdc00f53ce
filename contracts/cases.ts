// API shapes of the cases module: deadline rules as data, cases, their timeline and their clocks.
import { z } from 'zod'
import { ROLES } from './access.ts'

/** Confidence grades of rules.md §0: A/B checked; C from memory; GAP no source ("unverified"). */
export const RULE_CONFIDENCES = ['A', 'B', 'C', 'GAP'] as const
export type RuleConfidence = (typeof RULE_CONFIDENCES)[number]
export const isUnverified = (confidence: RuleConfidence) => confidence === 'C' || confidence === 'GAP'

export const DEADLINE_DAY_TYPES = ['working', 'calendar', 'month'] as const

/** Which organization an overdue item escalates to, relative to the case's handling organization. */
export const ESCALATION_LEVELS = ['same', 'parent', 'city'] as const

const eventName = z
  .string()
  .regex(/^[a-zA-Z]+(\.[a-zA-Z]+)+$/, 'Expected an event name like complaint.accepted')

/** The editable body of a deadline rule (one effective-dated version). */
export const deadlineRuleDefinition = z.object({
  titleZh: z.string().min(1).max(200),
  titleEn: z.string().min(1).max(200),
  source: z.object({
    instrument: z.string().min(1).max(300),
    article: z.string().max(100),
  }),
  confidence: z.enum(RULE_CONFIDENCES),
  dayType: z.enum(DEADLINE_DAY_TYPES),
  length: z.number().int().min(0).max(10_000),
  /** Count the start day itself (default in Chinese procedure law: no). */
  startDayCounts: z.boolean(),
  /** Calendar days and months: a last day on a rest day moves to the next working day. */
  rollForward: z.boolean(),
  startEvent: eventName,
  meetEvents: z.array(eventName).min(1),
  suspendEvents: z.array(eventName),
  resumeEvents: z.array(eventName),
  extension: z
    .object({
      roles: z.array(z.enum(ROLES)).min(1),
      maxLength: z.number().int().min(1).max(10_000),
      dayType: z.enum(DEADLINE_DAY_TYPES),
    })
    .nullable(),
  /** Working days before the due date at which a reminder goes out. */
  reminderOffsets: z.array(z.number().int().min(0).max(365)).max(10),
  escalation: z.object({ role: z.enum(ROLES), level: z.enum(ESCALATION_LEVELS) }).nullable(),
})
export type DeadlineRuleDefinition = z.infer<typeof deadlineRuleDefinition>

export const deadlineRuleSchema = deadlineRuleDefinition.extend({
  /** The rules.md id, e.g. '5.6'. */
  ruleId: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  /** Graded C or GAP in rules.md: shown as unverified until an administrator confirms a source. */
  unverified: z.boolean(),
  /** The version that applies to a clock starting now. */
  inForce: z.boolean(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
})
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>

export const deadlineRuleList = z.object({ items: z.array(deadlineRuleSchema) })

export const ruleIdParams = z.object({ id: z.string().regex(/^\d+(\.\d+)*(\.[a-z]+)?$/) })

/** A new version of a rule; it applies to clocks started at or after `effectiveFrom` (default: now). */
export const putDeadlineRuleRequest = deadlineRuleDefinition.extend({
  effectiveFrom: z.iso.datetime({ offset: true }).optional(),
  note: z.string().min(1).max(1000),
})
