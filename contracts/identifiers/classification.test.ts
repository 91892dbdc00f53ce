import { describe, expect, it } from 'vitest'
import { niceClassCategory, validateLocarnoClass, validateNiceClass } from './classification.ts'
import { validateIpc } from './ipc.ts'

describe('validateIpc', () => {
  it.each([
    ['A61K 31/495', 'A61K 31/495'],
    ['A61K31/495', 'A61K 31/495'],
    ['H04L 9/32', 'H04L 9/32'],
    ['h04l9/32', 'H04L 9/32'],
    ['A61K 31/00', 'A61K 31/00'],
    ['A61K', 'A61K'],
    ['G06F  16/3344', 'G06F 16/3344'],
    ['H04L   9/32', 'H04L 9/32'],
    ['A61K0031/495', 'A61K 31/495'],
    ['A61K 31/495 (2006.01)', 'A61K 31/495'],
    ['A61K31/495(2006.01)', 'A61K 31/495'],
    ['Ａ６１Ｋ　３１／４９５', 'A61K 31/495'],
  ])('normalises %s → %s', (input, value) => {
    expect(validateIpc(input)).toEqual({ ok: true, value })
  })

  it.each([
    'I61K 31/495',
    'A6K 31/495',
    'A61 31/495',
    'A61K 31/4',
    'A61K 31/1234567',
    'A61K 12345/00',
    'A61K 31',
    'A61K31495',
    'A61K 31-495',
  ])('rejects %s with format', (input) => {
    expect(validateIpc(input)).toEqual({ ok: false, kind: 'ipc', reason: 'format' })
  })

  it('rejects main group 0 with range and the empty string with empty', () => {
    expect(validateIpc('A61K 0/00')).toEqual({ ok: false, kind: 'ipc', reason: 'range' })
    expect(validateIpc('')).toEqual({ ok: false, kind: 'ipc', reason: 'empty' })
  })
})

describe('validateNiceClass', () => {
  it.each([
    ['1', 1],
    ['09', 9],
    ['34', 34],
    ['35', 35],
    ['45', 45],
    ['第9类', 9],
    ['第 35 类', 35],
    ['42类', 42],
    ['１２', 12],
  ])('accepts %s as %d', (input, value) => {
    expect(validateNiceClass(input)).toEqual({ ok: true, value })
  })

  it('accepts a number', () => {
    expect(validateNiceClass(25)).toEqual({ ok: true, value: 25 })
  })

  it.each(['0', '46', '99', '00'])('rejects %s with range', (input) => {
    expect(validateNiceClass(input)).toEqual({ ok: false, kind: 'niceClass', reason: 'range' })
  })

  it.each(['9.5', '-1', '100', 'nine', '9a', '第九类', 2.5])('rejects %s with format', (input) => {
    expect(validateNiceClass(input)).toEqual({ ok: false, kind: 'niceClass', reason: 'format' })
  })

  it('rejects the empty string', () => {
    expect(validateNiceClass('')).toEqual({ ok: false, kind: 'niceClass', reason: 'empty' })
  })

  it('splits goods (1–34) from services (35–45)', () => {
    expect(niceClassCategory(1)).toBe('goods')
    expect(niceClassCategory(34)).toBe('goods')
    expect(niceClassCategory(35)).toBe('services')
    expect(niceClassCategory(45)).toBe('services')
  })
})

describe('validateLocarnoClass', () => {
  it.each([
    ['06-01', '06-01'],
    ['6-1', '06-01'],
    ['32-00', '32-00'],
    ['14 - 03', '14-03'],
    ['01-99', '01-99'],
    ['０６－０１', '06-01'],
  ])('normalises %s → %s', (input, value) => {
    expect(validateLocarnoClass(input)).toEqual({ ok: true, value })
  })

  it.each(['00-01', '33-01', '99-00'])('rejects %s with range', (input) => {
    expect(validateLocarnoClass(input)).toEqual({ ok: false, kind: 'locarnoClass', reason: 'range' })
  })

  it.each(['0601', '06/01', '06-001', '6', 'A6-01', '06-'])('rejects %s with format', (input) => {
    expect(validateLocarnoClass(input)).toEqual({ ok: false, kind: 'locarnoClass', reason: 'format' })
  })

  it('rejects the empty string', () => {
    expect(validateLocarnoClass('')).toEqual({ ok: false, kind: 'locarnoClass', reason: 'empty' })
  })
})
