import sanitizeHtml from 'sanitize-html'

/**
 * The rich-text allow-list: structure, emphasis, lists, tables, links and images. Everything else
 * is dropped — scripts and styles with their content, event handlers, style attributes, and any
 * URL scheme other than http(s) and mailto (so no javascript: or data: links).
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'hr',
    'pre',
    'code',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs:
        attribs.target === '_blank'
          ? { ...attribs, rel: 'noopener noreferrer' }
          : Object.fromEntries(Object.entries(attribs).filter(([k]) => k !== 'target' && k !== 'rel')),
    }),
  },
}

/** Cleans an author's HTML to the allow-list; the stored body is always the cleaned one. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim()
}

/** The body as plain text (search index, meta descriptions). */
export function plainText(html: string): string {
  const spaced = html.replace(/<\/(p|li|h\d|td|th|tr|blockquote|pre)>|<br\s*\/?>/gi, '$& ')
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
