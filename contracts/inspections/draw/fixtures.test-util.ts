/** Test fixtures for the draw tests (not part of the public API). */
import type { DrawInputs } from './inputs.ts'
import { observerCommitment } from './seed.ts'

/** A USCC-formatted id for test entity number i (format only; no check digit). */
export function uscc(i: number): string {
  return `91310000${String(i).padStart(10, '0')}`
}

export const OBSERVER_VALUE = '00112233445566778899aabbccddeeff'
export const OBSERVER_VALUE_2 = 'ffeeddccbbaa99887766554433221100'
export const DRAND = {
  round: 35_107_012,
  randomness: 'a40d3e0e7e3c71f28b7da2fd339f47f0bcf10910309f5253d7c323ec8cea3212',
}

/** A small, feasible plan: 40 entities in 2 categories, 8 inspectors, a few conflicts and ties. */
export function smallInputs(): DrawInputs {
  const entities = Array.from({ length: 40 }, (_, i) => ({
    id: uscc(i),
    attributes: { category: i % 2 === 0 ? 'A' : 'B', district: '310101' },
    excluded: i === 4 ? 'inspectedThisYear' : null,
  }))
  const inspectors = Array.from({ length: 8 }, (_, i) => ({
    badge: `SH${String(i).padStart(4, '0')}`,
    name: `Inspector ${i}`,
    agency: i < 4 ? 'Pudong AMR' : 'Huangpu AMR',
    qualifications: i % 3 === 0 ? ['law-enforcement', 'patent'] : ['law-enforcement'],
    capacity: 3,
  }))
  return {
    algorithmVersion: 'zhibao-draw/1',
    planId: '2026-Q4-SH-IP-01',
    stratifyBy: ['category'],
    rounding: 'ceil',
    strata: [
      { stratum: 'A', ratio: '0.25' },
      { stratum: 'B', count: 3, items: ['trademark-use'] },
    ],
    entities,
    inspectors,
    conflicts: [
      { inspector: 'SH0001', entity: uscc(0) },
      { inspector: 'SH0002', entity: uscc(2) },
    ],
    ties: [{ inspector: 'SH0003', entity: uscc(1), kind: 'previousInspector' }],
    requirements: {
      inspectorsPerTarget: 2,
      items: [
        { id: 'patent-marking', requiredQualifications: ['law-enforcement'] },
        { id: 'trademark-use', requiredQualifications: ['law-enforcement'] },
      ],
    },
    randomness: {
      drandRound: DRAND.round,
      observers: [{ name: 'Notary Office No. 1', commitment: observerCommitment(OBSERVER_VALUE) }],
    },
  }
}

export function smallSources() {
  return { drand: DRAND, reveals: [{ observer: 'Notary Office No. 1', value: OBSERVER_VALUE }] }
}
