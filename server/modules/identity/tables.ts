export type OrganizationKind =
  | 'city'
  | 'district'
  | 'zone'
  | 'agency'
  | 'center'
  | 'branchCenter'
  | 'workstation'
  | 'court'
  | 'procuratorate'
  | 'police'
  | 'mediationOrg'
  | 'other'

export type UserStatus = 'pending' | 'active' | 'disabled' | 'rejected'

export interface IdentityTables {
  organizations: {
    id: string
    parent_id: string | null
    kind: OrganizationKind
    code: string
    name_zh: string
    name_en: string
    division_code: string | null
    functional_zone: number
    sort: number
    active: number
    created_at: string
    updated_at: string
  }
  users: {
    id: string
    username: string
    password_hash: string
    display_name: string
    email: string | null
    phone: string | null
    org_id: string | null
    entity_id: string | null
    status: UserStatus
    review_note: string | null
    reviewed_by: string | null
    reviewed_at: string | null
    failed_logins: number
    locked_until: string | null
    created_at: string
    updated_at: string
  }
  user_roles: {
    user_id: string
    role: string
  }
  sessions: {
    id: string
    user_id: string
    csrf_token: string
    created_at: string
    expires_at: string
    last_seen_at: string
    ip: string | null
    user_agent: string | null
  }
  api_tokens: {
    id: string
    name: string
    token_hash: string
    user_id: string
    scopes: string
    created_by: string
    created_at: string
    expires_at: string | null
    revoked_at: string | null
    last_used_at: string | null
  }
}
