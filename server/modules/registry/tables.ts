export interface RegistryTables {
  ip_assets: {
    id: string
    kind: string
    subtype: string | null
    number: string
    title: string
    abstract: string | null
    status: string
    filed_on: string | null
    granted_on: string | null
    /** JSON array of class codes: normalised IPC symbols for patents, two-digit Nice classes for trademarks. */
    classes: string
    /** JSON object of kind-specific fields. */
    details: string
    holder_entity_id: string | null
    district_id: string | null
    published: number
    created_at: string
    updated_at: string
  }
  ip_asset_holders: {
    asset_id: string
    position: number
    name: string
    uscc: string | null
    entity_id: string | null
  }
  key_enterprises: {
    id: string
    entity_id: string
    listed_on: string
    reason: string | null
    published: number
    created_at: string
  }
}
