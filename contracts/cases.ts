// API shapes of the cases module: deadline rules as data, cases, their timeline and their clocks.
import { z } from 'zod'
import { ROLES } from './access.ts'
import { residentIdSchema, usccSchema } from './identifiers/index.ts'

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

const label = z.object({ zh: z.string(), en: z.string() })

export const caseActionSchema = z.object({ name: z.string(), label })

export const caseEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorLabel: z.string(),
  event: z.string(),
  transition: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  data: z.unknown(),
})

export const clockSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  ruleTitle: label,
  unverified: z.boolean(),
  status: z.enum(['running', 'suspended', 'met']),
  startedAt: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  /**
   * Days (of the rule's type) from today to the due date; negative once overdue (at least -1, also
   * when only rest days have passed); null unless running.
   */
  daysLeft: z.number().int().nullable(),
  /** The calendar's steps for the due date, the rule version used and later adjustments. */
  computation: z.looseObject({ due: z.string() }),
  suspensions: z.array(z.unknown()),
  extensions: z.array(z.unknown()),
  metAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  escalation: z.unknown().nullable(),
})
export type CaseClock = z.infer<typeof clockSchema>

export const caseSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: z.string(),
  state: z.string(),
  stateLabel: label,
  districtId: z.string().nullable(),
  matterId: z.string().nullable(),
  title: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
})

export const caseDetailSchema = caseSchema.extend({
  events: z.array(caseEventSchema),
  clocks: z.array(clockSchema),
  /** The transitions the caller may take now. */
  actions: z.array(caseActionSchema),
})
export type CaseDetail = z.infer<typeof caseDetailSchema>

