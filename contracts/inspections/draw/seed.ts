/**
 * Randomness sources and seed derivation (trust.md C.3). See docs/draw-algorithm.md §4.
 *
 *   seed = SHA-256( utf8("zhibao-draw/v1/seed") ‖ 0x00
 *                 ‖ commitment (32 bytes)
 *                 ‖ drand:    0x00                                   if no drand round
 *                             0x01 ‖ uint64be(round) ‖ randomness (32 bytes)
 *                 ‖ reveals:  uint32be(count) ‖ for each, sorted by observer name (code point order):
 *                             uint32be(len(utf8(name))) ‖ utf8(name) ‖ uint32be(len(value)) ‖ value bytes )
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { z } from 'zod'
import { compareStrings, concat, fromHex, toHex, uint32be, uint64be, utf8 } from './bytes.ts'
import type { CanonicalInputs } from './inputs.ts'

/** Domain-separation label of the seed. */
export const SEED_LABEL = 'zhibao-draw/v1/seed'

export const RandomnessSourcesSchema = z.strictObject({
  /** The drand (quicknet) beacon for the announced round, as entered by the operator. */
  drand: z
    .strictObject({
      round: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
      randomness: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/)
        .transform((s) => s.toLowerCase()),
    })
    .nullable(),
  /** Observers' revealed secret values (hex, 16–64 bytes). */
  reveals: z.array(
    z.strictObject({
      observer: z
        .string()
        .min(1)
        .transform((s) => s.normalize('NFC')),
      value: z
        .string()
        .regex(/^(?:[0-9a-fA-F]{2}){16,64}$/, 'value must be 16–64 bytes of hex')
        .transform((s) => s.toLowerCase()),
    }),
  ),
})

export type RandomnessSources = z.input<typeof RandomnessSourcesSchema>
export type CanonicalRandomness = z.output<typeof RandomnessSourcesSchema>

/** Why the randomness sources do not match the committed plan. */
export interface SeedError {
  code: 'invalidRandomness' | 'drandRoundMismatch' | 'missingReveal' | 'unexpectedReveal' | 'revealMismatch'
  details: Record<string, unknown>
}

/** Commitment an observer publishes before the draw: hex SHA-256 of the secret value bytes. */
export function observerCommitment(valueHex: string): string {
  return toHex(sha256(fromHex(valueHex)))
}

/**
 * Checks the randomness sources against the committed plan (announced drand round, every observer
 * revealed a value matching their commitment, no extra reveals) and returns them in canonical form
 * (reveals sorted by observer name).
 */
export function checkRandomness(
  plan: CanonicalInputs['randomness'],
  sources: RandomnessSources,
): { ok: true; sources: CanonicalRandomness } | { ok: false; error: SeedError } {
  const parsed = RandomnessSourcesSchema.safeParse(sources)
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalidRandomness', details: { issues: parsed.error.issues.map((i) => i.message) } },
    }
  }
  const s = parsed.data
  if ((plan.drandRound ?? null) !== (s.drand?.round ?? null)) {
    return {
      ok: false,
      error: {
        code: 'drandRoundMismatch',
        details: { announced: plan.drandRound, given: s.drand?.round ?? null },
      },
    }
  }
  const byName = new Map<string, string>()
  for (const r of s.reveals) {
    if (byName.has(r.observer)) {
      return {
        ok: false,
        error: { code: 'unexpectedReveal', details: { observer: r.observer, duplicate: true } },
      }
    }
    byName.set(r.observer, r.value)
  }
  for (const o of plan.observers) {
    const v = byName.get(o.name)
    if (v === undefined) return { ok: false, error: { code: 'missingReveal', details: { observer: o.name } } }
    const c = observerCommitment(v)
    if (c !== o.commitment) {
      return {
        ok: false,
        error: {
          code: 'revealMismatch',
          details: { observer: o.name, committed: o.commitment, revealedHash: c },
        },
      }
    }
    byName.delete(o.name)
  }
  if (byName.size > 0) {
    return { ok: false, error: { code: 'unexpectedReveal', details: { observers: [...byName.keys()] } } }
  }
  return {
    ok: true,
    sources: {
      drand: s.drand,
      reveals: [...s.reveals].sort((a, b) => compareStrings(a.observer, b.observer)),
    },
  }
}

/** The seed bytes from the commitment and canonical randomness sources (see the module comment). */
export function seedBytes(commitmentHex: string, sources: CanonicalRandomness): Uint8Array {
  const parts: Uint8Array[] = [utf8(SEED_LABEL), new Uint8Array([0]), fromHex(commitmentHex)]
  if (sources.drand) {
    parts.push(new Uint8Array([1]), uint64be(sources.drand.round), fromHex(sources.drand.randomness))
  } else {
    parts.push(new Uint8Array([0]))
  }
  const reveals = [...sources.reveals].sort((a, b) => compareStrings(a.observer, b.observer))
  parts.push(uint32be(reveals.length))
  for (const r of reveals) {
    const n = utf8(r.observer)
    const v = fromHex(r.value)
    parts.push(uint32be(n.length), n, uint32be(v.length), v)
  }
  return sha256(concat(...parts))
}

/**
 * Derives the hex seed: verifies the sources against the plan's randomness section, then hashes
 * (commitment, drand round + randomness, sorted reveals) as documented.
 */
export function deriveSeed(
  plan: CanonicalInputs['randomness'],
  commitmentHex: string,
  sources: RandomnessSources,
): { ok: true; seed: string; sources: CanonicalRandomness } | { ok: false; error: SeedError } {
  const c = checkRandomness(plan, sources)
  if (!c.ok) return c
  return { ok: true, seed: toHex(seedBytes(commitmentHex, c.sources)), sources: c.sources }
}
