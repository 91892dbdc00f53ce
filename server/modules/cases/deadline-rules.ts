// Deadline rules as data (rules.md): the defaults shipped with ZhiBao, and the effective-dated
// versions an administrator adds. A clock uses the version in force when it started, for good.
import type { DeadlineRule, DeadlineRuleDefinition } from '../../../contracts/cases.ts'
import { isUnverified } from '../../../contracts/cases.ts'
import type { Db, Tx } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'

type Executor = Db | Tx

/** The defaults' effective date: before any clock ZhiBao can hold. */
export const DEFAULT_EFFECTIVE_FROM = '2000-01-01T00:00:00.000Z'

const SAMR_20 = '《市场监督管理投诉举报处理暂行办法》(SAMR 令第20号, 2022修正)'
const SAMR_2 = '《市场监督管理行政处罚程序规定》(SAMR 令第2号)'

/**
 * The rules the complaint, report and takedown procedures need (rules.md §5a, 5.14, 7.10–7.11).
 * Rights-defence assistance has no statutory deadline in rules.md (none found): it has no default.
 */
export const DEFAULT_DEADLINE_RULES: readonly (DeadlineRuleDefinition & { ruleId: string })[] = [
  {
    ruleId: '5.6',
    titleZh: '投诉受理或不予受理决定',
    titleEn: 'Decide to accept or reject a complaint',
    source: { instrument: SAMR_20, article: '第14条' },
    confidence: 'A',
    dayType: 'working',
    length: 7,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'complaint.received',
    meetEvents: ['complaint.accepted', 'complaint.rejected'],
    suspendEvents: [],
    resumeEvents: [],
    extension: null,
    reminderOffsets: [2, 0],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.9',
    titleZh: '调解未达成协议的终止调解期限',
    titleEn: 'Terminate mediation without agreement',
    source: { instrument: SAMR_20, article: '第21条（检测等时间不计入：第20条）' },
    confidence: 'A',
    dayType: 'working',
    length: 45,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'complaint.accepted',
    meetEvents: ['complaint.mediated', 'complaint.mediationTerminated', 'complaint.closed'],
    suspendEvents: ['complaint.testingStarted'],
    resumeEvents: ['complaint.testingFinished'],
    extension: null,
    reminderOffsets: [5, 1],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.9.notice',
    titleZh: '终止调解决定告知双方',
    titleEn: 'Inform both sides that mediation was terminated',
    source: { instrument: SAMR_20, article: '第21条' },
    confidence: 'A',
    dayType: 'working',
    length: 7,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'complaint.mediationTerminated',
    meetEvents: ['complaint.partiesInformed'],
    suspendEvents: [],
    resumeEvents: [],
    extension: null,
    reminderOffsets: [2],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.10',
    titleZh: '调解中发现违法线索的核查',
    titleEn: 'Verify a violation clue found during mediation',
    source: { instrument: SAMR_20, article: '第23条' },
    confidence: 'A',
    dayType: 'working',
    length: 15,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'complaint.clueFound',
    meetEvents: ['complaint.clueVerified'],
    suspendEvents: [],
    resumeEvents: [],
    extension: { roles: ['leader'], maxLength: 15, dayType: 'working' },
    reminderOffsets: [3, 1],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.11',
    titleZh: '实名举报人告知是否立案',
    titleEn: 'Tell a named reporter whether a case was opened',
    source: { instrument: SAMR_20, article: '第31条' },
    confidence: 'A',
    dayType: 'working',
    length: 5,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'report.docketDecided',
    meetEvents: ['report.reporterInformed'],
    suspendEvents: [],
    resumeEvents: [],
    extension: null,
    reminderOffsets: [1],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '5.12',
    titleZh: '管辖争议协商',
    titleEn: 'Settle a jurisdiction dispute between agencies',
    source: { instrument: SAMR_20, article: '第30条' },
    confidence: 'A',
    dayType: 'working',
    length: 7,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'case.jurisdictionDisputed',
    meetEvents: ['case.jurisdictionSettled'],
    suspendEvents: [],
    resumeEvents: [],
    extension: null,
    reminderOffsets: [2],
    escalation: { role: 'leader', level: 'city' },
  },
  {
    ruleId: '5.14',
    titleZh: '举报线索核查并决定是否立案',
    titleEn: 'Verify a report’s clue and decide whether to open a case',
    source: { instrument: SAMR_2, article: '第18条（检测、检验、鉴定及权利人辨认鉴别时间不计入）' },
    confidence: 'B',
    dayType: 'working',
    length: 15,
    startDayCounts: false,
    rollForward: false,
    startEvent: 'report.received',
    meetEvents: ['report.docketDecided'],
    suspendEvents: ['report.testingStarted'],
    resumeEvents: ['report.testingFinished'],
    extension: { roles: ['leader'], maxLength: 15, dayType: 'working' },
    reminderOffsets: [3, 1],
    escalation: { role: 'leader', level: 'parent' },
  },
  {
    ruleId: '7.10',
    titleZh: '不侵权声明送达后权利人投诉或起诉的期间（逾期终止措施）',
    titleEn: 'Right holder’s window to complain or sue after the seller’s declaration',
    source: {
      instrument:
        '《电子商务法》; 延长：最高人民法院关于涉网络知识产权侵权纠纷有关法律适用问题的批复 (2020)（rules.md 7.11）',
      article: '第43条; 批复第3条',
    },
    confidence: 'A',
    dayType: 'calendar',
    length: 15,
    startDayCounts: false,
    // 《民法典》第203条: a last day on a 法定休假日 moves to the day after it.
    rollForward: true,
    startEvent: 'platformTakedown.declarationDelivered',
    meetEvents: [
      'platformTakedown.complaintOrSuitNotified',
      'platformTakedown.measuresLapsed',
      'platformTakedown.withdrawn',
    ],
    suspendEvents: [],
    resumeEvents: [],
    extension: { roles: ['clerk', 'examiner'], maxLength: 20, dayType: 'working' },
    reminderOffsets: [3, 1],
    escalation: { role: 'leader', level: 'same' },
  },
]

