// API shapes of the inspections module (双随机、一公开). The draw itself — inputs, commitment, seed,
// algorithm, record and verification — is contracts/inspections/draw (docs/draw-algorithm.md).
import { z } from 'zod'
import { IsoDateSchema } from './calendar/index.ts'
import { pageQuery } from './common.ts'

const text = (max: number) => z.string().trim().min(1).max(max)
/** Codes that end up in the committed draw inputs: no '|' (stratum separator), no control characters. */
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'letters, digits, _ . : - (max 64)')
const hex32 = z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 32 bytes of hex (64 characters)')

export const INSPECTION_METHODS = ['written', 'onSite', 'onlineMonitoring'] as const
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const
export const OUTCOMES = [
  'noProblem',
  'problemFound',
  'problemCorrected',
  'notFoundAtAddress',
  'refusedInspection',
] as const
export type Outcome = (typeof OUTCOMES)[number]

// ---- The lists (一单两库) ----

export const inspectionItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  method: z.enum(INSPECTION_METHODS),
  agencyId: z.string(),
  agencyName: z.string().nullable(),
  requiredQualifications: z.array(z.string()),
  legalReview: z.boolean(),
})
export type InspectionItem = z.infer<typeof inspectionItemSchema>
export const createItemRequest = z.object({
  code,
  name: text(200),
  legalBasis: text(500),
  method: z.enum(INSPECTION_METHODS),
  agencyId: z.string().min(1),
  requiredQualifications: z.array(code).max(20).default([]),
  legalReview: z.boolean().default(false),
})

export const directoryEntrySchema = z.object({
  entityId: z.string(),
  uscc: z.string(),
  name: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  category: z.string().nullable(),
  creditLevel: z.string().nullable(),
  keyEnterprise: z.boolean(),
  lastInspections: z.array(z.object({ itemId: z.string(), inspectedOn: z.string() })),
})
export const directoryQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() })

/**
 * Result of a directory import (entities or inspectors). The file is uploaded as multipart/form-data,
 * field "file", named *.csv or *.xlsx; any bad row rejects the whole file (errors by row number).
 */
export const importDirectoryResponse = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
})
/** Column headers accepted by the directory import (Chinese or English). */
export const DIRECTORY_COLUMNS = {
  uscc: ['统一社会信用代码', 'uscc'],
  name: ['名称', 'name'],
  district: ['所属区县', 'district'],
  category: ['行业类别', 'category'],
  creditLevel: ['信用等级', 'creditLevel'],
  keyEnterprise: ['重点企业', 'keyEnterprise'],
} as const

/**
 * Column headers accepted by the inspector directory import (Chinese or English). Qualifications
 * and conflicts (USCCs of entities the inspector must not inspect) are lists separated by ; or 、.
 */
export const INSPECTOR_COLUMNS = {
  badge: ['执法证号', 'badge'],
  name: ['姓名', 'name'],
  agency: ['执法机构', 'agency'],
  district: ['所属区县', 'district'],
  qualifications: ['执法资格', 'qualifications'],
  capacity: ['承办上限', 'capacity'],
  conflicts: ['回避对象', 'conflicts'],
} as const

export const inspectorSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  badge: z.string(),
  agencyId: z.string(),
  agencyName: z.string().nullable(),
  districtId: z.string().nullable(),
  qualifications: z.array(z.string()),
  capacity: z.number().int(),
  active: z.boolean(),
  conflicts: z.array(z.object({ entityId: z.string(), uscc: z.string(), reason: z.string() })),
})
export type InspectorEntry = z.infer<typeof inspectorSchema>
export const createInspectorRequest = z.object({
  userId: z.string().min(1).nullable().default(null),
  name: text(100),
  badge: code,
  agencyId: z.string().min(1),
  districtId: z.string().min(1).nullable().default(null),
  qualifications: z.array(code).max(20).default([]),
  capacity: z.number().int().min(0).max(10_000),
})
export const declareConflictRequest = z.object({ uscc: z.string().min(1), reason: text(200) })

// ---- Plans and tasks ----

export const planSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  districtId: z.string().nullable(),
  createdAt: z.string(),
  tasks: z.number().int(),
})
export const createPlanRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  districtId: z.string().min(1).nullable().default(null),
})

