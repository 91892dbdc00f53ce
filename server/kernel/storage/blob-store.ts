import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'

/**
 * Content-addressed blob storage: a blob's key is the lower-case hex SHA-256 of its bytes, so a
 * second upload of the same bytes is stored once. Writes stream through a temporary file while
 * hashing (never a whole file in memory) and become visible only when committed (fsync + rename),
 * so a rejected or interrupted upload leaves nothing under its address.
 */
export interface BlobStore {
  /** Streams `source` into a staging area; nothing is visible until `commit`. */
  stage(source: Readable, options?: StageOptions): Promise<StagedBlob>
  /** A readable stream of the blob's bytes, or undefined when absent. */
  open(sha256: string): Promise<Readable | undefined>
  has(sha256: string): Promise<boolean>
  /** Deletes the blob if present (orphan cleanup; callers make sure nothing refers to it). */
  remove(sha256: string): Promise<void>
}

export interface StageOptions {
  /** Bytes beyond this abort staging with {@link BlobTooLargeError}. */
  maxBytes?: number
  /** How many leading bytes to keep in `head` (for media-type sniffing). */
  headBytes?: number
}

export interface StagedBlob {
  sha256: string
  size: number
  /** The first `headBytes` bytes of the content. */
  head: Uint8Array
  /** Makes the blob durable and visible at its address (idempotent; a duplicate is dropped). */
  commit(): Promise<void>
  /** Removes the staging file. */
  discard(): Promise<void>
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError'
}

export const HEX64 = /^[0-9a-f]{64}$/

/**
 * Streams `source` into a new file in `tmpDir` while hashing it, keeping the first bytes; the file
 * is removed again on any error (size limit included).
 */
export async function stageToFile(
  tmpDir: string,
  source: Readable,
  options: StageOptions = {},
): Promise<{ tmp: string; sha256: string; size: number; head: Uint8Array }> {
  await fs.promises.mkdir(tmpDir, { recursive: true })
  const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`)
  const hash = createHash('sha256')
  const headLimit = options.headBytes ?? 64
  const headParts: Buffer[] = []
  let headLength = 0
  let size = 0
  const out = fs.createWriteStream(tmp, { flags: 'wx' })
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer
      size += buf.length
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        throw new BlobTooLargeError(`more than ${options.maxBytes} bytes`)
      }
      if (headLength < headLimit) {
        const part = buf.subarray(0, headLimit - headLength)
        headParts.push(Buffer.from(part))
        headLength += part.length
      }
      hash.update(buf)
      if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
  } catch (error) {
    out.destroy()
    await fs.promises.rm(tmp, { force: true })
    throw error
  }
  return { tmp, sha256: hash.digest('hex'), size, head: new Uint8Array(Buffer.concat(headParts)) }
}

/**
 * The default store: files under `<root>/sha256/<aa>/<hex>`, staged in `<root>/tmp/`.
 * @example const store = new LocalBlobStore(path.join(config.dataDir, 'blobs'))
 */
export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error('not a SHA-256 hex digest')
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256)
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedBlob> {
    const { tmp, sha256, size, head } = await stageToFile(path.join(this.root, 'tmp'), source, options)
    const target = this.pathOf(sha256)
    return {
      sha256,
      size,
      head,
      commit: async () => {
        if (fs.existsSync(target)) {
          await fs.promises.rm(tmp, { force: true })
          return
        }
        // fsync before the rename: an acknowledged deposit must find its bytes after a crash.
        const fd = await fs.promises.open(tmp, 'r')
        await fd.sync()
        await fd.close()
        await fs.promises.mkdir(path.dirname(target), { recursive: true })
        await fs.promises.rename(tmp, target)
      },
      discard: () => fs.promises.rm(tmp, { force: true }),
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!HEX64.test(sha256)) return undefined
    const file = this.pathOf(sha256)
    if (!fs.existsSync(file)) return undefined
    return fs.createReadStream(file)
  }

  async has(sha256: string): Promise<boolean> {
    return HEX64.test(sha256) && fs.existsSync(this.pathOf(sha256))
  }

  async remove(sha256: string): Promise<void> {
    if (HEX64.test(sha256)) await fs.promises.rm(this.pathOf(sha256), { force: true })
  }
}
