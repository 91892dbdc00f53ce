import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toHex } from './bytes.ts'
import { draw } from './draw.ts'
import { uscc } from './fixtures.test-util.ts'
import type { DrawInputs } from './inputs.ts'

const CATS = ['A', 'B', 'C']
const QUALS = ['le', 'patent', 'tm']

const scenario = fc
  .record({
    nEntities: fc.integer({ min: 1, max: 60 }),
    nInspectors: fc.integer({ min: 2, max: 14 }),
    k: fc.integer({ min: 2, max: 3 }),
    seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    catOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
    excluded: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    caps: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 14, maxLength: 14 }),
    qualBits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 14, maxLength: 14 }),
    ratios: fc.array(fc.constantFrom('0', '0.1', '0.25', '0.5', '1'), { minLength: 3, maxLength: 3 }),
    rounding: fc.constantFrom('ceil' as const, 'floor' as const, 'halfUp' as const),
    conflicts: fc.array(fc.tuple(fc.nat(13), fc.nat(59)), { maxLength: 40 }),
    ties: fc.array(fc.tuple(fc.nat(13), fc.nat(59)), { maxLength: 10 }),
    itemForB: fc.boolean(),
  })
  .map((s): { inputs: DrawInputs; seed: string } => {
    const entities = Array.from({ length: s.nEntities }, (_, i) => ({
      id: uscc(i),
      attributes: { cat: CATS[s.catOf[i]!]! },
      excluded: s.excluded[i] ? 'inspectedThisYear' : null,
    }))
    const inspectors = Array.from({ length: s.nInspectors }, (_, i) => ({
      badge: `B${i}`,
      name: `n${i}`,
      agency: 'a',
      qualifications: QUALS.filter((_, q) => (s.qualBits[i]! >> q) & 1),
      capacity: s.caps[i]!,
    }))
    const inRange = ([r, e]: [number, number]) => r < s.nInspectors && e < s.nEntities
    return {
      seed: toHex(s.seed),
      inputs: {
        algorithmVersion: 'zhibao-draw/1',
        planId: 'prop',
        stratifyBy: ['cat'],
        rounding: s.rounding,
        strata: CATS.map((c, i) => ({
          stratum: c,
          ratio: s.ratios[i]!,
          ...(c === 'B' && s.itemForB ? { items: ['patent-check'] } : {}),
        })),
        entities,
        inspectors,
        conflicts: s.conflicts.filter(inRange).map(([r, e]) => ({ inspector: `B${r}`, entity: uscc(e) })),
        ties: s.ties
          .filter(inRange)
          .map(([r, e]) => ({ inspector: `B${r}`, entity: uscc(e), kind: 'previous' })),
        requirements: {
          inspectorsPerTarget: s.k,
          items: [
            { id: 'general', requiredQualifications: ['le'] },
            { id: 'patent-check', requiredQualifications: ['patent'] },
          ],
        },
        randomness: { drandRound: 1, observers: [] },
      },
    }
  })

