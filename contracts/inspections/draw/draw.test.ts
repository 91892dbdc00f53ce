import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { concat, fromHex, toHex, utf8 } from './bytes.ts'
import { checkFeasibility, type DrawOutcome, draw, runDraw } from './draw.ts'
import { smallInputs, uscc } from './fixtures.test-util.ts'
import {
  canonicalBytes,
  canonicalJson,
  commitCanonical,
  commitCanonicalBytes,
  type DrawInputs,
  INPUTS_LABEL,
  normaliseInputs,
} from './inputs.ts'
import { nodeSha256 } from './node-hash.ts'

const SEED = '61bba889752ea9ed0c3a4b7f586a2313d1a7ba4e23dfb4b47939114f59052ac1'

function ok(o: DrawOutcome) {
  if (!o.ok) throw new Error(`draw failed: ${JSON.stringify(o.error)}`)
  return o.result
}

function tiny(over: Partial<DrawInputs> = {}): DrawInputs {
  return {
    algorithmVersion: 'zhibao-draw/1',
    planId: 'tiny',
    stratifyBy: ['category'],
    rounding: 'ceil',
    strata: [{ stratum: 'A', count: 2 }],
    entities: [0, 1, 2, 3].map((i) => ({ id: uscc(i), attributes: { category: 'A' } })),
    inspectors: ['X1', 'X2', 'X3'].map((b) => ({
      badge: b,
      name: b,
      agency: 'a',
      qualifications: [],
      capacity: 2,
    })),
    conflicts: [],
    ties: [],
    requirements: { inspectorsPerTarget: 2, items: [] },
    randomness: { drandRound: 1, observers: [] },
    ...over,
  }
}