export const caseListQuery = z.object({
  type: z.string().max(50).optional(),
  state: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

export const transitionParams = z.object({
  id: z.string().min(1).max(64),
  transition: z.string().min(1).max(64),
})
export const transitionRequest = z.object({
  input: z.record(z.string(), z.unknown()).default({}),
  /** The case version the caller saw; a stale one gets 409 and changes nothing. */
  version: z.number().int().optional(),
})

export const RIGHT_KINDS = [
  'inventionPatent',
  'utilityModel',
  'designPatent',
  'trademark',
  'copyright',
  'geographicalIndication',
  'tradeSecret',
  'other',
] as const

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'Expected a phone number')
const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * A complaint (投诉) as the portal submits it: the data 《市场监督管理投诉举报处理暂行办法》第9–10条
 * require (rules.md 5.3), the right concerned, and the district where the respondent does business
 * (rules.md 5.5; empty when unknown: the center routes it).
 */
export const complaintIntakeRequest = z.object({
  complainant: z.object({ name: text(100), phone, address: text(200) }),
  agent: z.object({ name: text(100), phone }).optional(),
  respondent: z.object({
    name: text(200),
    address: text(200),
    uscc: usccSchema.optional(),
  }),
  right: z.object({ kind: z.enum(RIGHT_KINDS), number: z.string().trim().max(100).optional() }),
  request: text(2000),
  facts: text(10_000),
  districtId: z.string().min(1).max(64).nullable().default(null),
})
export type ComplaintIntake = z.infer<typeof complaintIntakeRequest>

export const caseCreatedResponse = z.object({ id: z.string(), number: z.string() })

/** Grounds for rejecting a complaint (rules.md 5.7, 《暂行办法》第15条). */
export const COMPLAINT_REJECTION_GROUNDS = [
  'handledElsewhere',
  'notConsumerDispute',
  'overThreeYears',
  'missingMaterials',
  'outsideJurisdiction',
  'other',
] as const

export const clockParams = z.object({ id: z.string().min(1).max(64), clockId: z.string().min(1).max(64) })
/** Extend a running deadline by `length` units of the rule's extension type, with the reason. */
export const extendClockRequest = z.object({
  length: z.number().int().min(1).max(10_000),
  reason: z.string().trim().min(1).max(2000),
})

export const caseListItemSchema = caseSchema.omit({ data: true }).extend({
  /** The earliest due date among the case's running clocks. */
  nextDueDate: z.string().nullable(),
})
export const caseListResponse = z.object({
  items: z.array(caseListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

/** The supervision queue: running clocks in the caller's scope, earliest due first. */
export const deadlineQueueQuery = z.object({
  /** Only clocks due on or before this date (e.g. today for due and overdue items). */
  dueBy: z.iso.date().optional(),
  overdueOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The caller's own queue: cases they are assigned to. */
  mine: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** City-level staff: one agency's (district's) queue. */
  districtId: z.string().min(1).max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export const deadlineQueueItem = z.object({
  clockId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseType: z.string(),
  caseTitle: z.string(),
  districtId: z.string().nullable(),
  ruleId: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  overdueAt: z.string().nullable(),
})
export const deadlineQueueResponse = z.object({ items: z.array(deadlineQueueItem), page: z.number().int() })

/**
 * A report (举报) of a violation: the reporter may stay anonymous; a named reporter is told within 5
 * working days whether a case was opened (rules.md 5.11) and stays confidential (5.13).
 */
export const reportIntakeRequest = z.object({
  reporter: z
    .object({ name: text(100), phone, address: z.string().trim().max(200).optional() })
    .nullable()
    .default(null),
  respondent: z.object({
    name: text(200),
    address: text(200),
    uscc: usccSchema.optional(),
  }),
  right: z.object({ kind: z.enum(RIGHT_KINDS), number: z.string().trim().max(100).optional() }),
  clue: text(10_000),
  districtId: z.string().min(1).max(64).nullable().default(null),
})
export type ReportIntake = z.infer<typeof reportIntakeRequest>

/**
 * A right holder's notice against e-commerce listings (电商平台快速处置, 《电子商务法》第42条): the
 * listings, the right, and the prima facie evidence.
 */
export const takedownIntakeRequest = z.object({
  rightsHolder: z.object({ name: text(200), uscc: usccSchema.optional(), phone }),
  right: z.object({ kind: z.enum(RIGHT_KINDS), number: text(100) }),
  listings: z
    .array(z.object({ platform: text(100), url: z.url({ protocol: /^https?$/ }).max(2000) }))
    .min(1)
    .max(100),
  evidence: text(10_000),
  districtId: z.string().min(1).max(64).nullable().default(null),
})
export type TakedownIntake = z.infer<typeof takedownIntakeRequest>

export const INFRINGEMENT_CONCLUSIONS = ['likelyInfringing', 'notInfringing', 'undetermined'] as const

/** Rights-defence assistance (维权援助) asked by an enterprise, at home or abroad. */
export const assistanceIntakeRequest = z
  .object({
    enterprise: z.object({ name: text(200), uscc: usccSchema, contact: text(100), phone }),
    scope: z.enum(['domestic', 'overseas']),
    /** Overseas: the country or region of the dispute. */
    country: z.string().trim().min(1).max(100).optional(),
    counterparty: z.string().trim().max(200).optional(),
    right: z.object({ kind: z.enum(RIGHT_KINDS), number: z.string().trim().max(100).optional() }),
    description: text(10_000),
    districtId: z.string().min(1).max(64).nullable().default(null),
  })
  .refine((v) => v.scope === 'domestic' || v.country !== undefined, {
    path: ['country'],
    message: 'Required for overseas assistance',
    params: { zh: '海外维权援助须填写国家或地区', en: 'Required for overseas assistance' },
  })
export type AssistanceIntake = z.infer<typeof assistanceIntakeRequest>

// ——— Matters (事项), submitters' follow-up, duplicates ———

/** Why a case is suggested as a likely duplicate of another. */
export const DUPLICATE_REASONS = ['respondentUscc', 'right', 'listing'] as const

export const duplicateSuggestion = z.object({
  caseId: z.string(),
  number: z.string(),
  type: z.string(),
  state: z.string(),
  matterNumber: z.string().nullable(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
})
export type DuplicateSuggestion = z.infer<typeof duplicateSuggestion>

/** What intake returns: the case, its matter and, for the anonymous public, how to follow it. */
export const intakeResponse = caseCreatedResponse.extend({
  matterNumber: z.string(),
  /** Only for a submitter who is not signed in: shown once; the secret is not kept in clear. */
  tracking: z.object({ code: z.string(), secret: z.string() }).optional(),
  /** Only for staff who take intake on someone's behalf. */
  duplicates: z.array(duplicateSuggestion).optional(),
})

export const matterNumberParams = z.object({ number: z.string().regex(/^SZ-\d{4}-\d{6}$/) })

/** A case as a party sees it: procedural facts; the data only of what the viewer itself submitted. */
export const partyCaseView = z.object({
  id: z.string(),
  number: z.string(),
  type: z.string(),
  typeLabel: label,
  state: z.string(),
  stateLabel: label,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** State changes only (no actor names, no internal notes). */
  steps: z.array(z.object({ at: z.string(), event: z.string(), toState: z.string().nullable() })),
  /** Running and met deadlines: which rule, when due. */
  deadlines: z.array(z.object({ ruleId: z.string(), dueDate: z.string(), status: z.string() })),
  /** The viewer's own submission, as submitted; absent for others' cases. */
  submission: z.record(z.string(), z.unknown()).optional(),
})
export type PartyCaseView = z.infer<typeof partyCaseView>

export const matterView = z.object({
  number: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** How the caller relates to the matter: staff, the filer (owner) or the respondent. */
  viewer: z.enum(['staff', 'owner', 'respondent']),
  cases: z.array(partyCaseView),
})

export const trackRequest = z.object({
  code: z.string().trim().min(4).max(40),
  secret: z.string().trim().min(8).max(200),
})

export const myCasesResponse = z.object({
  items: z.array(
    partyCaseView.extend({
      matterNumber: z.string().nullable(),
      /** The caller filed the case, or (an enterprise) is named in it as respondent. */
      role: z.enum(['submitter', 'respondent']),
    }),
  ),
})

export const linkCaseRequest = z.object({ caseId: z.string().min(1).max(64) })
export const caseRelations = z.object({
  matter: z.object({ number: z.string(), title: z.string(), caseCount: z.number().int() }).nullable(),
  duplicates: z.array(duplicateSuggestion),
})

// ——— People: parties, agents, assigned staff, recusal ———

export const PARTY_ROLES = [
  'complainant',
  'respondent',
  'reporter',
  'rightsHolder',
  'applicant',
  'agent',
  'other',
] as const
export const ASSIGNMENT_DUTIES = ['officer', 'expert', 'technicalInvestigator'] as const

/**
 * A party: an entity (by USCC) or a natural person (resident ID optional, validated). An agent names
 * the party it represents and its power of attorney (rules.md 5.3: original power of attorney + ID).
 */
export const addPartyRequest = z
  .object({
    role: z.enum(PARTY_ROLES),
    kind: z.enum(['entity', 'person']),
    name: text(200),
    uscc: usccSchema.optional(),
    idNumber: residentIdSchema.optional(),
    phone: phone.optional(),
    representsId: z.string().min(1).max(64).optional(),
    powerOfAttorney: z.string().trim().min(1).max(200).optional(),
  })
  .refine((p) => p.kind === 'person' || p.uscc !== undefined, {
    path: ['uscc'],
    message: 'Required for an entity',
    params: { zh: '市场主体须填写统一社会信用代码', en: 'Required for an entity' },
  })
  .refine((p) => p.kind === 'entity' || p.uscc === undefined, {
    path: ['uscc'],
    message: 'A natural person has no USCC',
    params: { zh: '自然人无统一社会信用代码', en: 'A natural person has no USCC' },
  })
  .refine((p) => p.role !== 'agent' || (p.representsId !== undefined && p.powerOfAttorney !== undefined), {
    path: ['powerOfAttorney'],
    message: 'An agent needs the party it represents and the power of attorney',
    params: {
      zh: '代理人须写明被代理人及授权委托书',
      en: 'An agent needs the party it represents and the power of attorney',
    },
  })
export type AddPartyRequest = z.infer<typeof addPartyRequest>

export const partySchema = z.object({
  id: z.string(),
  role: z.enum(PARTY_ROLES),
  kind: z.enum(['entity', 'person']),
  name: z.string(),
  uscc: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Masked (110105********002X) unless the caller handles cases. */
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  representsId: z.string().nullable(),
  powerOfAttorney: z.string().nullable(),
  createdAt: z.string(),
})

export const assignRequest = z.object({
  userId: z.string().min(1).max(64),
  duty: z.enum(ASSIGNMENT_DUTIES),
})
export const assignmentSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string().nullable(),
  duty: z.enum(ASSIGNMENT_DUTIES),
  assignedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
})

/** The assignment picker: people who may take a duty on this case, by name. */
export const assignableUsersQuery = z.object({
  duty: z.enum(ASSIGNMENT_DUTIES),
  q: z.string().trim().max(50).optional(),
})
export const assignableUsersResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      orgName: label.nullable(),
      /** Tied to a party, or a recusal requested or granted: assigning is refused. */
      mustRecuse: z.boolean(),
      assigned: z.boolean(),
    }),
  ),
})

