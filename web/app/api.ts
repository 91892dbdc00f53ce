import { currentLanguage } from '../i18n/index.ts'

/** A field-level problem reported by the API, e.g. `{ path: 'body.uscc', message: '…' }`. */
export type FieldProblem = { path: string; message: string; code?: string }

/** The RFC 9457 problem document every API error is rendered as. */
export type Problem = {
  code: string
  title: string
  status: number
  errors?: FieldProblem[]
  detail?: Record<string, unknown>
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title)
    this.name = 'ApiError'
  }
  get status() {
    return this.problem.status
  }
  get code() {
    return this.problem.code
  }
}

let csrfToken: string | null = null
/** The session's CSRF token, echoed on every cookie-authenticated write. */
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

let onUnauthenticated: (() => void) | null = null
/** Called when the API says the session is gone (expired, or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null) {
  onUnauthenticated = handler
}

type Query = Record<string, string | number | boolean | undefined | null>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage(), accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError({ code: 'network', title: networkTitle(), status: 0 })
  }
  const text = await response.text()
  const data = text ? safeJson(text) : undefined
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Partial<Problem>
    if (problem.code === 'unauthenticated') onUnauthenticated?.()
    throw new ApiError({
      code: problem.code ?? 'http_error',
      title: problem.title ?? `HTTP ${response.status}`,
      status: problem.status ?? response.status,
      errors: problem.errors,
      detail: problem.detail,
    })
  }
  return data as T
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function networkTitle() {
  return currentLanguage() === 'en' ? 'The server cannot be reached' : '无法连接服务器'
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Sends one file as multipart/form-data field `file`. */
  upload: async <T>(path: string, file: File): Promise<T> => {
    const form = new FormData()
    form.append('file', file)
    const headers: Record<string, string> = {
      'accept-language': currentLanguage(),
      accept: 'application/json',
    }
    if (csrfToken) headers['x-csrf-token'] = csrfToken
    const response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form })
    const data = safeJson(await response.text())
    if (!response.ok) {
      const problem = (data && typeof data === 'object' ? data : {}) as Partial<Problem>
      throw new ApiError({
        code: problem.code ?? 'http_error',
        title: problem.title ?? `HTTP ${response.status}`,
        status: problem.status ?? response.status,
        errors: problem.errors,
        detail: problem.detail,
      })
    }
    return data as T
  },
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number }
