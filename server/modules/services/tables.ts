export interface ServicesTables {
  service_points: {
    id: string
    name: string
    kind: string
    /** JSON array of service kinds (contracts/services SERVICE_KINDS). */
    services: string
    district_id: string
    address: string
    /** JSON array of { label, phone } with canonical phones. */
    contacts: string
    email: string | null
    opening_hours: string | null
    description: string | null
    lat: number
    lng: number
    /** YYYY-MM-DD the point opened; the cockpit's T20 counts it from then (else from created_at). */
    established_on: string | null
    published: number
    created_at: string
    updated_at: string
  }
}