export const recusalRequest = z.object({
  userId: z.string().min(1).max(64),
  /** The party asking (null: the person declares a conflict). */
  partyId: z.string().min(1).max(64).nullable().default(null),
  reason: text(2000),
})
export const recusalDecisionRequest = z.object({ grant: z.boolean(), note: text(2000) })
export const recusalSchema = z.object({
  id: z.string(),
  userId: z.string(),
  partyId: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['requested', 'granted', 'refused']),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
})

export const casePeopleResponse = z.object({
  parties: z.array(partySchema),
  assignments: z.array(assignmentSchema),
  recusals: z.array(recusalSchema),
})
export const subIdParams = z.object({ id: z.string().min(1).max(64), subId: z.string().min(1).max(64) })

// ——— Documents: notices and attachments ———

export const caseDocumentSchema = z.object({
  id: z.string(),
  source: z.enum(['notice', 'attachment']),
  kind: z.string(),
  /** A notice's number, e.g. 苏知保受〔2026〕12号; null for attachments. */
  number: z.string().nullable(),
  title: z.string(),
  addressee: z.enum(['submitter', 'parties', 'internal']),
  /** Null until a notice is first rendered. */
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  mediaType: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
})
export const caseDocumentList = z.object({ items: z.array(caseDocumentSchema) })
/** What the tracking code and secret show: the submitter's view and the notices addressed to them. */
export const trackResponse = partyCaseView.extend({
  matterNumber: z.string().nullable(),
  documents: z.array(caseDocumentSchema),
})

