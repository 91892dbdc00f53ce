export type IdentifierKind =
  | 'uscc'
  | 'residentId'
  | 'patentApplicationNumber'
  | 'ipc'
  | 'niceClass'
  | 'locarnoClass'
  | 'divisionCode'
  | 'mobilePhone'
  | 'phone'

export type IdentifierFailureReason = 'empty' | 'format' | 'checksum' | 'range' | 'date' | 'unknownCode'

export type IdentifierFailure = { ok: false; kind: IdentifierKind; reason: IdentifierFailureReason }

export type IdentifierResult<T = string> = { ok: true; value: T } | IdentifierFailure

export const identifierKinds: readonly IdentifierKind[] = [
  'uscc',
  'residentId',
  'patentApplicationNumber',
  'ipc',
  'niceClass',
  'locarnoClass',
  'divisionCode',
  'mobilePhone',
  'phone',
]

export const identifierFailureReasons: readonly IdentifierFailureReason[] = [
  'empty',
  'format',
  'checksum',
  'range',
  'date',
  'unknownCode',
]

export function ok<T>(value: T): IdentifierResult<T> {
  return { ok: true, value }
}

export function fail(kind: IdentifierKind, reason: IdentifierFailureReason): IdentifierFailure {
  return { ok: false, kind, reason }
}

/**
 * NFKC folds full-width digits, letters and punctuation typed with a Chinese IME
 * (`９１４４`, `．`, `－`) into ASCII; then trims.
 */
export function normaliseInput(input: string): string {
  return input.normalize('NFKC').trim()
}

/** Today's calendar date in China (UTC+8, no DST), whatever the host's time zone. */
export function chinaToday(now: Date = new Date()): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + 8 * 60 * 60 * 1000)
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}
