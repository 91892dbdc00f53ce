import { useEffect } from 'react'

/**
 * Sets the document's title and meta description for a public page (the server injects the same
 * for crawlers on first load; this keeps them right as the reader moves through the app).
 */
export function usePageMeta(title: string | undefined, description: string | undefined) {
  useEffect(() => {
    if (!title) return
    const previousTitle = document.title
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]')
    if (!meta) {
      meta = document.createElement('meta')
      meta.name = 'description'
      document.head.appendChild(meta)
    }
    const previousDescription = meta.content
    document.title = title
    meta.content = description ?? ''
    return () => {
      document.title = previousTitle
      if (meta) meta.content = previousDescription
    }
  }, [title, description])
}