export const STRATIFY_ATTRIBUTES = ['district', 'category', 'credit'] as const
export const populationFilterSchema = z.object({
  /** Organization ids of districts; empty = the task's district (or every district for the city). */
  districts: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  creditLevels: z.array(z.enum(CREDIT_LEVELS)).default([]),
  keyEnterprisesOnly: z.boolean().default(false),
})
export const stratumRuleSchema = z
  .object({
    /** Stratum key: the stratify-by attribute values joined with '|', e.g. 'gusu|C'. */
    stratum: z.string().min(1).max(200),
    ratio: z
      .string()
      .regex(/^(?:0(?:\.\d{1,9})?|1(?:\.0{1,9})?)$/)
      .nullable()
      .default(null),
    count: z.number().int().min(0).max(1_000_000).nullable().default(null),
    /** Item ids checked in this stratum; absent = all the task's items. */
    items: z.array(z.string()).optional(),
  })
  .refine((r) => (r.ratio === null) !== (r.count === null), 'exactly one of ratio and count')

export const createTaskRequest = z.object({
  code,
  title: text(200),
  itemIds: z.array(z.string()).min(1).max(20),
  population: populationFilterSchema.default({
    districts: [],
    categories: [],
    creditLevels: [],
    keyEnterprisesOnly: false,
  }),
  stratifyBy: z.array(z.enum(STRATIFY_ATTRIBUTES)).min(1).max(3),
  rounding: z.enum(['ceil', 'floor', 'halfUp']).default('ceil'),
  strata: z.array(stratumRuleSchema).min(1).max(500),
  inspectorsPerTarget: z.number().int().min(2).max(10).default(2),
  /** Agencies whose inspectors form the roster; several = a joint inspection (one visit, several items). */
  agencyIds: z.array(z.string()).min(1).max(20),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
})
export type CreateTaskRequest = z.input<typeof createTaskRequest>

export const taskSchema = z.object({
  id: z.string(),
  planId: z.string(),
  code: z.string(),
  title: z.string(),
  districtId: z.string().nullable(),
  itemIds: z.array(z.string()),
  population: populationFilterSchema,
  stratifyBy: z.array(z.string()),
  rounding: z.string(),
  strata: z.array(
    z.object({ stratum: z.string(), ratio: z.string().nullable(), count: z.number().nullable() }),
  ),
  inspectorsPerTarget: z.number().int(),
  agencyIds: z.array(z.string()),
  joint: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
  drawId: z.string().nullable(),
})
export type InspectionTask = z.infer<typeof taskSchema>
export const taskListQuery = pageQuery.extend({ planId: z.string().optional() })

// ---- The draw ----

export const commitDrawRequest = z.object({
  /** A future drand quicknet round, announced now. */
  drandRound: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
  /** Named observers and the SHA-256 commitments of their secret values. */
  observers: z
    .array(z.object({ name: text(100), commitment: hex32 }))
    .max(20)
    .default([]),
})
export const revealRequest = z.object({
  observer: text(100),
  value: z.string().regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, 'expected 16–64 bytes of hex'),
})
// ---- Observers (commit–reveal by user accounts) ----

/** Designates a user account, by username, as an observer of a task's draw (before it is committed). */
export const designateObserverRequest = z.object({ username: z.string().trim().min(1).max(100) })
export const taskObserverSchema = z.object({
  userId: z.string(),
  name: z.string(),
  committed: z.boolean(),
  committedAt: z.string().nullable(),
})
export type TaskObserver = z.infer<typeof taskObserverSchema>
/** The observer's own commitment: hex SHA-256 of a secret value only the observer keeps. */
export const observerCommitmentRequest = z.object({ commitment: hex32 })
/** The observer's own reveal of the value behind the commitment, after the draw was committed. */
export const observerRevealRequest = z.object({
  value: z.string().regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, 'expected 16–64 bytes of hex'),
})
/** A task on which the signed-in user is a designated observer, and what is expected of them. */
export const observerDutySchema = z.object({
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  commitment: z.string().nullable(),
  committedAt: z.string().nullable(),
  drawId: z.string().nullable(),
  drawStatus: z.enum(['committed', 'drawn', 'aborted']).nullable(),
  drandRound: z.number().int().nullable(),
  revealed: z.boolean(),
  /** 'commit' before the draw is committed, 'reveal' after, 'done' when nothing is left to do. */
  next: z.enum(['commit', 'reveal', 'done']),
})
export type ObserverDuty = z.infer<typeof observerDutySchema>

