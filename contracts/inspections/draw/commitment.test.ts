import { describe, expect, it } from 'vitest'
import { DRAND, OBSERVER_VALUE, smallInputs, smallSources, uscc } from './fixtures.test-util.ts'
import { commitInputs, DrawInputError, type DrawInputs, normaliseInputs } from './inputs.ts'
import { createDrawRecord } from './record.ts'
import { deriveSeed, observerCommitment } from './seed.ts'

const base = smallInputs()
const baseCommit = commitInputs(base)

function mutate(f: (x: DrawInputs) => void): DrawInputs {
  const x = structuredClone(base)
  f(x)
  return x
}

describe('commitInputs', () => {
  it('is a hex SHA-256 and reproducible', () => {
    expect(baseCommit).toMatch(/^[0-9a-f]{64}$/)
    expect(commitInputs(smallInputs())).toBe(baseCommit)
  })

  it('ignores list order, duplicate conflict pairs, qualification order and absent-vs-null options', () => {
    const shuffled = mutate((x) => {
      x.entities.reverse()
      x.inspectors.reverse()
      x.conflicts.reverse()
      x.conflicts.push({ ...x.conflicts[0]! })
      x.strata.reverse()
      x.inspectors[0]!.qualifications.reverse()
      for (const e of x.entities) if (e.excluded === null) delete e.excluded
    })
    expect(commitInputs(shuffled)).toBe(baseCommit)
  })

  it('ignores roster fields outside the five published ones', () => {
    const x = mutate((y) => {
      ;(y.inspectors[0] as Record<string, unknown>).phone = '13800000000'
    })
    expect(commitInputs(x)).toBe(baseCommit)
    expect(normaliseInputs(x).inspectors[0]).not.toHaveProperty('phone')
  })

  const changes: [string, (x: DrawInputs) => void][] = [
    [
      'one entity added',
      (x) => x.entities.push({ id: uscc(999), attributes: { category: 'A', district: '310101' } }),
    ],
    [
      'one entity attribute',
      (x) => {
        x.entities[3]!.attributes.category = 'C'
      },
    ],
    [
      'one exclusion',
      (x) => {
        x.entities[6]!.excluded = 'deregistered'
      },
    ],
    ['one conflict', (x) => x.conflicts.push({ inspector: 'SH0005', entity: uscc(7) })],
    [
      'one tie kind',
      (x) => {
        x.ties[0]!.kind = 'formerEmployer'
      },
    ],
    [
      'one capacity',
      (x) => {
        x.inspectors[2]!.capacity = 4
      },
    ],
    [
      'one inspector name',
      (x) => {
        x.inspectors[2]!.name = 'Someone else'
      },
    ],
    ['one qualification', (x) => x.inspectors[1]!.qualifications.push('patent')],
    [
      'the algorithm version',
      (x) => {
        x.algorithmVersion = 'zhibao-draw/2'
      },
    ],
    [
      'the plan id',
      (x) => {
        x.planId = '2026-Q4-SH-IP-02'
      },
    ],
    [
      'a ratio',
      (x) => {
        x.strata[0]!.ratio = '0.3'
      },
    ],
    [
      'the rounding rule',
      (x) => {
        x.rounding = 'floor'
      },
    ],
    [
      'inspectors per target',
      (x) => {
        x.requirements.inspectorsPerTarget = 3
      },
    ],
    ['an item qualification', (x) => x.requirements.items[0]!.requiredQualifications.push('patent')],
    [
      'the drand round',
      (x) => {
        x.randomness.drandRound = DRAND.round + 1
      },
    ],
    [
      "an observer's commitment (a different reveal)",
      (x) => {
        x.randomness.observers[0]!.commitment = observerCommitment('aa'.repeat(16))
      },
    ],
  ]
  for (const [name, f] of changes) {
    it(`changes when ${name} changes`, () => {
      expect(commitInputs(mutate(f))).not.toBe(baseCommit)
    })
  }

  it('rejects inconsistent inputs', () => {
    expect(() =>
      commitInputs(mutate((x) => x.conflicts.push({ inspector: 'NOPE', entity: uscc(1) }))),
    ).toThrow(DrawInputError)
    expect(() => commitInputs(mutate((x) => x.entities.push({ ...x.entities[0]! })))).toThrow(
      /duplicate entity/,
    )
    expect(() =>
      commitInputs(
        mutate((x) => {
          x.entities[0]!.id = 'not-a-uscc'
        }),
      ),
    ).toThrow(DrawInputError)
    expect(() =>
      commitInputs(
        mutate((x) => {
          x.strata[0]!.count = 3
        }),
      ),
    ).toThrow(/exactly one/)
    expect(() =>
      commitInputs(
        mutate((x) => {
          x.requirements.inspectorsPerTarget = 1
        }),
      ),
    ).toThrow(DrawInputError)
  })
})

describe('seed derivation', () => {
  const plan = normaliseInputs(base).randomness
  it('verifies reveals and is reproducible', () => {
    const a = deriveSeed(plan, baseCommit, smallSources())
    const b = deriveSeed(plan, baseCommit, smallSources())
    expect(a.ok && b.ok && a.seed === b.seed).toBe(true)
  })
  it('a changed reveal is rejected against the commitment; with a matching commitment it changes the seed', () => {
    const bad = deriveSeed(plan, baseCommit, {
      drand: DRAND,
      reveals: [{ observer: 'Notary Office No. 1', value: 'aa'.repeat(16) }],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'revealMismatch' } })
    const other = mutate((x) => {
      x.randomness.observers[0]!.commitment = observerCommitment('aa'.repeat(16))
    })
    const r1 = createDrawRecord(base, smallSources())
    const r2 = createDrawRecord(other, {
      drand: DRAND,
      reveals: [{ observer: 'Notary Office No. 1', value: 'aa'.repeat(16) }],
    })
    expect(r1.ok && r2.ok).toBe(true)
    if (r1.ok && r2.ok) {
      expect(r2.record.commitment).not.toBe(r1.record.commitment)
      expect(r2.record.seed).not.toBe(r1.record.seed)
    }
  })
  it('rejects a missing or extra reveal and a wrong drand round', () => {
    expect(deriveSeed(plan, baseCommit, { drand: DRAND, reveals: [] })).toMatchObject({
      ok: false,
      error: { code: 'missingReveal' },
    })
    expect(
      deriveSeed(plan, baseCommit, {
        drand: DRAND,
        reveals: [...smallSources().reveals, { observer: 'Late', value: OBSERVER_VALUE }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'unexpectedReveal' } })
    expect(deriveSeed(plan, baseCommit, { ...smallSources(), drand: { ...DRAND, round: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'drandRoundMismatch' },
    })
  })
  it('depends on the drand randomness and on the commitment', () => {
    const s0 = deriveSeed(plan, baseCommit, smallSources())
    const s1 = deriveSeed(plan, baseCommit, {
      ...smallSources(),
      drand: { ...DRAND, randomness: '00'.repeat(32) },
    })
    const s2 = deriveSeed(plan, '00'.repeat(32), smallSources())
    expect(s0.ok && s1.ok && s2.ok).toBe(true)
    if (s0.ok && s1.ok && s2.ok) {
      expect(new Set([s0.seed, s1.seed, s2.seed]).size).toBe(3)
    }
  })
})