describe('draw', () => {
  it('is reproducible and meets per-stratum counts with rounding', () => {
    const a = ok(draw(smallInputs(), SEED))
    const b = ok(draw(smallInputs(), SEED))
    expect(a).toEqual(b)
    // A: 20 entities, one excluded → 19 eligible; ceil(0.25 × 19) = 5. B: count 3.
    expect(a.strata.map((s) => [s.stratum, s.eligible, s.required, s.drawn])).toEqual([
      ['A', 19, 5, 5],
      ['B', 20, 3, 3],
    ])
    expect(a.targets.map((t) => t.stratum)).toEqual(['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B'])
    for (const t of a.targets) expect(new Set(t.inspectors).size).toBe(2)
  })

  it('rounding rules: ceil, floor, halfUp', () => {
    const n = (rounding: 'ceil' | 'floor' | 'halfUp', ratio: string) =>
      ok(draw({ ...smallInputs(), rounding, strata: [{ stratum: 'A', ratio }] }, SEED)).strata[0]!.required
    // 19 eligible: 0.25 × 19 = 4.75; 0.5 × 19 = 9.5; 0.1 × 19 = 1.9; 0.05 × 19 = 0.95
    expect([n('ceil', '0.25'), n('floor', '0.25'), n('halfUp', '0.25')]).toEqual([5, 4, 5])
    expect([n('ceil', '0.5'), n('floor', '0.5'), n('halfUp', '0.5')]).toEqual([10, 9, 10])
    expect([n('ceil', '0.05'), n('floor', '0.05'), n('halfUp', '0.05')]).toEqual([1, 0, 1])
    expect(n('floor', '0.050000000')).toBe(0)
  })

  it('depends on the seed', () => {
    const a = ok(draw(smallInputs(), SEED))
    const b = ok(draw(smallInputs(), '00'.repeat(32)))
    expect(a.targets).not.toEqual(b.targets)
  })

  it('fast canonical encoding equals a plain RFC 8785 writer, with either SHA-256', () => {
    // Reference JCS for these values: sorted keys, JSON.stringify strings, integers, null.
    const jcs = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(jcs).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${jcs((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v)
    const inputs = smallInputs()
    // Non-ASCII, escapes and an astral character take the slow path of the byte writer.
    inputs.entities[3]!.attributes.category = 'Ä"\\\u00e9𝔸'
    inputs.inspectors[0]!.name = '张三 "Zhang"'
    const c = normaliseInputs(inputs)
    const reference = toHex(sha256(concat(utf8(INPUTS_LABEL), new Uint8Array([0]), utf8(jcs(c)))))
    expect(canonicalJson(c)).toBe(jcs(c))
    expect(commitCanonical(c)).toBe(reference)
    expect(commitCanonical(c, { sha256: nodeSha256 })).toBe(reference)
    expect(commitCanonicalBytes(canonicalBytes(c), { sha256: nodeSha256 })).toBe(reference)
  })

  it('uses the augmenting-path repair when greedy gets stuck, and never breaks constraints', () => {
    // X1 and X2 can only serve target 0 if X3 takes the others … construct: capacities force a swap.
    // 3 targets × 2 inspectors = 6 slots; capacities 2 + 2 + 2 = 6: every inspector must be fully used.
    const inputs = tiny({
      strata: [{ stratum: 'A', count: 3 }],
      entities: [0, 1, 2].map((i) => ({ id: uscc(i), attributes: { category: 'A' } })),
    })
    for (let s = 0; s < 40; s++) {
      const seed = toHex(sha256(utf8(`seed${s}`)))
      const r = ok(draw(inputs, seed))
      const load = new Map<string, number>()
      for (const t of r.targets) {
        expect(new Set(t.inspectors).size).toBe(2)
        for (const b of t.inspectors) load.set(b, (load.get(b) ?? 0) + 1)
      }
      expect([...load.values()].every((v) => v <= 2)).toBe(true)
    }
  })

  it('repairs: a feasible plan where a greedy pick can block a later target', () => {
    // E0 may use A, B, C (D recused); E1 may use B, C, D (A recused); capacity 1 each, 4 slots for
    // 4 needs. When E0 draws {B, C}, E1 is left with D only and the repair moves B from E0 to E1
    // while E0 takes A.
    const inputs = tiny({
      entities: [0, 1].map((i) => ({ id: uscc(i), attributes: { category: 'A' } })),
      inspectors: ['A', 'B', 'C', 'D'].map((b) => ({
        badge: b,
        name: b,
        agency: 'a',
        qualifications: [],
        capacity: 1,
      })),
      conflicts: [
        { inspector: 'D', entity: uscc(0) },
        { inspector: 'A', entity: uscc(1) },
      ],
    })
    let repaired = 0
    for (let s = 0; s < 40; s++) {
      const r = ok(draw(inputs, toHex(sha256(utf8(`r${s}`)))))
      repaired += r.stats.repairs
      const all = r.targets.flatMap((t) => t.inspectors)
      expect(new Set(all).size).toBe(4)
      for (const t of r.targets) {
        expect(new Set(t.inspectors).size).toBe(2)
        if (t.entity === uscc(0)) expect(t.inspectors).not.toContain('D')
        if (t.entity === uscc(1)) expect(t.inspectors).not.toContain('A')
      }
    }
    expect(repaired).toBeGreaterThan(0)
  })
})

describe('feasibility errors (no partial result)', () => {
  const err = (inputs: DrawInputs) => {
    const o = draw(inputs, SEED)
    expect(o.ok).toBe(false)
    expect(o).not.toHaveProperty('result')
    return o.ok ? null : o.error
  }
  it('emptyPopulation', () => {
    expect(err(tiny({ entities: [] }))?.code).toBe('emptyPopulation')
    expect(
      err(tiny({ entities: [{ id: uscc(1), attributes: { category: 'A' }, excluded: 'deregistered' }] }))
        ?.code,
    ).toBe('emptyPopulation')
  })
  it('stratumTooSmall', () => {
    const e = err(tiny({ strata: [{ stratum: 'A', count: 5 }] }))
    expect(e).toMatchObject({ code: 'stratumTooSmall', details: { stratum: 'A', required: 5, eligible: 4 } })
    expect(err(tiny({ strata: [{ stratum: 'Z', count: 1 }] }))).toMatchObject({
      code: 'stratumTooSmall',
      details: { stratum: 'Z', eligible: 0 },
    })
  })
  it('insufficientInspectors', () => {
    const e = err(
      tiny({ inspectors: [{ badge: 'X1', name: 'x', agency: 'a', qualifications: [], capacity: 9 }] }),
    )
    expect(e?.code).toBe('insufficientInspectors')
    const q = err(
      tiny({
        requirements: {
          inspectorsPerTarget: 2,
          items: [{ id: 'patent', requiredQualifications: ['patent'] }],
        },
      }),
    )
    expect(q).toMatchObject({ code: 'insufficientInspectors', details: { stratum: 'A', qualified: 0 } })
  })
  it('insufficientCapacity', () => {
    const e = err(tiny({ strata: [{ stratum: 'A', count: 4 }] })) // 8 slots, capacity 6
    expect(e).toMatchObject({ code: 'insufficientCapacity', details: { totalCapacity: 6, needed: 8 } })
  })
  it('targetUnassignable: conflicts leave a drawn target with fewer than 2 inspectors', () => {
    const inputs = tiny({
      strata: [{ stratum: 'A', count: 4 }],
      inspectors: ['X1', 'X2', 'X3'].map((b) => ({
        badge: b,
        name: b,
        agency: 'a',
        qualifications: [],
        capacity: 4,
      })),
      conflicts: [{ inspector: 'X1', entity: uscc(2) }],
      ties: [{ inspector: 'X2', entity: uscc(2), kind: 'formerEmployer' }],
    })
    expect(err(inputs)).toMatchObject({
      code: 'targetUnassignable',
      details: { entity: uscc(2), eligibleInspectors: 1, inspectorsPerTarget: 2 },
    })
  })
  it('insufficientCapacity found by the exact assignment (Hall violation behind recusals)', () => {
    // 2 targets; E0 can only use X1, X2 (X3 conflicted); E1 likewise. X1, X2 have capacity 1 each.
    const inputs = tiny({
      entities: [0, 1].map((i) => ({ id: uscc(i), attributes: { category: 'A' } })),
      inspectors: [
        { badge: 'X1', name: 'x', agency: 'a', qualifications: [], capacity: 1 },
        { badge: 'X2', name: 'x', agency: 'a', qualifications: [], capacity: 1 },
        { badge: 'X3', name: 'x', agency: 'a', qualifications: [], capacity: 4 },
      ],
      conflicts: [
        { inspector: 'X3', entity: uscc(0) },
        { inspector: 'X3', entity: uscc(1) },
      ],
    })
    const e = err(inputs)
    expect(e?.code).toBe('insufficientCapacity')
    expect(e?.details).toHaveProperty('saturatedInspectors')
  })
  it('checkFeasibility runs before the seed is known', () => {
    expect(checkFeasibility(smallInputs())).toBeNull()
    expect(checkFeasibility(tiny({ entities: [] }))?.code).toBe('emptyPopulation')
  })
  it('runDraw on canonical inputs equals draw on raw inputs', () => {
    expect(runDraw(normaliseInputs(smallInputs()), fromHex(SEED))).toEqual(draw(smallInputs(), SEED))
  })
})
