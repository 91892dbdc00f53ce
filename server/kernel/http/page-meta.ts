import fs from 'node:fs'
import path from 'node:path'
import type { FastifyReply } from 'fastify'

/** A public page's title and description, as a crawler that runs no script must see them. */
export interface PageMeta {
  title: string
  description: string
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Without a built web app (tests, API-only runs) the same injection goes into a minimal shell.
const SHELL =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>知保</title></head><body><div id="root"></div></body></html>'

/** Replaces the document's <title> and <meta name="description"> (adding them when missing). */
export function injectPageMeta(html: string, meta: PageMeta): string {
  const title = `<title>${escapeHtml(meta.title)}</title>`
  const description = `<meta name="description" content="${escapeHtml(meta.description)}" />`
  let out = /<title>[\s\S]*?<\/title>/i.test(html)
    ? html.replace(/<title>[\s\S]*?<\/title>/i, () => title)
    : html.replace(/<\/head>/i, () => `${title}</head>`)
  out = /<meta\s+name="description"[^>]*>/i.test(out)
    ? out.replace(/<meta\s+name="description"[^>]*>/i, () => description)
    : out.replace(/<\/head>/i, () => `${description}</head>`)
  return out
}

/**
 * Sends the web app's index.html with the page's own title and description injected, so
 * server-rendered metadata and the single-page app share one document.
 */
export function sendPage(reply: FastifyReply, webRoot: string | undefined, meta: PageMeta, status = 200) {
  const file = webRoot ? path.join(webRoot, 'index.html') : undefined
  const html = file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : SHELL
  return reply.code(status).type('text/html; charset=utf-8').send(injectPageMeta(html, meta))
}

/** The site's name as the last part of every page title. */
export const siteName = (en: boolean) => (en ? 'ZhiBao' : '知保')

/** A public page whose record does not exist or is not public: a 404 saying only that. */
export function sendNotFoundPage(reply: FastifyReply, webRoot: string | undefined, en: boolean) {
  return sendPage(
    reply,
    webRoot,
    { title: `${en ? 'Not found' : '未找到'} · ${siteName(en)}`, description: '' },
    404,
  )
}
