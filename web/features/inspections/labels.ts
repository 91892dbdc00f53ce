import type { InspectionTarget } from '../../../contracts/inspections-api.ts'

/** drand quicknet (trust.md C.2): the round that resolves at `at`. */
export function quicknetRound(at: Date): number {
  return Math.floor((Math.floor(at.getTime() / 1000) - 1_692_803_367) / 3) + 1
}

/** The wall-clock time a quicknet round resolves. */
export function quicknetTime(round: number): Date {
  return new Date((1_692_803_367 + (round - 1) * 3) * 1000)
}

export const outcomeColor: Record<NonNullable<InspectionTarget['outcome']>, string> = {
  noProblem: 'green',
  problemFound: 'red',
  problemCorrected: 'orange',
  notFoundAtAddress: 'gold',
  refusedInspection: 'volcano',
}
