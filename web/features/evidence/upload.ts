import type { DepositView } from '../../../contracts/evidence-api.ts'
import { ApiError, type Problem } from '../../app/api.ts'
import { currentLanguage } from '../../i18n/index.ts'

/**
 * Multipart deposit upload. The shared JSON client cannot send FormData, so this reads the session's
 * CSRF token from /api/auth/me and posts the form itself; errors become the same ApiError.
 */
export async function uploadDeposit(
  fields: Record<string, string | undefined>,
  files: File[],
): Promise<DepositView> {
  const me = await fetch('/api/auth/me', { credentials: 'same-origin' }).then((r) => r.json())
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v)
  for (const f of files) form.append('file', f, f.name)
  const response = await fetch('/api/evidence/deposits', {
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
  return data as DepositView
}

/** SHA-256 of a file, read in chunks (never the whole file at once), as lower-case hex. */
export async function sha256OfFile(file: Blob): Promise<string> {
  const { sha256 } = await import('@noble/hashes/sha2.js')
  const { bytesToHex } = await import('@noble/hashes/utils.js')
  const hash = sha256.create()
  const reader = file.stream().getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    hash.update(value)
  }
  return bytesToHex(hash.digest())
}