export const attachmentCreated = z.object({ id: z.string(), sha256: z.string(), size: z.number().int() })

// ——— Supervision notices (督办) ———

export const supervisionListQuery = z.object({
  status: z.enum(['open', 'responded', 'closed']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export const supervisionNoticeSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  ruleId: z.string(),
  dueDate: z.string(),
  districtId: z.string().nullable(),
  supervisingOrgId: z.string().nullable(),
  supervisingRole: z.string().nullable(),
  status: z.enum(['open', 'responded', 'closed']),
  createdAt: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closingNote: z.string().nullable(),
  closedAt: z.string().nullable(),
})
export const supervisionList = z.object({ items: z.array(supervisionNoticeSchema), page: z.number().int() })
export const supervisionResponseRequest = z.object({ response: text(5000) })
export const supervisionCloseRequest = z.object({ note: text(5000) })

// ——— Statistics ———

export const caseStatisticsQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  district: z.string().min(1).max(64).optional(),
  type: z.string().min(1).max(50).optional(),
})
export const caseStatisticsResponse = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  /** Closed ÷ received in the window (结收案比, cockpit T13); null when nothing was received. */
  closureRatio: z.number().nullable(),
  /** Calendar days from receipt to closure of the cases closed in the window. */
  handlingDays: z.object({
    count: z.number().int(),
    mean: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  groups: z.array(
    z.object({
      type: z.string(),
      districtId: z.string().nullable(),
      received: z.number().int(),
      closed: z.number().int(),
    }),
  ),
  /** Per deadline rule: clocks met in the window, how many on or before their due date. */
  onTime: z.array(
    z.object({ ruleId: z.string(), met: z.number().int(), onTime: z.number().int(), rate: z.number() }),
  ),
})
