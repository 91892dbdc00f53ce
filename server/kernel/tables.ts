/** Tables owned by the kernel. Timestamps are ISO-8601 UTC text, booleans 0/1, JSON as text. */
export interface KernelTables {
  audit_log: {
    seq: number
    id: string
    at: string
    actor_id: string | null
    actor_label: string
    action: string
    target_type: string
    target_id: string | null
    before_json: string | null
    after_json: string | null
    ip: string | null
    request_id: string | null
    prev_hash: string
    hash: string
  }
  audit_head: {
    id: number
    seq: number
    hash: string
  }
  seed_runs: {
    name: string
    ran_at: string
  }
  jobs: {
    id: string
    kind: string
    dedupe_key: string | null
    payload: string
    run_at: string
    status: 'pending' | 'running' | 'done' | 'failed'
    attempts: number
    locked_by: string | null
    locked_until: string | null
    last_error: string | null
    created_at: string
    finished_at: string | null
  }
}
