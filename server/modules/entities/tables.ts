export interface EntitiesTables {
  entities: {
    id: string
    uscc: string
    name: string
    district_id: string | null
    address: string | null
    industry: string | null
    legal_representative: string | null
    created_at: string
    updated_at: string
  }
}
