/** Tables owned by the evidence module (migrations 0201–0249). Hashes as lower-case hex text. */
export interface EvidenceTables {
  evidence_deposits: {
    id: string
    depositor_id: string
    entity_id: string | null
    case_id: string | null
    matter_id: string | null
    title: string
    description: string | null
    capture_url: string | null
    captured_at: string | null
    salt: string
    entry: string
    received_at: string
    leaf_index: number | null
    integrated_at: string | null
  }
  evidence_files: {
    deposit_id: string
    position: number
    sha256: string
    size: number
    media_type: string
    file_name: string
  }
  evidence_nodes: { level: number; idx: number; hash: string }
  evidence_checkpoints: {
    tree_size: number
    root_hash: string
    note: string
    key_id: string
    created_at: string
  }
  evidence_keys: { vkey: string; key_id: string; first_used_at: string }
  evidence_log_head: { id: number; tree_size: number; updated_at: string }
  /** Migration 0202: non-file log entries of other modules. */
  evidence_statements: {
    id: string
    kind: string
    digest: string
    ref: string | null
    metadata: string
    entry: string
    received_at: string
    leaf_index: number | null
    integrated_at: string | null
  }
  /** Migration 0203: blobs stored for deposits not committed yet (orphan cleanup). */
  evidence_blob_intents: { sha256: string; staged_at: string }
}
