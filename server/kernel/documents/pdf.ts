import { createRequire } from 'node:module'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

const require = createRequire(import.meta.url)
// pdfmake 0.3 is CommonJS and exports a singleton; fonts are npm-shipped Noto Sans SC, so PDFs embed
// their Chinese glyphs and do not depend on fonts installed on the machine.
const pdfmake = require('pdfmake') as {
  addFonts(fonts: Record<string, Record<string, string>>): void
  setUrlAccessPolicy(callback: (url: string) => boolean): void
  setLocalAccessPolicy(callback: (path: string) => boolean): void
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> }
}

const fontDir = require.resolve('@expo-google-fonts/noto-sans-sc/package.json').replace(/package\.json$/, '')
const regular = `${fontDir}400Regular/NotoSansSC_400Regular.ttf`
const bold = `${fontDir}700Bold/NotoSansSC_700Bold.ttf`

pdfmake.addFonts({ NotoSansSC: { normal: regular, bold, italics: regular, bolditalics: bold } })
// Documents are built from our own data only: no remote URLs, no local files but the fonts.
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy((path) => path === regular || path === bold)

/**
 * Renders a pdfmake document definition to PDF bytes, in Noto Sans SC by default.
 * @example const pdf = await renderPdf({ content: [{ text: '受理通知书', bold: true }] })
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake
    .createPdf({
      ...definition,
      defaultStyle: { font: 'NotoSansSC', fontSize: 11, ...definition.defaultStyle },
    })
    .getBuffer()
}
