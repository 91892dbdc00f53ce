import { ApiError, type Problem } from '../../app/api.ts'
import { currentLanguage } from '../../i18n/index.ts'

/**
 * Posts one file as multipart field `file` (the JSON client cannot send FormData), with the
 * session's CSRF token from /api/auth/me; a problem becomes the same ApiError the client throws.
 */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json())
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'x-csrf-token': me?.csrfToken ?? '',
      'accept-language': currentLanguage(),
      accept: 'application/json',
    },
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
  return data as T
}
