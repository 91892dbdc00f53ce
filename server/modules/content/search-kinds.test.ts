import { describe, expect, it } from 'vitest'
import { up } from '../../migrations/0602_content_search_kinds.ts'
import { createTestApp } from '../../testing/harness.ts'

describe('migration 0602: articles indexed as kind "article" get their content kind', () => {
  it('restores the facet type of an old index row, and type filters find it', async () => {
    const t = await createTestApp()
    try {
      const db = t.database.db
      const guide = await db
        .selectFrom('articles')
        .select('id')
        .where('title', '=', '电子证据存证办事指南')
        .executeTakeFirstOrThrow()
      await db
        .updateTable('search_documents')
        .set({ kind: 'article' })
        .where('source', '=', 'article')
        .execute()
      await up(db)
      const kinds = await db
        .selectFrom('search_documents')
        .select(['source_id', 'kind'])
        .where('source', '=', 'article')
        .execute()
      expect(kinds.find((k) => k.source_id === guide.id)?.kind).toBe('guide')
      expect(kinds.filter((k) => k.kind === 'article')).toEqual([])
      const found = (await t.request({ method: 'GET', url: '/api/search?q=存证&type=guide' })).json()
      expect(found.items.map((i: { id: string }) => i.id)).toContain(guide.id)
    } finally {
      await t.close()
    }
  })
})
