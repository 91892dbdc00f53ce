/**
 * The published draw record and its independent verification. See docs/draw-algorithm.md §8–§9.
 */
import { z } from 'zod'
import { fromHex } from './bytes.ts'
import { type DrawError, type DrawResult, runDraw } from './draw.ts'
import type { HashOptions } from './hash.ts'
import {
  ALGORITHM_VERSION,
  type CanonicalInputs,
  commitCanonical,
  DrawInputError,
  type DrawInputs,
  normaliseInputs,
} from './inputs.ts'
import { type CanonicalRandomness, deriveSeed, type RandomnessSources, type SeedError } from './seed.ts'

/** Format identifier of {@link DrawRecord}. */
export const RECORD_FORMAT = 'zhibao-draw-record/1'

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
const str = z.string()

/** Zod schema of the published record. Strict: unknown fields (e.g. extra personal data) are rejected. */
export const DrawRecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  algorithmVersion: str,
  inputs: z.strictObject({
    algorithmVersion: str,
    planId: str,
    stratifyBy: z.array(str),
    rounding: z.enum(['ceil', 'floor', 'halfUp']),
    strata: z.array(
      z.strictObject({
        stratum: str,
        ratio: str.nullable(),
        count: z.number().int().nullable(),
        items: z.array(str),
      }),
    ),
    entities: z.array(z.strictObject({ id: str, attributes: z.record(str, str), excluded: str.nullable() })),
    inspectors: z.array(
      z.strictObject({
        badge: str,
        name: str,
        agency: str,
        qualifications: z.array(str),
        capacity: z.number().int(),
      }),
    ),
    conflicts: z.array(z.strictObject({ inspector: str, entity: str })),
    ties: z.array(z.strictObject({ inspector: str, entity: str, kind: str })),
    requirements: z.strictObject({
      inspectorsPerTarget: z.number().int(),
      items: z.array(z.strictObject({ id: str, requiredQualifications: z.array(str) })),
    }),
    randomness: z.strictObject({
      drandRound: z.number().int().nullable(),
      observers: z.array(z.strictObject({ name: str, commitment: str })),
    }),
  }),
  commitment: hex64,
  randomness: z.strictObject({
    drand: z.strictObject({ round: z.number().int(), randomness: hex64 }).nullable(),
    reveals: z.array(z.strictObject({ observer: str, value: str })),
  }),
  seed: hex64,
  /** Where the commitment was logged (optional; not part of what the draw verification re-runs). */
  log: z
    .strictObject({
      kind: z.literal('evidence-statement'),
      entryId: str,
      leafHash: hex64,
      receivedAt: str,
      leafIndex: z.number().int().nullable(),
      receipt: str,
    })
    .optional(),
  result: z.strictObject({
    targets: z.array(z.strictObject({ entity: str, stratum: str, inspectors: z.array(str) })),
    strata: z.array(
      z.strictObject({
        stratum: str,
        population: z.number().int(),
        excluded: z.number().int(),
        eligible: z.number().int(),
        ratio: str.nullable(),
        count: z.number().int().nullable(),
        required: z.number().int(),
        drawn: z.number().int(),
      }),
    ),
    stats: z.strictObject({ rejections: z.number().int(), repairs: z.number().int() }),
  }),
})

/** The published record of a draw (JSON). */
export interface DrawRecord {
  format: typeof RECORD_FORMAT
  algorithmVersion: string
  /** Canonical inputs; the roster carries badge, name, agency, qualifications and capacity only. */
  inputs: CanonicalInputs
  /** Hex input commitment, published before the randomness was known. */
  commitment: string
  randomness: CanonicalRandomness
  seed: string
  /**
   * The evidence-log entry of the commitment (docs/evidence-log.md), added by the server when it
   * logs commitments. Publishes when the commitment was fixed; the verifier does not check it.
   */
  log?: DrawRecordLog
  result: DrawResult
}

