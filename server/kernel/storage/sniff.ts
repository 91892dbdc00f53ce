/**
 * Media-type sniffing: the declared type of an uploaded file must agree with its first bytes for
 * the common kinds of evidence. Types outside this table are refused (415), except
 * application/octet-stream, which claims nothing and so cannot be contradicted.
 */
const startsWith =
  (sig: number[], offset = 0) =>
  (h: Uint8Array) =>
    h.length >= offset + sig.length && sig.every((b, i) => h[offset + i] === b)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const PDF = startsWith(ascii('%PDF-'))
const PNG = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const JPEG = startsWith([0xff, 0xd8, 0xff])
const GIF = (h: Uint8Array) => startsWith(ascii('GIF87a'))(h) || startsWith(ascii('GIF89a'))(h)
const WEBP = (h: Uint8Array) => startsWith(ascii('RIFF'))(h) && startsWith(ascii('WEBP'), 8)(h)
const FTYP = startsWith(ascii('ftyp'), 4)
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04])
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const WEBM = startsWith([0x1a, 0x45, 0xdf, 0xa3])
const MP3 = (h: Uint8Array) =>
  startsWith(ascii('ID3'))(h) || (h.length >= 2 && h[0] === 0xff && (h[1]! & 0xe0) === 0xe0)
const WARC = startsWith(ascii('WARC/'))
const BINARY = [PDF, PNG, JPEG, GIF, WEBP, FTYP, ZIP, OLE, WEBM]

/** Text: no NUL byte, valid UTF-8 (ignoring a character cut at the end), no binary signature. */
function text(h: Uint8Array): boolean {
  if (h.includes(0)) return false
  if (BINARY.some((b) => b(h))) return false
  for (let cut = 0; cut <= Math.min(3, h.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(h.subarray(0, h.length - cut))
      return true
    } catch {}
  }
  return false
}

const RULES: Record<string, (head: Uint8Array) => boolean> = {
  'application/pdf': PDF,
  'image/png': PNG,
  'image/jpeg': JPEG,
  'image/gif': GIF,
  'image/webp': WEBP,
  'video/mp4': FTYP,
  'video/quicktime': FTYP,
  'image/heic': FTYP,
  'video/webm': WEBM,
  'audio/mpeg': MP3,
  'application/zip': ZIP,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/warc': WARC,
  'text/plain': text,
  'text/html': text,
  'text/csv': text,
  'application/json': text,
  'message/rfc822': text,
  'multipart/related': text,
  'application/octet-stream': () => true,
}

/** Bytes the sniffer needs from the start of a file. */
export const SNIFF_BYTES = 512

/** Lower-cased `type/subtype` without parameters. */
export function normalizeMediaType(declared: string | undefined): string {
  return (declared ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase()
}

/**
 * True when `head` (the first bytes) is plausible for the declared type.
 * @example sniffMatches('application/pdf', new TextEncoder().encode('%PDF-1.7')) // true
 */
export function sniffMatches(mediaType: string, head: Uint8Array): boolean {
  const rule = RULES[mediaType]
  return rule ? rule(head) : false
}
