/**
 * The registry of error codes: each has an HTTP status and a zh-CN and English message. Every error a
 * client sees is one of these, as application/problem+json (RFC 9457). Modules register their own
 * catalogues with `defineErrors`; docs/errors.md lists them all and a test keeps the two in sync.
 */
export type Lang = 'zh-CN' | 'en'

export interface ErrorDefinition {
  status: number
  zh: string
  en: string
}

const registry = new Map<string, ErrorDefinition>()

/** Registers a module's error codes; a duplicate code is a programming error. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(
  catalogue: T,
): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K }
  for (const [code, definition] of Object.entries(catalogue)) {
    if (registry.has(code)) throw new Error(`error code ${code} defined twice`)
    registry.set(code, definition)
    ;(codes as Record<string, string>)[code] = code
  }
  return codes
}

export function errorDefinitions(): ReadonlyMap<string, ErrorDefinition> {
  return registry
}

export const kernelErrors = defineErrors({
  validation_failed: {
    status: 400,
    zh: '提交的数据有误，请检查标出的字段',
    en: 'Some fields are invalid; see the errors listed',
  },
  bad_request: { status: 400, zh: '请求格式有误', en: 'The request is malformed' },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  forbidden: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  csrf_failed: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'The security token is missing or wrong; reload the page and try again',
  },
  not_found: { status: 404, zh: '未找到该记录，或您无权查看', en: 'Not found, or not visible to you' },
  route_not_found: { status: 404, zh: '接口不存在', en: 'No such API endpoint' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  conflict: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record changed meanwhile; reload and try again',
  },
  payload_too_large: { status: 413, zh: '上传内容超过大小限制', en: 'The upload is larger than allowed' },
  unsupported_media_type: {
    status: 415,
    zh: '不支持的文件或内容类型',
    en: 'This file or content type is not accepted',
  },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal: {
    status: 500,
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal server error; please try again later',
  },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'The service is unavailable' },
})

export interface FieldError {
  /** JSON path of the bad field, e.g. "body.uscc" or "query.page". */
  path: string
  code: string
  message: string
}

/** An expected failure of a use case; rendered as problem+json with the code's status and message. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly options: { detail?: Record<string, unknown>; errors?: FieldError[]; status?: number } = {},
  ) {
    super(code)
    if (!registry.has(code)) throw new Error(`unregistered error code ${code}`)
  }
  get status(): number {
    return this.options.status ?? registry.get(this.code)!.status
  }
}

/** A single bad field, reported like a schema validation error. */
export function fieldError(
  field: string,
  code: string,
  message: { zh: string; en: string },
  lang: Lang,
): AppError {
  return new AppError(kernelErrors.validation_failed, {
    errors: [{ path: field, code, message: lang === 'en' ? message.en : message.zh }],
  })
}

export function messageOf(code: string, lang: Lang): string {
  const definition = registry.get(code) ?? registry.get('internal')!
  return lang === 'en' ? definition.en : definition.zh
}

/** Picks zh-CN unless the client prefers English. */
export function langFrom(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN'
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase()
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return 'zh-CN'
}
