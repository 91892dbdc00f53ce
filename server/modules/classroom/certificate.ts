import { renderPdf } from '../../kernel/documents/pdf.ts'
import type { CertificateData } from './registrations.service.ts'
import { chinaDate } from './search-document.ts'

/** The 结业证书 as PDF (Chinese font embedded), rendered from stored data on each download. */
export function certificatePdf(c: CertificateData): Promise<Buffer> {
  const from = chinaDate(c.starts_at)
  const to = chinaDate(c.ends_at)
  const dates = from === to ? from : `${from} 至 ${to}`
  return renderPdf({
    info: { title: `结业证书 ${c.number}` },
    pageOrientation: 'landscape',
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    content: [
      { text: '结业证书', fontSize: 32, bold: true, alignment: 'center', margin: [0, 24, 0, 8] },
      { text: 'Certificate of Completion', fontSize: 14, alignment: 'center', margin: [0, 0, 0, 36] },
      {
        text: [{ text: c.name, bold: true, fontSize: 18 }, `　同志于 ${dates} 参加了知识产权课堂课程`],
        fontSize: 15,
        margin: [0, 0, 0, 12],
      },
      { text: `《${c.courseTitle}》`, fontSize: 20, bold: true, alignment: 'center', margin: [0, 12, 0, 12] },
      { text: `主讲：${c.lecturer}　　学习期满，准予结业，特发此证。`, fontSize: 15, margin: [0, 0, 0, 36] },
      { text: c.organizer, alignment: 'right', fontSize: 14 },
      { text: to, alignment: 'right', fontSize: 12, margin: [0, 4, 0, 24] },
      {
        text: `证书编号（验证号）：${c.number}　可在知保门户“知识产权课堂—证书验证”查验`,
        fontSize: 10,
        color: '#555555',
      },
    ],
  })
}
