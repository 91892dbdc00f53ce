/** Tables owned by the cases module. JSON as text, timestamps ISO-8601 UTC, dates YYYY-MM-DD. */
export interface CasesTables extends CaseEngineTables {
  deadline_rules: {
    id: string
    /** The rules.md id, e.g. '5.6'. */
    rule_id: string
    version: number
    /** The version applies to clocks started at or after this instant. */
    effective_from: string
    /** `DeadlineRuleDefinition` (contracts/cases.ts) as JSON. */
    definition: string
    /** Copied out of the definition so that unverified rules can be found in a query. */
    confidence: string
    note: string | null
    created_by: string | null
    created_at: string
  }
}

export type ClockStatus = 'running' | 'suspended' | 'met'

/** Tables of the workflow engine: cases, their timeline and their statutory clocks. */
export interface CaseEngineTables {
  cases: {
    id: string
    /** Human-facing number, unique: `TS-2026-000001`. */
    number: string
    type: string
    state: string
    district_id: string | null
    matter_id: string | null
    title: string
    /** Case-type specific fields as JSON. */
    data: string
    created_at: string
    updated_at: string
    /** Optimistic locking: every transition increments it. */
    version: number
  }
  case_counters: {
    type: string
    year: number
    last: number
  }
  case_events: {
    id: string
    case_id: string
    /** Order within the case's timeline: 1, 2, 3… */
    seq: number
    at: string
    actor_id: string | null
    actor_label: string
    /** A domain event name (complaint.accepted) or an engine event (deadline.reminder). */
    event: string
    transition: string | null
    from_state: string | null
    to_state: string | null
    /** The transition's input or the event's details, JSON. */
    data: string
  }
  clocks: {
    id: string
    case_id: string
    rule_id: string
    /** The `deadline_rules` row (version) in force when the clock started. */
    rule_version_id: string
    district_id: string | null
    status: ClockStatus
    started_at: string
    start_date: string
    due_date: string
    /** The calendar's explanation of the due date, plus later adjustments, JSON. */
    computation: string
    /** Date the current suspension began; null unless suspended. */
    suspended_on: string | null
    /** Closed suspensions `{ from, to, days, reason }[]`, JSON. */
    suspensions: string
    /** Extensions `{ length, dayType, reason, by, at }[]`, JSON. */
    extensions: string
    met_at: string | null
    overdue_at: string | null
    /** Where an overdue item escalated: `{ role, orgId, level }`, JSON. */
    escalation: string | null
  }
}