export const runDrawRequest = z.object({
  drand: z
    .object({
      round: z.number().int().min(1),
      randomness: hex32,
      /** The round's BLS signature (48 bytes, hex); when given, the server verifies the beacon. */
      signature: z
        .string()
        .regex(/^[0-9a-fA-F]{96}$/, 'expected 48 bytes of hex (96 characters)')
        .optional(),
    })
    .nullable()
    .default(null),
})

export const drawSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  taskCode: z.string(),
  taskTitle: z.string(),
  status: z.enum(['committed', 'drawn', 'aborted']),
  /** Why a committed draw was abandoned (shown publicly: no silent re-draws). */
  abortReason: z.string().nullable(),
  /** The evidence-log statement of the commitment; its receipt: /api/evidence/statements/{id}/receipt. */
  logEntryId: z.string().nullable(),
  commitment: z.string(),
  drandRound: z.number().int().nullable(),
  observers: z.array(z.object({ name: z.string(), commitment: z.string(), revealed: z.boolean() })),
  demo: z.boolean(),
  committedAt: z.string(),
  seed: z.string().nullable(),
  targetCount: z.number().int(),
  drawnAt: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
})
export type InspectionDraw = z.infer<typeof drawSchema>
export const abortDrawRequest = z.object({ reason: text(500) })
export const drawListQuery = pageQuery

// ---- Targets and results ----

export const targetSchema = z.object({
  id: z.string(),
  drawId: z.string(),
  position: z.number().int(),
  entityId: z.string(),
  uscc: z.string(),
  entityName: z.string().nullable(),
  stratum: z.string(),
  districtId: z.string().nullable(),
  /** 谁检查 */
  inspectors: z.array(z.object({ badge: z.string(), name: z.string() })),
  outcome: z.enum(OUTCOMES).nullable(),
  notes: z.string().nullable(),
  evidenceRefs: z.array(z.string()),
  resultOn: z.string().nullable(),
  /** 谁录入 */
  enteredBy: z.string().nullable(),
  reviewRequired: z.boolean(),
  reviewStatus: z.enum(['pending', 'approved', 'returned']).nullable(),
  reviewedBy: z.string().nullable(),
  /** Last day to publish: 20 working days after the result (rules.md 4.4). */
  publishDue: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** 谁公开 */
  publishedBy: z.string().nullable(),
  /** The penalty case opened from a problem found (staff of the target's district only). */
  penaltyCaseId: z.string().nullable(),
  penaltyCaseNumber: z.string().nullable(),
})
export type InspectionTarget = z.infer<typeof targetSchema>
/** The penalty case opened from an inspection result, in the matter of other cases against the entity. */
export const penaltyCaseResponse = z.object({
  caseId: z.string(),
  number: z.string(),
  matterNumber: z.string(),
  target: targetSchema,
})

export const recordResultRequest = z.object({
  outcome: z.enum(OUTCOMES),
  notes: z.string().trim().max(2000).default(''),
  evidenceRefs: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** Date of the inspection result; defaults to today (China time). */
  resultOn: IsoDateSchema.optional(),
})
export const reviewRequest = z.object({
  approved: z.boolean(),
  notes: z.string().trim().max(2000).default(''),
})

// ---- Statistics ----

export const statsQuery = z.object({ planId: z.string().optional() })
export const statsSchema = z.object({
  strata: z.array(
    z.object({
      taskCode: z.string(),
      stratum: z.string(),
      eligible: z.number().int(),
      required: z.number().int(),
      drawn: z.number().int(),
      /** drawn / eligible, 0 when the stratum was empty. */
      ratioAchieved: z.number(),
    }),
  ),
  byItem: z.array(z.object({ itemId: z.string(), inspected: z.number().int(), problems: z.number().int() })),
  byDistrict: z.array(
    z.object({ districtId: z.string().nullable(), inspected: z.number().int(), problems: z.number().int() }),
  ),
  publication: z.object({
    resulted: z.number().int(),
    publishedOnTime: z.number().int(),
    publishedLate: z.number().int(),
    pendingWithinDeadline: z.number().int(),
    overdue: z.number().int(),
  }),
})
