import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPdf } from './pdf.ts'

describe('renderPdf', () => {
  it('produces a PDF whose text extracts back as the same Chinese, with the font embedded', async () => {
    const pdf = await renderPdf({
      content: [{ text: '受理通知书', bold: true, fontSize: 18 }, '苏州市知识产权保护中心'],
    })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zb-pdf-')), 'notice.pdf')
    fs.writeFileSync(file, pdf)
    let text: string
    try {
      text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    } catch {
      // poppler-utils absent: fall back to checking the embedded font name
      expect(pdf.toString('latin1')).toMatch(/NotoSansSC/)
      return
    }
    expect(text).toContain('受理通知书')
    expect(text).toContain('苏州市知识产权保护中心')
  })
})
