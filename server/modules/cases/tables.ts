/** Tables owned by the cases module. JSON as text, timestamps ISO-8601 UTC, dates YYYY-MM-DD. */
export interface CasesTables extends CaseEngineTables, MatterTables, DocumentTables, SupervisionTables {
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

/** Matters, submitters, parties, staff assignments and recusals (0105). */
export interface MatterTables {
  matters: {
    id: string
    /** `SZ-2026-000123`: what the rights holder follows on the portal. */
    number: string
    title: string
    district_id: string | null
    /** Who filed the first case: the enterprise (entity) or, failing that, the user. */
    owner_entity_id: string | null
    owner_user_id: string | null
    respondent_uscc: string | null
    created_at: string
    updated_at: string
  }
  /** Normalised facts that suggest duplicates: `respondentUscc`, `right`, `listing`. */
  case_keys: { case_id: string; kind: string; value: string }
  case_submissions: {
    case_id: string
    user_id: string | null
    entity_id: string | null
    /** Anonymous submitters follow their case by this code and a secret (only its hash is kept). */
    tracking_code: string | null
    secret_hash: string | null
    created_at: string
  }
  case_parties: {
    id: string
    case_id: string
    /** complainant, respondent, reporter, rightsHolder, applicant, agent, other */
    role: string
    kind: 'entity' | 'person'
    name: string
    uscc: string | null
    entity_id: string | null
    /** A natural person's resident ID, stored whole, masked on every read unless the role needs it. */
    id_number: string | null
    phone: string | null
    /** An agent: the party it represents. */
    represents_id: string | null
    /** An agent: reference of the power-of-attorney document (an attachment id or a file reference). */
    power_of_attorney: string | null
    created_at: string
  }
  case_assignments: {
    id: string
    case_id: string
    user_id: string
    /** officer, expert, technicalInvestigator */
    duty: string
    assigned_by: string | null
    assigned_at: string
    ended_at: string | null
    end_reason: string | null
  }
  case_recusals: {
    id: string
    case_id: string
    user_id: string
    party_id: string | null
    reason: string
    status: 'requested' | 'granted' | 'refused'
    requested_at: string
    decided_by: string | null
    decided_at: string | null
    decision_note: string | null
  }
}

/** Notices and attachments (0106). */
export interface DocumentTables {
  /** Document numbers per issuing agency (organization id, or 'center'), series and year. */
  document_counters: { agency: string; series: string; year: number; last: number }
  case_documents: {
    id: string
    case_id: string
    /** notice (generated from a template) or attachment (uploaded) */
    source: 'notice' | 'attachment'
    /** acceptanceNotice, rejectionNotice, notification, attachment */
    kind: string
    /** `苏知保受〔2026〕12号`; null for attachments. */
    number: string | null
    title: string
    /** Who may download besides staff: submitter (the filer), parties, or internal (staff only). */
    addressee: 'submitter' | 'parties' | 'internal'
    /** A notice's template fields as JSON: it renders the same PDF every time. */
    content: string | null
    /** Null until a notice is first rendered (lazily, on first download). */
    sha256: string | null
    size: number | null
    media_type: string
    file_name: string
    created_by: string | null
    created_at: string
  }
}

/** Supervision notices (督办) raised when a deadline is missed (0107). */
export interface SupervisionTables {
  supervision_notices: {
    id: string
    clock_id: string
    case_id: string
    rule_id: string
    due_date: string
    /** The handling unit's district (the case's). */
    district_id: string | null
    /** The supervising level (the rule's escalation): its organization and role. */
    supervising_org_id: string | null
    supervising_role: string | null
    status: 'open' | 'responded' | 'closed'
    created_at: string
    response: string | null
    responded_by: string | null
    responded_at: string | null
    closing_note: string | null
    closed_by: string | null
    closed_at: string | null
  }
}
