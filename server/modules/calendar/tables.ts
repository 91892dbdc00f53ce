/** Tables owned by the calendar module. JSON as text, timestamps ISO-8601 UTC. */
export interface CalendarTables {
  holiday_schedules: {
    year: number
    /** A `Schedule` (contracts/calendar) as JSON. */
    schedule: string
    /** 'seed' for the schedules shipped with ZhiBao, 'admin' for one loaded by an administrator. */
    source: string
    loaded_by: string | null
    loaded_at: string
  }
}
