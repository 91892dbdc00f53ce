import ExcelJS from 'exceljs'

/**
 * Tabular import and export, one small module so every importer reads Excel and CSV the same way
 * and reports errors by the row number a user sees in their spreadsheet.
 */
export interface ImportedRow {
  /** 1-based row number as shown by the spreadsheet (the header is row 1). */
  row: number
  values: Record<string, string>
}

export interface ImportedTable {
  header: string[]
  rows: ImportedRow[]
}

/** Reads the first sheet of an .xlsx file, or a UTF-8 CSV (with or without BOM), by its first row's headers. */
export async function readTable(
  data: Buffer,
  kind: 'xlsx' | 'csv',
  options: { sheet?: string } = {},
): Promise<ImportedTable> {
  return kind === 'csv' ? readCsv(data.toString('utf8')) : readXlsx(data, options.sheet)
}

async function readXlsx(data: Buffer, sheetName?: string): Promise<ImportedTable> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ArrayBuffer)
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0]
  if (!sheet) return { header: [], rows: [] }
  const header: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell.value).trim()
  })
  const rows: ImportedRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return
    const values: Record<string, string> = {}
    header.forEach((name, index) => {
      if (name) values[name] = cellText(row.getCell(index + 1).value).trim()
    })
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: number, values })
  })
  return { header, rows }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
function readCsv(text: string): ImportedTable {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      record.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += c
  }
  if (field !== '' || record.length) {
    record.push(field)
    records.push(record)
  }
  const [headerRecord = [], ...body] = records
  const header = headerRecord.map((h) => h.trim())
  const rows = body
    .map((cells, index) => ({
      row: index + 2,
      values: Object.fromEntries(header.map((name, column) => [name, (cells[column] ?? '').trim()])),
    }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''))
  return { header, rows }
}

/** Writes one sheet with a bold header row; values are written as given (strings, numbers, dates). */
export async function writeXlsx(
  sheets: {
    name: string
    columns: { header: string; key: string; width?: number }[]
    rows: Record<string, unknown>[]
  }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name)
    sheet.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }))
    sheet.getRow(1).font = { bold: true }
    for (const row of s.rows) sheet.addRow(row)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
