import QRCode from 'qrcode'
import {
  base64Decode,
  bytesToHex,
  decodeEntry,
  leafHash,
  parseCheckpoint,
  parseNote,
  type Receipt,
} from '../../../contracts/evidence/index.ts'
import type { DepositView } from '../../../contracts/evidence-api.ts'
import { renderPdf } from '../../kernel/documents/pdf.ts'

/**
 * The printable certificate (存证证书): the human part of a receipt. What it shows is only a
 * rendering; the machine-checkable statement is the receipt JSON, which the QR code's page verifies.
 */
export async function renderReceiptPdf(
  receipt: Receipt,
  deposit: DepositView,
  publicUrl: string,
): Promise<Buffer> {
  const entryBytes = base64Decode(receipt.entry)!
  const entry = decodeEntry(entryBytes)
  const note = parseNote(receipt.checkpoint)
  const checkpoint = parseCheckpoint(note.text)
  const verifyUrl = `${publicUrl.replace(/\/$/, '')}/verify/evidence?index=${receipt.index}`
  const qr = await QRCode.toDataURL(verifyUrl, { margin: 1, width: 220 })
  const row = (label: string, value: string) => [
    { text: label, bold: true, fontSize: 9 },
    { text: value, fontSize: 9 },
  ]
  return renderPdf({
    info: { title: `存证证书 ${deposit.id}` },
    content: [
      {
        text: '电子数据存证证书 Evidence Deposit Certificate',
        bold: true,
        fontSize: 16,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          widths: [120, '*'],
          body: [
            row('存证编号 Deposit', deposit.id),
            row('标题 Title', deposit.title),
            row('接收时间 Received (UTC)', entry.receivedAt),
            row('日志 Log origin', receipt.logOrigin),
            row('日志序号 Log index', String(receipt.index)),
            row('树大小 Tree size', String(checkpoint.size)),
            row('根哈希 Root hash', bytesToHex(checkpoint.rootHash)),
            row('叶哈希 Leaf hash', bytesToHex(leafHash(entryBytes))),
            row('签名密钥 Signed by', note.signatures.map((s) => `${s.name} ${s.keyId}`).join('\n')),
            row('存证人承诺 Depositor commitment', entry.depositor),
          ],
        },
      },
      { text: '文件 Files (SHA-256)', bold: true, margin: [0, 12, 0, 4] },
      {
        table: {
          widths: ['*', 60, 110],
          body: [
            [
              { text: 'SHA-256', bold: true, fontSize: 8 },
              { text: '大小 Size', bold: true, fontSize: 8 },
              { text: '类型 Type', bold: true, fontSize: 8 },
            ],
            ...entry.blobs.map((b) => [
              { text: b.sha256, fontSize: 8 },
              { text: String(b.size), fontSize: 8 },
              { text: b.mediaType, fontSize: 8 },
            ]),
          ],
        },
      },
      {
        columns: [
          { image: qr, width: 110 },
          {
            text: [
              '核验：扫码或访问 ',
              { text: verifyUrl, color: '#1677ff' },
              '，上传凭证 JSON（及原文件，仅在浏览器中计算哈希，不上传）即可离线核验。\n',
              'Verify: open the address, give it the receipt JSON (and the file: hashed in your browser, never uploaded); or run `zhibao verify receipt.json file`.',
            ],
            fontSize: 9,
            margin: [12, 8, 0, 0],
          },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
  })
}
