import { describe, expect, it } from 'vitest'
import { locateImportProblem } from './ImportReport.tsx'

describe('locateImportProblem', () => {
  it('reads spreadsheet rows and JSON items (counted from 1)', () => {
    expect(locateImportProblem('row 7: holders.0.uscc')).toEqual({ row: '7', field: 'holders.0.uscc' })
    expect(locateImportProblem('assets[2].number')).toEqual({ row: '3', field: 'number' })
    expect(locateImportProblem('file')).toEqual({ row: '', field: 'file' })
  })
})
