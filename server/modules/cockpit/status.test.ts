import { describe, expect, it } from 'vitest'
import { milestoneState, periodBounds, periodsBetween, statusOf, type TrajectoryTarget } from './status.ts'

const count: TrajectoryTarget = {
  kind: 'count',
  direction: 'increase',
  comparator: 'atLeast',
  baseline: 0,
  targetValue: 100,
  rangeMin: null,
  rangeMax: null,
  dueDate: '2025-12-31',
  cumulative: true,
}
// A two-year plan: 2024-01-01 … 2025-12-31, so 2024-12-31 is (almost exactly) half way.
const start = '2024-01-01'

describe('status rule (docs/plan-format.md)', () => {
  it('is green on or ahead of the linear trajectory, amber within 10% of the distance, red beyond', () => {
    const mid = '2024-12-31'
    const { expected } = statusOf(count, start, 50, mid, 0)
    expect(expected).toBeCloseTo(50, 0)
    expect(statusOf(count, start, 51, mid, 0).status).toBe('green')
    expect(statusOf(count, start, 45, mid, 0).status).toBe('amber')
    expect(statusOf(count, start, 30, mid, 0).status).toBe('red')
  })
  it('at the due date the comparator decides: "more than" needs strictly more', () => {
    const moreThan = { ...count, comparator: 'moreThan' }
    expect(statusOf(count, start, 100, '2025-12-31', 0).status).toBe('green')
    expect(statusOf(moreThan, start, 100, '2025-12-31', 0).status).toBe('amber')
    expect(statusOf(moreThan, start, 101, '2025-12-31', 0).status).toBe('green')
  })
  it('a range aims at its lower bound and is met inside the bounds', () => {
    const range = { ...count, kind: 'range', targetValue: null, rangeMin: 2, rangeMax: 3, cumulative: false }
    expect(statusOf(range, start, 3, '2025-12-31', 0).status).toBe('green')
    expect(statusOf(range, start, 1, '2025-12-31', 0).status).toBe('red')
  })
  it('decreasing targets (ranks) are green at or below the line', () => {
    const rank = { ...count, direction: 'decrease', baseline: 10, targetValue: 2, cumulative: false }
    expect(statusOf(rank, start, 5, '2024-12-31', 10).status).toBe('green')
    expect(statusOf(rank, start, 9, '2024-12-31', 10).status).toBe('red')
  })
  it('is grey without a value, a numeric target or a baseline', () => {
    expect(statusOf(count, start, null, '2024-06-30', 0).status).toBe('grey')
    expect(statusOf({ ...count, targetValue: null }, start, 5, '2024-06-30', 0).status).toBe('grey')
    expect(statusOf(count, start, 5, '2024-06-30', null).status).toBe('grey')
  })
  it('milestones are pending, done on time, late, or overdue', () => {
    expect(milestoneState('2024-06-30', null, '2024-06-30')).toBe('pending')
    expect(milestoneState('2024-06-30', null, '2024-07-01')).toBe('overdue')
    expect(milestoneState('2024-06-30', '2024-06-30', '2024-07-01')).toBe('done')
    expect(milestoneState('2024-06-30', '2024-07-02', '2024-08-01')).toBe('late')
  })
  it('periods: months and quarters with their bounds', () => {
    expect(periodBounds('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' })
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(periodsBetween('2022-11-05', '2023-06-30', 'quarterly')).toEqual(['2022-Q4', '2023-Q1', '2023-Q2'])
  })
})
