import type { z } from 'zod'
import type { attachmentCreated } from '../../../contracts/cases.ts'
import { ApiError, type Problem } from '../../app/api.ts'
import { currentLanguage } from '../../i18n/index.ts'

/** The server's limit (documents.ts); checked here too so a too-large file is named before it is sent. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/**
 * Uploads a case attachment as multipart (`file`, `title`). The JSON client cannot send FormData, so
 * this reads the session's CSRF token and posts the form itself; errors become the same ApiError.
 */
export async function uploadAttachment(
  caseId: string,
  file: File,
  title?: string,
): Promise<z.infer<typeof attachmentCreated>> {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json())
  const form = new FormData()
  if (title) form.append('title', title)
  form.append('file', file, file.name)
  const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}/attachments`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': me?.csrfToken ?? '', 'accept-language': currentLanguage() },
    body: form,
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    const p = data as Partial<Problem>
    throw new ApiError({
      code: p.code ?? 'http_error',
      title: p.title ?? `HTTP ${response.status}`,
      status: response.status,
      errors: p.errors,
      detail: p.detail,
    })
  }
  return data
}
