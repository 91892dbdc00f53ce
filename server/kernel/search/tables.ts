import type { Generated } from 'kysely'

export interface SearchTables {
  search_documents: {
    /** Generated: the SQLite rowid, a PostgreSQL identity. */
    seq: Generated<number>
    source: string
    source_id: string
    kind: string
    title: string
    body: string
    names: string
    seg_title: string
    seg_body: string
    seg_names: string
    district_id: string | null
    entity_id: string | null
    published: number
    sort_date: string
    updated_at: string
  }
  search_identifiers: { value: string; seq: number }
  search_classes: { seq: number; scheme: string; code: string }
}
