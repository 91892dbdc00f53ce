import { z } from 'zod'

/**
 * The cockpit's plan format (docs/plan-format.md): a plan with its targets and tasks, portable between
 * installations because units are named by organization code, not by database id.
 */
export const TARGET_KINDS = ['count', 'ratio', 'amount', 'range', 'rank', 'score'] as const
export const FREQUENCIES = ['monthly', 'quarterly'] as const
export const COMPARATORS = ['atLeast', 'moreThan'] as const
export const DIRECTIONS = ['increase', 'decrease'] as const

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD')
const orgCode = z.string().min(1).max(64)

export const targetFileSchema = z
  .object({
    code: z.string().regex(/^T\d{1,3}$/, 'Expected a target code like T1'),
    group: z.string().min(1).max(50),
    indicator: z.object({ zh: z.string().min(1).max(200), en: z.string().max(200).default('') }),
    unit: z.string().min(1).max(30),
    kind: z.enum(TARGET_KINDS),
    comparator: z.enum(COMPARATORS).default('atLeast'),
    direction: z.enum(DIRECTIONS).default('increase'),
    baseline: z.number().nullable().default(null),
    /** Null for a qualitative target (e.g. 位居全省前列), which the cockpit does not colour. */
    targetValue: z.number().nullable().default(null),
    rangeMin: z.number().nullable().default(null),
    rangeMax: z.number().nullable().default(null),
    targetText: z.string().max(200).nullable().default(null),
    dueDate: isoDate,
    responsibleUnit: orgCode,
    frequency: z.enum(FREQUENCIES).default('quarterly'),
    /** Reports are the period's increment; the current value is their sum since the plan started. */
    cumulative: z.boolean().default(false),
    byDistrict: z.boolean().default(false),
    /** Id of a registered indicator source: the value is computed from live records, not reported. */
    source: z.string().max(64).nullable().default(null),
    note: z.string().max(500).nullable().default(null),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'range') {
      if (t.rangeMin === null || t.rangeMax === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['rangeMin'],
          message: 'A range target needs rangeMin and rangeMax',
        })
      } else if (t.rangeMin > t.rangeMax) {
        ctx.addIssue({ code: 'custom', path: ['rangeMax'], message: 'rangeMax is below rangeMin' })
      }
    } else if (t.targetValue === null && t.targetText === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetValue'],
        message: 'A target needs targetValue or targetText',
      })
    }
  })

export const milestoneFileSchema = z.object({
  title: z.string().min(1).max(300),
  dueDate: isoDate,
  standard: z.string().min(1).max(500),
  /** True when the milestone was derived by whoever encoded the plan, not stated in the source text. */
  derived: z.boolean().default(false),
})

export const taskFileSchema = z.object({
  section: z.string().min(1).max(20),
  title: z.object({ zh: z.string().min(1).max(200), en: z.string().max(200).default('') }),
  summary: z.string().max(2000).default(''),
  leadUnit: orgCode,
  coUnits: z.array(orgCode).default([]),
  milestones: z.array(milestoneFileSchema).default([]),
})

export const planFileSchema = z
  .object({
    format: z.literal('zhibao-plan/1'),
    code: z.string().regex(/^[a-z0-9-]{2,64}$/, 'Expected a code of lower-case letters, digits and dashes'),
    title: z.object({ zh: z.string().min(1).max(200), en: z.string().max(200).default('') }),
    issuer: z.string().min(1).max(100),
    documentNumber: z.string().min(1).max(100),
    issuedOn: isoDate,
    periodStart: isoDate,
    periodEnd: isoDate,
    /** Working days a unit has to answer a supervision notice. */
    responseWorkingDays: z.number().int().min(1).max(60).default(5),
    targets: z.array(targetFileSchema).min(1).max(500),
    tasks: z.array(taskFileSchema).max(200).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart) {
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'periodEnd precedes periodStart' })
    }
    const seen = new Set<string>()
    p.targets.forEach((t, i) => {
      if (seen.has(t.code))
        ctx.addIssue({ code: 'custom', path: ['targets', i, 'code'], message: `Duplicate ${t.code}` })
      seen.add(t.code)
    })
    // Updates match tasks by section and milestones by title within their task (docs/plan-format.md).
    const sections = new Set<string>()
    p.tasks.forEach((t, i) => {
      if (sections.has(t.section))
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'section'], message: `Duplicate ${t.section}` })
      sections.add(t.section)
      const titles = new Set<string>()
      t.milestones.forEach((m, j) => {
        if (titles.has(m.title))
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', i, 'milestones', j, 'title'],
            message: `Duplicate milestone ${m.title}`,
          })
        titles.add(m.title)
      })
    })
  })

export type PlanFile = z.output<typeof planFileSchema>
export type PlanFileInput = z.input<typeof planFileSchema>
export type TargetFile = z.output<typeof targetFileSchema>
export type TaskFile = z.output<typeof taskFileSchema>

export const STATUSES = ['green', 'amber', 'red', 'grey'] as const
export type Status = (typeof STATUSES)[number]

const label = z.object({ zh: z.string(), en: z.string() })

