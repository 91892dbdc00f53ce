import { Jieba } from '@node-rs/jieba'
// '.js': the package has no exports map, so native ESM (the dist/server.mjs bundle) needs the suffix.
import { dict } from '@node-rs/jieba/dict.js'
import { pinyin } from 'pinyin-pro'

/**
 * Chinese segmentation for the search index. The same code segments documents and queries, so
 * both databases index and look up exactly the same tokens; changing the dictionary or these
 * rules means re-indexing (`zhibao search reindex`).
 */
let jieba: Jieba | undefined
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict)
  return jieba
}

// A token is a run of Han characters, of ASCII letters/digits, or of other letters/digits: so
// "5G通信" gives "5g" and "通信", and punctuation never reaches an index. Both FTS5's unicode61
// tokenizer and PostgreSQL's array_to_tsvector keep such runs as they are.
const TOKEN = /\p{Script=Han}+|[a-z0-9]+|[^\s\p{P}\p{S}\p{Script=Han}a-z0-9]+/gu

function clean(words: string[]): string[] {
  // One NFKC + lower-case pass and one regex pass over the joined words (a token never spans the
  // joining space): about twice as fast as normalising word by word.
  return words.join(' ').normalize('NFKC').toLowerCase().match(TOKEN) ?? []
}

/** Tokens to index: jieba's search mode, which adds the sub-words of long words (苏州工业园区 → 苏州, 园区, …). */
export function segmentForIndex(text: string): string[] {
  if (!text) return []
  return clean(segmenter().cutForSearch(text, false))
}

/** Tokens of a query: jieba's precise mode, each one required. Duplicates dropped, order kept. */
export function segmentQuery(text: string): string[] {
  if (!text) return []
  return [...new Set(clean(segmenter().cut(text, false)))]
}

/**
 * Pinyin tokens of a name, for typing a holder's name in Latin letters: the full pinyin of the
 * whole name (suzhougusu…), its initials (szgs…), and the pinyin of each of its words (gusu).
 * Queries match these as prefixes, so "szgs" and "gusu" both find 苏州姑苏丝绸文创有限公司.
 */
export function pinyinTokens(name: string): string[] {
  const cached = pinyinCache.get(name)
  if (cached) return cached
  const tokens = computePinyinTokens(name)
  if (pinyinCache.size >= 10_000) pinyinCache.delete(pinyinCache.keys().next().value as string)
  pinyinCache.set(name, tokens)
  return tokens
}

// Holders recur across many assets (a company files hundreds of patents): remember their tokens.
const pinyinCache = new Map<string, string[]>()

function computePinyinTokens(name: string): string[] {
  const words = segmenter().cut(name, false)
  const syllables = (text: string) =>
    pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).filter((s) =>
      /^[a-z]+$/.test(s),
    )
  const all = syllables(name)
  if (all.length === 0) return []
  const tokens = new Set([all.join(''), all.map((s) => s[0]).join('')])
  for (const word of words) {
    const p = syllables(word)
    if (p.length > 1) tokens.add(p.join(''))
  }
  return [...tokens]
}

/** True for a query token that should match as a prefix (Latin letters: pinyin, initials, words being typed). */
export function isPrefixToken(token: string): boolean {
  return /^[a-z]{2,}$/.test(token)
}
