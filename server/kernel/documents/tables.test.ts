import { describe, expect, it } from 'vitest'
import { readTable, writeXlsx } from './tables.ts'

describe('tabular import and export', () => {
  it('round-trips an Excel sheet with Chinese headers and reports spreadsheet row numbers', async () => {
    const data = await writeXlsx([
      {
        name: '企业名录',
        columns: [
          { header: '统一社会信用代码', key: 'uscc' },
          { header: '名称', key: 'name' },
        ],
        rows: [
          { uscc: '914403001922038216', name: '华为技术有限公司' },
          { uscc: '', name: '' },
          { uscc: '91330100716105852F', name: '某公司, "引号"' },
        ],
      },
    ])
    const table = await readTable(data, 'xlsx')
    expect(table.header).toEqual(['统一社会信用代码', '名称'])
    expect(table.rows).toEqual([
      { row: 2, values: { 统一社会信用代码: '914403001922038216', 名称: '华为技术有限公司' } },
      { row: 4, values: { 统一社会信用代码: '91330100716105852F', 名称: '某公司, "引号"' } },
    ])
  })

  it('reads CSV with a BOM, quotes, doubled quotes, CRLF and skips blank lines', async () => {
    const csv = '\uFEFF名称,备注\r\n"苏州, 园区","说""明"""\r\n\r\n昆山,\n'
    const table = await readTable(Buffer.from(csv), 'csv')
    expect(table.rows).toEqual([
      { row: 2, values: { 名称: '苏州, 园区', 备注: '说"明"' } },
      { row: 4, values: { 名称: '昆山', 备注: '' } },
    ])
  })
})
