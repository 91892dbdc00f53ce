import { describe, expect, it } from 'vitest'
import { chinaToday } from './today.ts'

describe('chinaToday', () => {
  it('is the date in China, not the browser’s', () => {
    expect(chinaToday(new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26')
    expect(chinaToday(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25')
  })
})
