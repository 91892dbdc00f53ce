import type { ContentKind } from '../../../contracts/content.ts'

/** The portal page of a content item: news and notices under /news, policies, guides, FAQ. */
export function contentPath(kind: ContentKind | string, id: string): string {
  if (kind === 'policy') return `/policies/${id}`
  if (kind === 'guide') return `/guides/${id}`
  if (kind === 'faq') return `/faq#${id}`
  return `/news/${id}`
}
