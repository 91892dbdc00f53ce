import { CONTENT_KIND_LABELS, type ContentKind } from '../../../contracts/content.ts'

/** A kind's name in the UI language (the contract's bilingual labels). */
export function kindLabel(kind: ContentKind, lang: string): string {
  return CONTENT_KIND_LABELS[kind][lang === 'en' ? 'en' : 'zh']
}
