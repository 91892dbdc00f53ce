/** Tables owned by the cases module. JSON as text, timestamps ISO-8601 UTC, dates YYYY-MM-DD. */
export interface CasesTables {
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
