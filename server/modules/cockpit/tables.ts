/** Tables owned by the cockpit module. Units are organization codes (portable plan files); JSON as text. */
export interface CockpitTables {
  cockpit_plans: {
    id: string
    code: string
    title_zh: string
    title_en: string
    issuer: string
    document_number: string
    issued_on: string
    period_start: string
    period_end: string
    response_working_days: number
    created_at: string
    updated_at: string
  }
  cockpit_targets: {
    id: string
    plan_id: string
    code: string
    seq: number
    group_name: string
    indicator_zh: string
    indicator_en: string
    unit: string
    kind: string
    comparator: string
    direction: string
    baseline: number | null
    target_value: number | null
    range_min: number | null
    range_max: number | null
    target_text: string | null
    due_date: string
    unit_code: string
    frequency: string
    cumulative: number
    by_district: number
    source: string | null
    note: string | null
  }
  cockpit_tasks: {
    id: string
    plan_id: string
    seq: number
    section: string
    title_zh: string
    title_en: string
    summary: string
    lead_unit: string
    /** Organization codes, JSON array. */
    co_units: string
  }
  cockpit_milestones: {
    id: string
    plan_id: string
    task_id: string
    seq: number
    title: string
    due_date: string
    standard: string
    derived: number
    completed_on: string | null
    completion_note: string | null
    completed_by: string | null
  }
  cockpit_reports: {
    id: string
    plan_id: string
    target_id: string
    period: string
    /** Division organization code, or '' for the city total (a plain column keeps the unique key portable). */
    district: string
    unit_code: string
    value: number
    narrative: string
    /** `{ name, ref }[]`, JSON. */
    attachments: string
    state: string
    submitted_by: string | null
    submitted_at: string
    reviewed_by: string | null
    reviewed_at: string | null
    review_comment: string | null
    version: number
  }
  cockpit_notices: {
    id: string
    plan_id: string
    kind: string
    unit_code: string
    subject_type: string
    subject_id: string
    subject_label: string
    reason: string
    /** One notice per milestone, one per target and period that tripped the rule. */
    dedupe_key: string
    raised_at: string
    response_due: string
    state: string
    /** `{ at, kind, by, text }[]`, JSON: raised, responses, follow-ups, closure. */
    events: string
    updated_at: string
  }
}
