import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { identifierMessage } from '../../../contracts/identifiers/index.ts'
import { AppError, type FieldError, kernelErrors, type Lang, langFrom, messageOf } from '../errors.ts'

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError } as const

/** Renders any error as application/problem+json (RFC 9457); nothing internal reaches the client. */
export function sendProblem(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = langFrom(request.headers['accept-language'])
  const { code, status, errors, detail } = classify(error, lang)
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  const body = {
    type: `urn:zhibao:error:${code}`,
    title: messageOf(code, lang),
    status,
    code,
    instance: request.url,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  }
  if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60')
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body))
}

function classify(
  error: FastifyError | Error,
  lang: Lang,
): { code: string; status: number; errors?: FieldError[]; detail?: Record<string, unknown> } {
  if (error instanceof AppError) {
    return {
      code: error.code,
      status: error.status,
      errors: error.options.errors,
      detail: error.options.detail,
    }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body'
    return {
      code: kernelErrors.validation_failed,
      status: 400,
      errors: error.validation.map((v) => {
        const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.')
        return {
          path,
          code: v.keyword,
          message: localizeIssue(v.keyword, v.params as Record<string, unknown>, v.message, lang),
        }
      }),
    }
  }
  const fastifyCode = (error as FastifyError).code
  const statusCode = (error as FastifyError).statusCode ?? 500
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return { code: kernelErrors.payload_too_large, status: 413 }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: kernelErrors.unsupported_media_type, status: 415 }
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: kernelErrors.bad_request, status: 400 }
  }
  if (statusCode === 429) return { code: kernelErrors.rate_limited, status: 429 }
  if (statusCode === 404) return { code: kernelErrors.route_not_found, status: 404 }
  if (statusCode === 405) return { code: kernelErrors.method_not_allowed, status: 405 }
  if (statusCode >= 400 && statusCode < 500) return { code: kernelErrors.bad_request, status: statusCode }
  return { code: kernelErrors.internal, status: 500 }
}

function localizeIssue(
  code: string,
  params: Record<string, unknown>,
  fallback: string | undefined,
  lang: Lang,
): string {
  if (code === 'custom' && typeof params.params === 'object' && params.params) {
    const { identifier, reason } = params.params as { identifier?: string; reason?: string }
    if (identifier && reason) return identifierMessage(identifier as never, reason as never, lang)
    const messages = params.params as { zh?: string; en?: string }
    if (messages.zh && messages.en) return lang === 'en' ? messages.en : messages.zh
  }
  try {
    const message = zodLocales[lang]({ code, ...params } as never)
    if (typeof message === 'string') return message
    if (message && typeof message === 'object' && 'message' in message) return String(message.message)
  } catch {
    // fall through to the message zod produced
  }
  return fallback ?? messageOf(kernelErrors.validation_failed, lang)
}