interface RuleRow {
  id: string
  rule_id: string
  version: number
  effective_from: string
  definition: string
  confidence: string
  note: string | null
  created_by: string | null
  created_at: string
}

export interface RuleVersion extends DeadlineRuleDefinition {
  /** Row id of this version (clocks reference it). */
  id: string
  ruleId: string
  version: number
  effectiveFrom: string
  note: string | null
  createdBy: string | null
  createdAt: string
}

function toVersion(row: RuleRow): RuleVersion {
  return {
    ...(JSON.parse(row.definition) as DeadlineRuleDefinition),
    id: row.id,
    ruleId: row.rule_id,
    version: row.version,
    effectiveFrom: row.effective_from,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

export function presentRule(rule: RuleVersion, inForce: boolean): DeadlineRule {
  const { id: _id, ...rest } = rule
  return { ...rest, unverified: isUnverified(rule.confidence), inForce }
}

/** Rows for the default rules (version 1), as the migration inserts them. */
export function defaultRuleRows(now: string) {
  return DEFAULT_DEADLINE_RULES.map(({ ruleId, ...definition }) => ({
    id: newId(),
    rule_id: ruleId,
    version: 1,
    effective_from: DEFAULT_EFFECTIVE_FROM,
    definition: JSON.stringify(definition),
    confidence: definition.confidence,
    note: 'rules.md default',
    created_by: null,
    created_at: now,
  }))
}

export async function listRuleVersions(db: Executor): Promise<RuleVersion[]> {
  const rows = await db
    .selectFrom('deadline_rules')
    .selectAll()
    .orderBy('rule_id')
    .orderBy('version')
    .execute()
  return rows.map(toVersion)
}

export async function ruleVersions(db: Executor, ruleId: string): Promise<RuleVersion[]> {
  const rows = await db
    .selectFrom('deadline_rules')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .orderBy('version')
    .execute()
  return rows.map(toVersion)
}

/**
 * The version of a rule in force at `at` (ISO timestamp): the latest effective on or before it.
 * @example const rule = await ruleInForce(trx, '5.6', now.toISOString())
 */
export async function ruleInForce(
  db: Executor,
  ruleId: string,
  at: string,
): Promise<RuleVersion | undefined> {
  if (writers.has(db)) return ruleInForceUncached(db, ruleId, at)
  const key = db.getExecutor().adapter
  let kept = inForce.get(key)
  if (!kept || Date.now() - kept.loadedAt > RULES_KEPT_MS) {
    const generation = forgotten
    const byRule = new Map<string, RuleVersion[]>()
    for (const v of await listRuleVersions(db)) byRule.set(v.ruleId, [...(byRule.get(v.ruleId) ?? []), v])
    kept = { loadedAt: Date.now(), byRule }
    // Not kept when a version was added meanwhile: the read may predate it.
    if (generation === forgotten) inForce.set(key, kept)
  }
  let found: RuleVersion | undefined
  for (const v of kept.byRule.get(ruleId) ?? []) {
    if (v.effectiveFrom > at) continue
    if (
      !found ||
      v.effectiveFrom > found.effectiveFrom ||
      (v.effectiveFrom === found.effectiveFrom && v.version > found.version)
    )
      found = v
  }
  return found
}

/**
 * Every clock start (every intake) looks up the rule in force: the versions are kept in memory per
 * database, effective dates and all, so the lookup reads nothing. Versions are only ever added
 * (insertRuleVersion): an addition by this process drops what is kept, when inserted and again once
 * committed (forgetKeptRules); one by another process (a second server instance on PostgreSQL) is
 * seen within RULES_KEPT_MS, so a clock started there in those seconds may still get the previous
 * version. The transaction that adds a version reads the table itself, so a version that might yet
 * roll back never enters what is kept.
 */
const RULES_KEPT_MS = 5_000
/** Keyed by the Kysely instance's adapter, which its transactions share: one entry per database. */
const inForce = new WeakMap<object, { loadedAt: number; byRule: Map<string, RuleVersion[]> }>()
const writers = new WeakSet<object>()
let forgotten = 0

/** Drops the rule versions kept for the database (after a transaction that added one committed). */
export function forgetKeptRules(db: Executor): void {
  forgotten++
  inForce.delete(db.getExecutor().adapter)
}

async function ruleInForceUncached(db: Executor, ruleId: string, at: string) {
  const row = await db
    .selectFrom('deadline_rules')
    .select('id')
    .where('rule_id', '=', ruleId)
    .where('effective_from', '<=', at)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? ruleVersionById(db, row.id) : undefined
}

// A rule version row is never changed (a change is a new version), so its parsed form is kept by id.
const versions = new Map<string, RuleVersion>()

export async function ruleVersionById(db: Executor, id: string): Promise<RuleVersion | undefined> {
  const kept = versions.get(id)
  if (kept) return kept
  const row = await db.selectFrom('deadline_rules').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const version = toVersion(row)
  if (versions.size >= 2000) versions.delete(versions.keys().next().value as string)
  versions.set(id, version)
  return version
}

export async function insertRuleVersion(
  trx: Tx,
  values: {
    ruleId: string
    version: number
    effectiveFrom: string
    definition: DeadlineRuleDefinition
    note: string
    createdBy: string | null
    createdAt: string
  },
): Promise<RuleVersion> {
  const row: RuleRow = {
    id: newId(new Date(values.createdAt).getTime()),
    rule_id: values.ruleId,
    version: values.version,
    effective_from: values.effectiveFrom,
    definition: JSON.stringify(values.definition),
    confidence: values.definition.confidence,
    note: values.note,
    created_by: values.createdBy,
    created_at: values.createdAt,
  }
  writers.add(trx)
  forgetKeptRules(trx)
  await trx.insertInto('deadline_rules').values(row).execute()
  return toVersion(row)
}