/** Reference to the commitment's statement in the evidence log. */
export interface DrawRecordLog {
  kind: 'evidence-statement'
  /** Statement id; its receipt (with the inclusion proof) is at `receipt` once integrated. */
  entryId: string
  /** Hex RFC 6962 leaf hash of the statement entry. */
  leafHash: string
  receivedAt: string
  /** Position in the log, or null if it was not yet sequenced when the draw ran. */
  leafIndex: number | null
  /** Path of the public receipt, e.g. `/api/evidence/statements/{entryId}/receipt`. */
  receipt: string
}

export type CreateRecordOutcome =
  | { ok: true; record: DrawRecord }
  | { ok: false; stage: 'randomness'; error: SeedError }
  | { ok: false; stage: 'draw'; error: DrawError }

/**
 * Runs the whole procedure: normalise and commit the inputs, check the randomness sources against
 * the plan and derive the seed, run the draw, and assemble the publishable record.
 * Throws {@link DrawInputError} on invalid inputs.
 */
export function createDrawRecord(
  inputs: DrawInputs | CanonicalInputs,
  sources: RandomnessSources,
  options: HashOptions = {},
): CreateRecordOutcome {
  const c = normaliseInputs(inputs as DrawInputs)
  if (c.algorithmVersion !== ALGORITHM_VERSION) {
    throw new DrawInputError(`unsupported algorithm version ${c.algorithmVersion}`, [
      `algorithmVersion must be ${ALGORITHM_VERSION}`,
    ])
  }
  const commitment = commitCanonical(c, options)
  const s = deriveSeed(c.randomness, commitment, sources)
  if (!s.ok) return { ok: false, stage: 'randomness', error: s.error }
  const d = runDraw(c, fromHex(s.seed))
  if (!d.ok) return { ok: false, stage: 'draw', error: d.error }
  return {
    ok: true,
    record: {
      format: RECORD_FORMAT,
      algorithmVersion: ALGORITHM_VERSION,
      inputs: c,
      commitment,
      randomness: s.sources,
      seed: s.seed,
      result: d.result,
    },
  }
}

/** The first place where a recomputed value differs from the record. */
export interface Difference {
  /** JSON path such as `result.targets[17].inspectors[1]`. */
  path: string
  /** Value recomputed by the verifier. */
  expected: unknown
  /** Value found in the record. */
  actual: unknown
}

export type VerifyOutcome =
  | { ok: true }
  | {
      ok: false
      reason:
        | 'malformed'
        | 'unsupportedAlgorithmVersion'
        | 'invalidInputs'
        | 'commitmentMismatch'
        | 'randomnessInvalid'
        | 'seedMismatch'
        | 'drawFailed'
        | 'resultMismatch'
      message: string
      firstDifference?: Difference
    }