describe('draw properties over random populations and rosters', () => {
  it('every successful draw satisfies all constraints; failures carry a known code and no result', () => {
    let okCount = 0
    fc.assert(
      fc.property(scenario, ({ inputs, seed }) => {
        const o = draw(inputs, seed)
        if (!o.ok) {
          expect([
            'emptyPopulation',
            'stratumTooSmall',
            'insufficientInspectors',
            'insufficientCapacity',
            'targetUnassignable',
          ]).toContain(o.error.code)
          expect(o).not.toHaveProperty('result')
          return
        }
        okCount++
        const r = o.result
        const k = inputs.requirements.inspectorsPerTarget
        const ent = new Map(inputs.entities.map((e) => [e.id, e]))
        const insp = new Map(inputs.inspectors.map((i) => [i.badge, i]))
        const recused = new Set(
          [...inputs.conflicts, ...inputs.ties].map((c) => `${c.inspector}|${c.entity}`),
        )
        const load = new Map<string, number>()
        const seen = new Set<string>()
        for (const t of r.targets) {
          const e = ent.get(t.entity)!
          expect(e.excluded ?? null).toBeNull() // excluded entities are never drawn
          expect(seen.has(t.entity)).toBe(false) // without replacement
          seen.add(t.entity)
          expect(e.attributes.cat).toBe(t.stratum)
          expect(t.inspectors.length).toBe(k)
          expect(new Set(t.inspectors).size).toBe(k) // distinct
          const needs =
            t.stratum === 'B' && inputs.strata.find((s) => s.stratum === 'B')!.items
              ? ['patent']
              : ['le', 'patent']
          for (const b of t.inspectors) {
            expect(recused.has(`${b}|${t.entity}`)).toBe(false) // no conflict or tie
            const q = insp.get(b)!.qualifications
            for (const n of needs) expect(q).toContain(n) // qualifications
            load.set(b, (load.get(b) ?? 0) + 1)
          }
        }
        for (const [b, n] of load) expect(n).toBeLessThanOrEqual(insp.get(b)!.capacity) // capacity
        for (const s of r.strata) {
          expect(s.drawn).toBe(s.required) // per-stratum counts met
          expect(r.targets.filter((t) => t.stratum === s.stratum).length).toBe(s.required)
        }
        // Reproducible.
        expect(draw(inputs, seed)).toEqual(o)
      }),
      { numRuns: 300 },
    )
    expect(okCount).toBeGreaterThan(20)
  })

  it('the assignment fails only when no valid assignment exists (exhaustive check on tiny instances)', () => {
    const tinyScenario = scenario.filter(
      ({ inputs }) => inputs.entities.length <= 10 && inputs.inspectors.length <= 6,
    )
    let checked = 0
    fc.assert(
      fc.property(tinyScenario, ({ inputs, seed }) => {
        const o = draw(inputs, seed)
        if (o.ok || o.error.code !== 'insufficientCapacity' || !('saturatedInspectors' in o.error.details))
          return
        // Target selection does not depend on capacities: relax them to recover the drawn targets.
        const relaxed = draw(
          { ...inputs, inspectors: inputs.inspectors.map((i) => ({ ...i, capacity: 99 })) },
          seed,
        )
        if (!relaxed.ok) return
        const targets = relaxed.result.targets
        if (targets.length > 6) return
        checked++
        const k = inputs.requirements.inspectorsPerTarget
        const recused = new Set(
          [...inputs.conflicts, ...inputs.ties].map((c) => `${c.inspector}|${c.entity}`),
        )
        const bItems = inputs.strata.find((x) => x.stratum === 'B')!.items
        const cap = new Map(inputs.inspectors.map((i) => [i.badge, i.capacity]))
        const elig = targets.map((t) => {
          const needs = t.stratum === 'B' && bItems ? ['patent'] : ['le', 'patent']
          return inputs.inspectors
            .filter(
              (i) =>
                needs.every((n) => i.qualifications.includes(n)) && !recused.has(`${i.badge}|${t.entity}`),
            )
            .map((i) => i.badge)
        })
        const search = (ti: number): boolean => {
          if (ti === targets.length) return true
          const pick = (from: number, chosen: string[]): boolean => {
            if (chosen.length === k) return search(ti + 1)
            for (let j = from; j < elig[ti]!.length; j++) {
              const b = elig[ti]![j]!
              if (cap.get(b)! <= 0) continue
              cap.set(b, cap.get(b)! - 1)
              const found = pick(j + 1, [...chosen, b])
              cap.set(b, cap.get(b)! + 1)
              if (found) return true
            }
            return false
          }
          return pick(0, [])
        }
        expect(search(0)).toBe(false)
      }),
      { numRuns: 1500 },
    )
    expect(checked).toBeGreaterThanOrEqual(0)
  })
})
