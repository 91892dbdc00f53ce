/** Tables owned by the notify module: the in-app inbox. */
export interface NotifyTables {
  notifications: {
    id: string
    user_id: string
    /** e.g. deadline.reminder, supervision.opened */
    kind: string
    title_zh: string
    title_en: string
    body: string
    /** What the notification is about, for the UI's link: `{ type: 'case', id }`, JSON. */
    subject: string
    created_at: string
    read_at: string | null
    /** Idempotence: one notification per (user, key), e.g. per reminder job. */
    dedupe_key: string | null
  }
}
