/**
 * Highlighting in the application, on the original text: the index holds segmented text, whose
 * offsets mean nothing in the original (perf-limits.md §c), so the terms are found again here.
 */
export interface Highlighted {
  text: string
  /** [start, end) UTF-16 offsets into `text` of each highlighted run, sorted, not overlapping. */
  highlights: [number, number][]
}

function ranges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase()
  const found: [number, number][] = []
  for (const term of terms) {
    if (!term) continue
    let from = 0
    for (;;) {
      const at = lower.indexOf(term, from)
      if (at < 0) break
      found.push([at, at + term.length])
      from = at + term.length
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: [number, number][] = []
  for (const r of found) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** Highlights every occurrence of the terms in a short text (a title or a name). */
export function highlightAll(text: string, terms: readonly string[]): Highlighted {
  return { text, highlights: ranges(text, terms) }
}

/**
 * A window of about `length` characters around the first occurrence of a term, with ellipses
 * where it was cut, and the occurrences inside it highlighted.
 */
export function snippet(text: string, terms: readonly string[], length = 120): Highlighted {
  const all = ranges(text, terms)
  if (text.length <= length) return { text, highlights: all }
  const first = all[0]?.[0] ?? 0
  const start = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length))
  const end = Math.min(text.length, start + length)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  const highlights = all
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as [number, number])
  return { text: prefix + text.slice(start, end) + suffix, highlights }
}
