import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlobTooLargeError } from './blob-store.ts'
import { S3BlobStore } from './s3-blob-store.ts'

// The S3 adapter against a real S3-compatible HTTP server (s3rver, run in this process on a free
// port): signed requests, streamed PUT and GET, HEAD and DELETE, as a MinIO or a cloud store sees them.
describe('S3-compatible blob store', () => {
  let server: S3rver
  let dir: string
  let store: S3BlobStore
  let endpoint: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-s3-'))
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: path.join(dir, 'server'),
      configureBuckets: [{ name: 'zhibao-evidence', configs: [] }],
    })
    const address = await server.run()
    endpoint = `http://127.0.0.1:${address.port}`
    store = new S3BlobStore({
      endpoint,
      bucket: 'zhibao-evidence',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      prefix: 'test/',
      stagingDir: path.join(dir, 'staging'),
    })
  })
  afterAll(async () => {
    await store.close()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
  const staging = () =>
    fs.existsSync(path.join(dir, 'staging')) ? fs.readdirSync(path.join(dir, 'staging')) : []

  it('stores by SHA-256, reads back, deduplicates, removes, and leaves no staging file', async () => {
    const bytes = Buffer.from('%PDF-1.7\nevidence in a bucket\n')
    const staged = await store.stage(Readable.from([bytes]), { headBytes: 5 })
    expect(staged.sha256).toBe(sha(bytes))
    expect(Buffer.from(staged.head).toString()).toBe('%PDF-')
    expect(await store.has(staged.sha256)).toBe(false)
    await staged.commit()
    expect(await store.has(staged.sha256)).toBe(true)
    const stream = await store.open(staged.sha256)
    const chunks: Buffer[] = []
    for await (const c of stream!) chunks.push(c as Buffer)
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true)
    // The object sits under the prefix and content address, in the server's bucket directory.
    expect(store.keyOf(staged.sha256)).toBe(`test/sha256/${staged.sha256.slice(0, 2)}/${staged.sha256}`)
    const again = await store.stage(Readable.from([bytes]))
    await again.commit()
    expect(staging()).toEqual([])
    await store.remove(staged.sha256)
    expect(await store.has(staged.sha256)).toBe(false)
    expect(await store.open(staged.sha256)).toBeUndefined()
    expect(await store.open('not-a-digest')).toBeUndefined()
  })

  it('streams a 64 MB blob both ways in chunks, and refuses an oversized one before sending anything', async () => {
    const chunk = Buffer.alloc(1024 * 1024)
    const total = 64
    const hash = createHash('sha256')
    function* source() {
      for (let i = 0; i < total; i++) {
        chunk.fill(i % 251)
        hash.update(chunk)
        yield Buffer.from(chunk)
      }
    }
    const staged = await store.stage(Readable.from(source()))
    expect(staged.size).toBe(total * chunk.length)
    expect(staged.sha256).toBe(hash.digest('hex'))
    await staged.commit()
    const back = createHash('sha256')
    let size = 0
    let largest = 0
    for await (const c of (await store.open(staged.sha256))!) {
      back.update(c as Buffer)
      size += (c as Buffer).length
      largest = Math.max(largest, (c as Buffer).length)
    }
    expect(size).toBe(total * chunk.length)
    expect(back.digest('hex')).toBe(staged.sha256)
    // Read as a stream: no chunk is anywhere near the whole object.
    expect(largest).toBeLessThan(4 * 1024 * 1024)

    const big = Readable.from([Buffer.alloc(2048), Buffer.alloc(2048)])
    await expect(store.stage(big, { maxBytes: 3000 })).rejects.toBeInstanceOf(BlobTooLargeError)
    expect(staging()).toEqual([])
  })

  it('reports an unreachable store as an error, not as a missing blob', async () => {
    const dead = new S3BlobStore({
      endpoint: 'http://127.0.0.1:9',
      bucket: 'zhibao-evidence',
      region: 'us-east-1',
      accessKeyId: 'x',
      secretAccessKey: 'y',
      stagingDir: path.join(dir, 'staging'),
    })
    await expect(dead.has('a'.repeat(64))).rejects.toThrow()
    await dead.close()
  })
})