export const targetView = z.object({
  id: z.string(),
  code: z.string(),
  group: z.string(),
  indicator: label,
  unit: z.string(),
  kind: z.enum(TARGET_KINDS),
  comparator: z.enum(COMPARATORS),
  direction: z.enum(DIRECTIONS),
  baseline: z.number().nullable(),
  targetValue: z.number().nullable(),
  rangeMin: z.number().nullable(),
  rangeMax: z.number().nullable(),
  targetText: z.string().nullable(),
  dueDate: z.string(),
  responsibleUnit: z.string(),
  responsibleUnitName: label.nullable(),
  frequency: z.enum(FREQUENCIES),
  cumulative: z.boolean(),
  byDistrict: z.boolean(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  computed: z.boolean(),
  /** Computed by a source that is registered but whose module does not exist yet. */
  sourceAvailable: z.boolean().nullable(),
  currentValue: z.number().nullable(),
  currentPeriod: z.string().nullable(),
  expectedValue: z.number().nullable(),
  status: z.enum(STATUSES),
})

export const milestoneView = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  standard: z.string(),
  derived: z.boolean(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  /** pending (not yet due), done (on time), late (done after the due date), overdue (not done, past due). */
  state: z.enum(['pending', 'done', 'late', 'overdue']),
})

export const taskView = z.object({
  id: z.string(),
  section: z.string(),
  title: label,
  summary: z.string(),
  leadUnit: z.string(),
  coUnits: z.array(z.string()),
  milestones: z.array(milestoneView),
})

export const planSummary = z.object({
  id: z.string(),
  code: z.string(),
  title: label,
  issuer: z.string(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  responseWorkingDays: z.number(),
  targetCount: z.number(),
  taskCount: z.number(),
})

export const planDetail = planSummary.extend({
  targets: z.array(targetView),
  tasks: z.array(taskView),
})

export const planList = z.object({ items: z.array(planSummary) })

/** A period: `2024-05` (monthly) or `2024-Q2` (quarterly). */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'Expected 2024-05 or 2024-Q2')

export const attachmentRef = z.object({
  name: z.string().min(1).max(200),
  /** A reference to a stored document (evidence id, URL of an official publication, file number). */
  ref: z.string().min(1).max(500),
})

export const reportRequest = z.object({
  targetId: z.string().min(1).max(64),
  period: periodSchema,
  /** Division organization code (gusu, kunshan…) for a by-district figure; omit for the city total. */
  district: z.string().max(64).nullable().default(null),
  value: z.number().finite(),
  narrative: z.string().max(5000).default(''),
  attachments: z.array(attachmentRef).max(20).default([]),
})

export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const

export const reportView = z.object({
  id: z.string(),
  targetId: z.string(),
  targetCode: z.string(),
  period: z.string(),
  district: z.string().nullable(),
  unit: z.string(),
  value: z.number(),
  narrative: z.string(),
  attachments: z.array(attachmentRef),
  state: z.enum(REPORT_STATES),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number(),
})

export const reportListQuery = z.object({
  planId: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  period: periodSchema.optional(),
  state: z.enum(REPORT_STATES).optional(),
  unit: z.string().max(64).optional(),
})

export const reviewRequest = z.object({
  decision: z.enum(['accept', 'return']),
  comment: z.string().max(2000).default(''),
  version: z.number().int().optional(),
})

export const NOTICE_KINDS = ['milestoneOverdue', 'offTrajectory'] as const
export const NOTICE_STATES = ['open', 'responded', 'closed'] as const

export const noticeEventView = z.object({
  at: z.string(),
  kind: z.enum(['raised', 'response', 'followUp', 'closed']),
  by: z.string().nullable(),
  byName: z.string().nullable().optional(),
  text: z.string(),
})

export const noticeView = z.object({
  id: z.string(),
  planId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  unit: z.string(),
  unitName: label.nullable(),
  subjectType: z.enum(['milestone', 'target']),
  subjectId: z.string(),
  subjectLabel: z.string(),
  reason: z.string(),
  raisedAt: z.string(),
  responseDue: z.string(),
  responseOverdue: z.boolean(),
  state: z.enum(NOTICE_STATES),
  events: z.array(noticeEventView),
})

export const noticeListQuery = z.object({
  planId: z.string().max(64).optional(),
  state: z.enum(NOTICE_STATES).optional(),
  unit: z.string().max(64).optional(),
})

export const noticeActionRequest = z.object({
  text: z.string().min(1).max(5000),
  /** A follow-up may set a new response deadline, in working days from today. */
  responseWorkingDays: z.number().int().min(1).max(60).optional(),
})

export const milestoneCompleteRequest = z.object({
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().min(1).max(2000),
})

export const drillDownView = z.object({
  targetId: z.string(),
  period: z.string(),
  source: z.string(),
  value: z.number().nullable(),
  records: z.array(z.object({ type: z.string(), id: z.string(), label: z.string(), role: z.string() })),
})

export const importResult = z.object({
  planId: z.string().optional(),
  imported: z.number(),
  /** A plan import: `created`, or `updated` when a plan with the same code and document number existed. */
  mode: z.enum(['created', 'updated']).optional(),
  /** For an update: targets and tasks added, updated and removed. */
  changes: z.object({ added: z.number(), updated: z.number(), removed: z.number() }).optional(),
})

export const periodReportQuery = z.object({
  period: periodSchema,
  format: z.enum(['json', 'pdf', 'xlsx']).default('json'),
})

export const unitView = z.object({
  unit: z.string(),
  unitName: label.nullable(),
  targets: z.array(targetView),
  tasks: z.array(taskView),
  reports: z.array(reportView),
  notices: z.array(noticeView),
})
