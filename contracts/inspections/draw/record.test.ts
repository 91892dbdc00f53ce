import { describe, expect, it } from 'vitest'
import { smallInputs, smallSources, uscc } from './fixtures.test-util.ts'
import { createDrawRecord, type DrawRecord, verifyDrawRecord } from './record.ts'

function record(): DrawRecord {
  const r = createDrawRecord(smallInputs(), smallSources())
  if (!r.ok) throw new Error(JSON.stringify(r))
  return JSON.parse(JSON.stringify(r.record)) as DrawRecord
}

describe('DrawRecord', () => {
  it('is reproducible: same inputs and sources → identical record', () => {
    expect(JSON.stringify(record())).toBe(JSON.stringify(record()))
  })

  it('verifies after a JSON round trip', () => {
    expect(verifyDrawRecord(record())).toEqual({ ok: true })
  })

  it('publishes only badge, name, agency, qualifications and capacity of inspectors', () => {
    const inputs = smallInputs()
    ;(inputs.inspectors[0] as Record<string, unknown>).idCardNumber = '310101199001011234'
    const r = createDrawRecord(inputs, smallSources())
    expect(r.ok).toBe(true)
    if (r.ok) {
      for (const i of r.record.inputs.inspectors) {
        expect(Object.keys(i).sort()).toEqual(['agency', 'badge', 'capacity', 'name', 'qualifications'])
      }
      expect(JSON.stringify(r.record)).not.toContain('310101199001011234')
    }
    const rec = record() as unknown as { inputs: { inspectors: Record<string, unknown>[] } }
    rec.inputs.inspectors[0]!.phone = '13800000000'
    expect(verifyDrawRecord(rec)).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('reports randomness and draw failures from createDrawRecord', () => {
    expect(createDrawRecord(smallInputs(), { drand: smallSources().drand, reveals: [] })).toMatchObject({
      ok: false,
      stage: 'randomness',
      error: { code: 'missingReveal' },
    })
    const inputs = smallInputs()
    inputs.strata = [{ stratum: 'A', count: 50 }]
    expect(createDrawRecord(inputs, smallSources())).toMatchObject({
      ok: false,
      stage: 'draw',
      error: { code: 'stratumTooSmall' },
    })
  })

  describe('tampering fails verification with a reason', () => {
    it('a swapped inspector in the result', () => {
      const r = record()
      const t = r.result.targets[2]!
      const other = r.inputs.inspectors.find((i) => !t.inspectors.includes(i.badge))!
      t.inspectors[1] = other.badge
      expect(verifyDrawRecord(r)).toMatchObject({
        ok: false,
        reason: 'resultMismatch',
        firstDifference: { path: 'result.targets[2].inspectors[1]', actual: other.badge },
      })
    })
    it('a replaced target', () => {
      const r = record()
      r.result.targets[0]!.entity = uscc(39)
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'resultMismatch' })
    })
    it('a dropped target', () => {
      const r = record()
      r.result.targets.pop()
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'resultMismatch' })
    })
    it('a changed input (capacity)', () => {
      const r = record()
      r.inputs.inspectors[0]!.capacity += 1
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'commitmentMismatch' })
    })
    it('a removed conflict', () => {
      const r = record()
      r.inputs.conflicts.pop()
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'commitmentMismatch' })
    })
    it('a changed reveal', () => {
      const r = record()
      r.randomness.reveals[0]!.value = 'ab'.repeat(16)
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'randomnessInvalid' })
    })
    it('a changed drand randomness (seed no longer follows)', () => {
      const r = record()
      r.randomness.drand!.randomness = '11'.repeat(32)
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'seedMismatch' })
    })
    it('a changed seed', () => {
      const r = record()
      r.seed = '00'.repeat(32)
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'seedMismatch' })
    })
    it('a different algorithm version', () => {
      const r = record()
      r.algorithmVersion = 'zhibao-draw/2'
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'unsupportedAlgorithmVersion' })
    })
    it('an edited summary', () => {
      const r = record()
      r.result.strata[0]!.eligible += 1
      expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'resultMismatch' })
    })
    it('garbage', () => {
      expect(verifyDrawRecord(null)).toMatchObject({ ok: false, reason: 'malformed' })
      expect(verifyDrawRecord({ format: 'x' })).toMatchObject({ ok: false, reason: 'malformed' })
    })
    it('an entity with an extra field, a missing exclusion or a non-string attribute', () => {
      const edits: ((e: Record<string, unknown>) => void)[] = [
        (e) => {
          e.phone = '13800000000'
        },
        (e) => {
          delete e.excluded
        },
        (e) => {
          e.attributes = { category: 1 }
        },
      ]
      for (const edit of edits) {
        const r = record()
        edit(r.inputs.entities[5] as unknown as Record<string, unknown>)
        expect(verifyDrawRecord(r)).toMatchObject({ ok: false, reason: 'malformed' })
      }
    })
  })
})
