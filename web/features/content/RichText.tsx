/**
 * A content item's body. The server stores only HTML cleaned by its allow-list (sanitize-html:
 * no scripts, handlers or javascript: URLs), so it is rendered as is.
 */
export function RichText({ html }: { html: string }) {
  return (
    <div
      className="zhibao-rich-text"
      style={{ lineHeight: 1.8, fontSize: 15, overflowWrap: 'anywhere' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server by an allow-list
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