function firstDifference(expected: unknown, actual: unknown, path: string): Difference | null {
  if (Object.is(expected, actual)) return null
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.min(expected.length, actual.length)
    for (let i = 0; i < n; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`)
      if (d) return d
    }
    if (expected.length !== actual.length) {
      return { path: `${path}.length`, expected: expected.length, actual: actual.length }
    }
    return null
  }
  if (
    expected !== null &&
    actual !== null &&
    typeof expected === 'object' &&
    typeof actual === 'object' &&
    !Array.isArray(expected) &&
    !Array.isArray(actual)
  ) {
    const e = expected as Record<string, unknown>
    const a = actual as Record<string, unknown>
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])].sort()
    for (const k of keys) {
      const d = firstDifference(e[k], a[k], path ? `${path}.${k}` : k)
      if (d) return d
    }
    return null
  }
  return { path, expected, actual }
}

/** The schema's rule for `inputs.entities[i]` ({id, attributes: {string: string}, excluded: string | null}, strict), as a loop. */
function malformedEntity(es: unknown[]): string | null {
  for (let i = 0; i < es.length; i++) {
    const e = es[i] as Record<string, unknown> | null
    if (typeof e !== 'object' || e === null || Array.isArray(e))
      return `inputs.entities.${i}: expected object`
    let n = 0
    for (const k in e) {
      if (k !== 'id' && k !== 'attributes' && k !== 'excluded')
        return `inputs.entities.${i}: unrecognized key "${k}"`
      n++
    }
    if (typeof e.id !== 'string') return `inputs.entities.${i}.id: expected string`
    if (!('excluded' in e) || (e.excluded !== null && typeof e.excluded !== 'string'))
      return `inputs.entities.${i}.excluded: expected string or null`
    const a = e.attributes as Record<string, unknown> | null
    if (typeof a !== 'object' || a === null || Array.isArray(a))
      return `inputs.entities.${i}.attributes: expected record`
    for (const k in a)
      if (typeof a[k] !== 'string') return `inputs.entities.${i}.attributes.${k}: expected string`
    if (n !== 3) return `inputs.entities.${i}: missing key`
  }
  return null
}

/**
 * Verifies a published record from scratch: schema, algorithm version, input commitment, the
 * randomness against the committed plan (drand round, observer reveals), the seed, and the whole
 * draw, which is re-run and compared field by field. Never throws; reports the first difference.
 */
export function verifyDrawRecord(record: unknown, options: HashOptions = {}): VerifyOutcome {
  // The entity list (up to millions) is checked by a loop with the same rules as the schema, and
  // validated in depth by normaliseInputs below; Zod checks the rest.
  const raw = record as { inputs?: { entities?: unknown } } | null
  const entities = typeof raw === 'object' && raw !== null ? raw.inputs?.entities : undefined
  const light =
    Array.isArray(entities) && typeof raw?.inputs === 'object'
      ? { ...raw, inputs: { ...raw.inputs, entities: [] } }
      : record
  const parsed = DrawRecordSchema.safeParse(light)
  if (!parsed.success) {
    const i = parsed.error.issues[0]!
    return { ok: false, reason: 'malformed', message: `${i.path.join('.')}: ${i.message}` }
  }
  if (light !== record) {
    const bad = malformedEntity(entities as unknown[])
    if (bad) return { ok: false, reason: 'malformed', message: bad }
  }
  const r = { ...parsed.data, inputs: { ...parsed.data.inputs, entities } } as DrawRecord
  if (r.algorithmVersion !== ALGORITHM_VERSION || r.inputs.algorithmVersion !== ALGORITHM_VERSION) {
    return {
      ok: false,
      reason: 'unsupportedAlgorithmVersion',
      message: `this verifier implements ${ALGORITHM_VERSION}`,
      firstDifference: {
        path: 'inputs.algorithmVersion',
        expected: ALGORITHM_VERSION,
        actual: r.inputs.algorithmVersion,
      },
    }
  }
  let c: CanonicalInputs
  try {
    c = normaliseInputs(r.inputs as DrawInputs)
  } catch (e) {
    return { ok: false, reason: 'invalidInputs', message: e instanceof Error ? e.message : String(e) }
  }
  const commitment = commitCanonical(c, options)
  if (commitment !== r.commitment) {
    return {
      ok: false,
      reason: 'commitmentMismatch',
      message: 'the inputs do not hash to the published commitment',
      firstDifference: { path: 'commitment', expected: commitment, actual: r.commitment },
    }
  }
  const s = deriveSeed(c.randomness, commitment, r.randomness)
  if (!s.ok) {
    return {
      ok: false,
      reason: 'randomnessInvalid',
      message: `${s.error.code}: ${JSON.stringify(s.error.details)}`,
    }
  }
  if (s.seed !== r.seed) {
    return {
      ok: false,
      reason: 'seedMismatch',
      message: 'the seed does not follow from the commitment and randomness',
      firstDifference: { path: 'seed', expected: s.seed, actual: r.seed },
    }
  }
  const d = runDraw(c, fromHex(s.seed))
  if (!d.ok) {
    return { ok: false, reason: 'drawFailed', message: `${d.error.code}: ${JSON.stringify(d.error.details)}` }
  }
  const diff = firstDifference(d.result, r.result, 'result')
  if (diff) {
    return {
      ok: false,
      reason: 'resultMismatch',
      message: `first difference at ${diff.path}`,
      firstDifference: diff,
    }
  }
  return { ok: true }
}
