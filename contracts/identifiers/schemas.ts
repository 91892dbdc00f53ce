import { z } from 'zod'
import { validateLocarnoClass, validateNiceClass } from './classification.ts'
import { validateDivisionCode } from './division.ts'
import { validateIpc } from './ipc.ts'
import { type IdentifierMessageLanguage, identifierMessage } from './messages.ts'
import { validatePatentApplicationNumber } from './patent.ts'
import { validateMobilePhone, validatePhone } from './phone.ts'
import { validateResidentId } from './resident-id.ts'
import type { IdentifierFailureReason, IdentifierKind, IdentifierResult } from './types.ts'
import { validateUscc } from './uscc.ts'

/** The `params` of a Zod issue raised by an identifier schema. */
export type IdentifierIssueParams = { identifier: IdentifierKind; reason: IdentifierFailureReason }

/**
 * A Zod schema taking a string and producing the validator's normalised value. On failure the
 * issue's message is the zh-CN text and `params` carries `{ identifier, reason }` so a client
 * can re-localise it with `identifierMessage`.
 */
export function identifierSchema<T>(kind: IdentifierKind, validate: (input: string) => IdentifierResult<T>) {
  return z.string().transform((input, ctx): T => {
    const result = validate(input)
    if (result.ok) return result.value
    const params: IdentifierIssueParams = { identifier: kind, reason: result.reason }
    ctx.addIssue({ code: 'custom', message: identifierMessage(kind, result.reason, 'zh-CN'), params })
    return z.NEVER
  })
}

export const usccSchema = identifierSchema('uscc', validateUscc)
export const residentIdSchema = identifierSchema('residentId', (input) => validateResidentId(input))
export const patentApplicationNumberSchema = identifierSchema('patentApplicationNumber', (input) =>
  validatePatentApplicationNumber(input),
)
export const ipcSchema = identifierSchema('ipc', validateIpc)
export const niceClassSchema = identifierSchema('niceClass', validateNiceClass)
export const locarnoClassSchema = identifierSchema('locarnoClass', validateLocarnoClass)
/** Accepts current and abolished GB/T 2260 codes (old IDs and USCCs carry abolished ones). */
export const divisionCodeSchema = identifierSchema('divisionCode', (input) => validateDivisionCode(input))
/** Accepts only codes on the current GB/T 2260 list, for new records. */
export const currentDivisionCodeSchema = identifierSchema('divisionCode', (input) =>
  validateDivisionCode(input, { currentOnly: true }),
)
export const mobilePhoneSchema = identifierSchema('mobilePhone', validateMobilePhone)
/** A published contact number: mobile, fixed line with area code, 400/800 or a 12xxx hotline. */
export const phoneSchema = identifierSchema('phone', validatePhone)

/**
 * Re-localises a Zod issue raised by an identifier schema; undefined for any other issue.
 * @example identifierIssueMessage(error.issues[0], 'en')
 */
export function identifierIssueMessage(
  issue: { code?: string; params?: Record<string, unknown> },
  lang: IdentifierMessageLanguage,
): string | undefined {
  if (issue.code !== 'custom' || issue.params === undefined) return undefined
  const { identifier, reason } = issue.params as Partial<IdentifierIssueParams>
  if (identifier === undefined || reason === undefined) return undefined
  return identifierMessage(identifier, reason, lang)
}
