/**
 * Worked vectors of docs/draw-algorithm.md §10. The seed and the target selection were recomputed
 * independently in Python from the specification text.
 */
import { describe, expect, it } from 'vitest'
import { OBSERVER_VALUE, smallInputs, smallSources } from './fixtures.test-util.ts'
import { commitInputs } from './inputs.ts'
import { createDrawRecord, verifyDrawRecord } from './record.ts'
import { observerCommitment } from './seed.ts'

describe('worked vector (docs §10)', () => {
  const r = createDrawRecord(smallInputs(), smallSources())
  it('observer commitment, input commitment and seed', () => {
    expect(observerCommitment(OBSERVER_VALUE)).toBe(
      'a8faed6abbf35c12a4b26e40f6feb19d736d90045c83b9f9a31f638d323e6811',
    )
    expect(commitInputs(smallInputs())).toBe(
      '6a96ffa1d5d1743636a2275cf364255004036db43f03f9393ffef73c28ed3b24',
    )
    expect(r.ok && r.record.seed).toBe('de6ef5df8eb72e3f5d633ca66ac63db40958fd69f2db069658d7ad03b5f48f7f')
  })
  it('targets and inspectors', () => {
    expect(r.ok && r.record.result.targets.map((t) => `${t.entity} ${t.inspectors.join(',')}`)).toEqual([
      '913100000000000000 SH0006,SH0002',
      '913100000000000028 SH0006,SH0003',
      '913100000000000024 SH0002,SH0001',
      '913100000000000002 SH0007,SH0003',
      '913100000000000014 SH0005,SH0001',
      '913100000000000027 SH0003,SH0004',
      '913100000000000017 SH0006,SH0000',
      '913100000000000023 SH0002,SH0001',
    ])
    expect(r.ok && verifyDrawRecord(JSON.parse(JSON.stringify(r.record)))).toEqual({ ok: true })
  })
})
