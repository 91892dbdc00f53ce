/** Tables owned by the inspections module. JSON as text, timestamps ISO-8601 UTC, dates YYYY-MM-DD. */
export interface InspectionsTables {
  inspection_items: {
    id: string
    code: string
    name: string
    legal_basis: string
    /** 'written' | 'onSite' | 'onlineMonitoring' */
    method: string
    agency_id: string
    /** JSON string[] */
    required_qualifications: string
    legal_review: number
    created_at: string
    updated_at: string
  }
  inspection_entity_profiles: {
    entity_id: string
    category: string
    credit_level: string
    key_enterprise: number
    updated_at: string
  }
  inspection_last_inspections: { entity_id: string; item_id: string; inspected_on: string }
  inspectors: {
    id: string
    user_id: string | null
    name: string
    badge: string
    agency_id: string
    district_id: string | null
    /** JSON string[] */
    qualifications: string
    capacity: number
    active: number
    created_at: string
    updated_at: string
  }
  inspector_conflicts: { inspector_id: string; entity_id: string; reason: string; declared_at: string }
  inspection_plans: {
    id: string
    year: number
    title: string
    district_id: string | null
    created_by: string | null
    created_at: string
  }
  inspection_tasks: {
    id: string
    plan_id: string
    code: string
    title: string
    district_id: string | null
    /** JSON: item ids */
    items: string
    /** JSON: PopulationFilter */
    population: string
    /** JSON: string[] */
    stratify_by: string
    rounding: string
    /** JSON: StratumRule[] */
    strata: string
    inspectors_per_target: number
    /** JSON: organization ids */
    agencies: string
    joint: number
    period_start: string
    period_end: string
    /** 'draft' | 'committed' | 'drawn' */
    status: string
    created_at: string
    updated_at: string
  }
  inspection_draws: {
    /** The evidence-log statement of the input commitment (evidence module), appended at commit. */
    log_entry_id: string | null
    /** Hex RFC 6962 leaf hash of that statement's entry. */
    log_leaf_hash: string | null
    id: string
    task_id: string
    district_id: string | null
    /** 'committed' | 'drawn' | 'aborted' */
    status: string
    /** Canonical inputs as JCS text, exactly as committed. */
    inputs: string
    commitment: string
    drand_round: number | string | null
    /** JSON [{name, commitment}] */
    observers: string
    /** JSON [{observer, value}] */
    reveals: string
    demo: number
    committed_at: string
    committed_by: string | null
    seed: string | null
    /** The published DrawRecord, stored verbatim. */
    record: string | null
    target_count: number
    drawn_at: string | null
    drawn_by: string | null
    published: number
    published_at: string | null
    published_by: string | null
    abort_reason: string | null
  }
  inspection_targets: {
    id: string
    draw_id: string
    position: number
    entity_id: string
    uscc: string
    stratum: string
    district_id: string | null
    /** JSON [{badge, name}] */
    inspectors: string
    outcome: string | null
    notes: string | null
    /** JSON string[] */
    evidence_refs: string
    result_on: string | null
    entered_by: string | null
    entered_by_name: string | null
    review_required: number
    /** null | 'pending' | 'approved' | 'returned' */
    review_status: string | null
    reviewed_by_name: string | null
    reviewed_at: string | null
    publish_due: string | null
    published: number
    published_at: string | null
    published_by_name: string | null
    /** The penalty case (case engine) opened from a problem found, if any. */
    penalty_case_id: string | null
  }
  /** Observers (commit–reveal) designated on a task: user accounts who commit and reveal themselves. */
  inspection_observers: {
    task_id: string
    user_id: string
    /** The name under which the observer's commitment enters the draw inputs (the user's name). */
    name: string
    /** Hex SHA-256 of the observer's secret value, submitted by the observer before the draw commit. */
    commitment: string | null
    committed_at: string | null
    designated_at: string
    designated_by: string
  }
}
