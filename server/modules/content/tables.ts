export interface ContentTables {
  articles: {
    id: string
    kind: string
    title: string
    summary: string | null
    body: string
    district_id: string | null
    status: 'draft' | 'published' | 'archived'
    published: number
    published_at: string | null
    author_id: string | null
    created_at: string
    updated_at: string
  }
}
