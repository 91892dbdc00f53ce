export interface ClassroomTables {
  classroom_courses: {
    id: string
    title: string
    summary: string
    category: string
    audience: string
    lecturer: string
    materials: string
    published: number
    district_id: string | null
    created_by: string | null
    created_at: string
    updated_at: string
  }
  classroom_sessions: {
    id: string
    course_id: string
    starts_at: string
    ends_at: string
    place: string
    online_url: string | null
    capacity: number
    seats_taken: number
    registration_deadline: string
    organizer: string
    district_id: string | null
    created_at: string
    updated_at: string
  }
  classroom_registrations: {
    id: string
    session_id: string
    user_id: string | null
    entity_id: string | null
    name: string
    phone: string
    organization: string
    status: 'registered' | 'waitlisted' | 'cancelled'
    attended: number
    attended_at: string | null
    certificate_number: string | null
    access_code_hash: string | null
    created_at: string
    updated_at: string
  }
  talent_profiles: {
    id: string
    kind: string
    name: string
    title: string
    organization: string
    /** JSON array of IPC sections. */
    ipc_sections: string
    /** JSON array of topics. */
    topics: string
    bio: string
    phone: string | null
    email: string | null
    consent_scope: 'profile' | 'profileAndContact' | null
    consent_at: string | null
    consent_note: string | null
    consent_withdrawn_at: string | null
    published: number
    /** SHA-256 of the photo in the talent photo store (talent-photos.ts), or null. */
    photo_sha256: string | null
    photo_type: string | null
    district_id: string | null
    created_at: string
    updated_at: string
  }
}
