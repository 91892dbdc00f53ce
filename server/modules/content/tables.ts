import type { ContentState } from '../../../contracts/content.ts'

export interface ContentTables {
  articles: {
    id: string
    kind: string
    title: string
    summary: string | null
    /** Sanitized HTML. */
    body: string
    district_id: string | null
    status: ContentState
    published: number
    published_at: string | null
    author_id: string | null
    created_at: string
    updated_at: string
    category: string | null
    authority: string | null
    document_number: string | null
    issue_date: string | null
    effective_date: string | null
    expiry_date: string | null
    validity: string | null
    /** A guide's steps, materials, time limit, fees and links, as JSON. */
    guide: string | null
    publish_at: string | null
    unpublish_at: string | null
    submitted_by: string | null
    reviewed_by: string | null
    review_comment: string | null
  }
  article_attachments: {
    id: string
    article_id: string
    sha256: string
    size: number
    media_type: string
    file_name: string
    created_by: string | null
    created_at: string
  }
}
