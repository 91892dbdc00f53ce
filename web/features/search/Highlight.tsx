import type { HighlightedText } from '../../../contracts/search.ts'

/**
 * Renders server-computed highlights as <mark> runs. The text is never parsed as HTML, so a title
 * or abstract cannot inject markup.
 */
export function Highlight({ value }: { value: HighlightedText }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of value.highlights) {
    if (start > at) parts.push(value.text.slice(at, start))
    parts.push(<mark key={start}>{value.text.slice(start, end)}</mark>)
    at = end
  }
  if (at < value.text.length) parts.push(value.text.slice(at))
  return <>{parts}</>
}
