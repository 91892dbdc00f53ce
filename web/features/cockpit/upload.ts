import { ApiError, type Problem } from '../../app/api.ts'
import { currentLanguage } from '../../i18n/index.ts'
import type { ImportResult } from './model.ts'

/**
 * Posts one Excel file as multipart field `file` (the JSON client cannot send FormData): reads the
 * session's CSRF token from /api/auth/me, and turns a problem into the same ApiError.
 */
export async function uploadXlsx(path: string, file: File): Promise<ImportResult> {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json())
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await fetch(path, {
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
  return data as ImportResult
}
