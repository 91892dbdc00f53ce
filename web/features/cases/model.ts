import type { z } from 'zod'
import {
  COMPLAINT_REJECTION_GROUNDS,
  type caseDetailSchema,
  type caseListItemSchema,
  type casePeopleResponse,
  type caseRelations,
  type deadlineQueueItem,
  INFRINGEMENT_CONCLUSIONS,
  type intakeResponse,
  type myCasesResponse,
  type partyCaseView,
} from '../../../contracts/cases.ts'

export type CaseDetail = z.infer<typeof caseDetailSchema>
export type CaseListItem = z.infer<typeof caseListItemSchema>
export type CaseListPage = { items: CaseListItem[]; total: number; page: number; pageSize: number }
export type QueueItem = z.infer<typeof deadlineQueueItem>
export type CasePeople = z.infer<typeof casePeopleResponse>
export type CaseRelations = z.infer<typeof caseRelations>
export type IntakeResult = z.infer<typeof intakeResponse>
export type MyCases = z.infer<typeof myCasesResponse>
export type PartyCase = z.infer<typeof partyCaseView> & {
  matterNumber?: string | null
  role?: 'submitter' | 'respondent'
}

/** The case types the engine declares (server/modules/cases/*.workflow.ts), with their states. */
export const CASE_TYPES = {
  complaint: ['received', 'accepted', 'testing', 'rejected', 'mediated', 'terminated', 'closed'],
  report: ['received', 'testing', 'decided', 'reporterInformed', 'closed'],
  assistance: ['received', 'accepted', 'expertsAssigned', 'rejected', 'closed'],
  platformTakedown: [
    'received',
    'opinionIssued',
    'forwarded',
    'declarationDelivered',
    'maintained',
    'lapsed',
    'dismissed',
    'withdrawn',
  ],
} as const
export type CaseType = keyof typeof CASE_TYPES

/** One input of a transition's form; the server validates with the transition's own schema. */
export type ActionField = {
  name: string
  kind: 'text' | 'textarea' | 'select' | 'tags'
  required?: boolean
  options?: readonly string[]
}

const reason: ActionField = { name: 'reason', kind: 'textarea', required: true }
const note: ActionField = { name: 'note', kind: 'textarea' }

/**
 * The inputs of the declared transitions, by `type.transition` (or by transition name for all
 * types). The API lists which actions a user may take, not their fields; a transition without an
 * entry takes no input, and a wrong or missing field comes back as a field error from the server.
 */
export const ACTION_FIELDS: Record<string, ActionField[]> = {
  'complaint.accept': [note],
  'complaint.reject': [
    { name: 'ground', kind: 'select', required: true, options: COMPLAINT_REJECTION_GROUNDS },
    reason,
  ],
  'complaint.startTesting': [reason],
  'complaint.recordAgreement': [{ name: 'agreement', kind: 'textarea', required: true }],
  'complaint.terminateMediation': [reason],
  'report.docket': [note],
  'report.decline': [reason],
  'assistance.reject': [reason],
  'assistance.assignExperts': [{ name: 'expertIds', kind: 'tags', required: true }],
  'assistance.recordRecusal': [{ name: 'expertId', kind: 'text', required: true }, reason],
  'assistance.submitOpinion': [{ name: 'opinion', kind: 'textarea', required: true }],
  'assistance.close': [{ name: 'outcome', kind: 'textarea', required: true }],
  'platformTakedown.issueOpinion': [
    { name: 'conclusion', kind: 'select', required: true, options: INFRINGEMENT_CONCLUSIONS },
    { name: 'opinion', kind: 'textarea', required: true },
  ],
  'platformTakedown.recordDeclaration': [{ name: 'summary', kind: 'textarea', required: true }],
  'platformTakedown.recordComplaintOrSuit': [
    { name: 'kind', kind: 'select', required: true, options: ['complaint', 'suit'] },
    { name: 'reference', kind: 'text', required: true },
  ],
  'platformTakedown.dismiss': [reason],
}

export function actionFields(type: string, transition: string): ActionField[] {
  return ACTION_FIELDS[`${type}.${transition}`] ?? ACTION_FIELDS[transition] ?? []
}

/** A bilingual label from the API in the UI language. */
export function pick(label: { zh: string; en: string }, language: string): string {
  return language === 'en' ? label.en : label.zh
}
