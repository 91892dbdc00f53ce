import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import { type BlobStore, HEX64, type StagedBlob, type StageOptions, stageToFile } from './blob-store.ts'

/** Settings of an S3-compatible object store (MinIO, Ceph RGW, OSS, COS, OBS, AWS…). */
export interface S3BlobStoreOptions {
  /** Endpoint URL; absent: the SDK's default for the region. */
  endpoint?: string
  bucket: string
  region: string
  /** Absent: the SDK's default credential chain (environment, profile, instance role). */
  accessKeyId?: string
  secretAccessKey?: string
  /** Path-style addressing (`<endpoint>/<bucket>/<key>`), which most self-hosted stores need. */
  forcePathStyle?: boolean
  /** Key prefix, e.g. `zhibao/`; objects are `<prefix>sha256/<aa>/<hex>`. */
  prefix?: string
  /** Local directory where uploads are staged while hashed, before they are sent. */
  stagingDir: string
}

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404
}

/**
 * Content-addressed blobs in an S3-compatible bucket. An upload is streamed into a local staging
 * file while hashed (its address is known only at the end), then `commit` streams that file to
 * `<prefix>sha256/<aa>/<hex>` unless the object exists already. Reads stream the object's body.
 * The SDK is loaded on first use, so a server on the local store never loads it.
 * @example new S3BlobStore({ endpoint: 'http://127.0.0.1:9000', bucket: 'zhibao', region: 'us-east-1', stagingDir })
 */
export class S3BlobStore implements BlobStore {
  private client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined

  constructor(readonly options: S3BlobStoreOptions) {}

  keyOf(sha256: string): string {
    if (!HEX64.test(sha256)) throw new Error('not a SHA-256 hex digest')
    return `${this.options.prefix ?? ''}sha256/${sha256.slice(0, 2)}/${sha256}`
  }

  private connect() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const o = this.options
      const s3 = new sdk.S3Client({
        region: o.region,
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        forcePathStyle: o.forcePathStyle ?? true,
        ...(o.accessKeyId && o.secretAccessKey
          ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } }
          : {}),
        // Many S3-compatible stores reject the SDK's default aws-chunked CRC trailers; we send the
        // SHA-256 we computed instead, which the store checks where it supports it.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      })
      return { s3, sdk }
    })
    return this.client
  }

  async stage(source: Readable, options: StageOptions = {}): Promise<StagedBlob> {
    const { tmp, sha256, size, head } = await stageToFile(this.options.stagingDir, source, options)
    return {
      sha256,
      size,
      head,
      commit: async () => {
        try {
          if (await this.has(sha256)) return
          const { s3, sdk } = await this.connect()
          await s3.send(
            new sdk.PutObjectCommand({
              Bucket: this.options.bucket,
              Key: this.keyOf(sha256),
              Body: fs.createReadStream(tmp),
              ContentLength: size,
              ContentType: 'application/octet-stream',
              ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
            }),
          )
        } finally {
          await fs.promises.rm(tmp, { force: true })
        }
      },
      discard: () => fs.promises.rm(tmp, { force: true }),
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!HEX64.test(sha256)) return undefined
    const { s3, sdk } = await this.connect()
    try {
      const out = await s3.send(
        new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }),
      )
      return out.Body as Readable
    } catch (error) {
      if (notFound(error)) return undefined
      throw error
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!HEX64.test(sha256)) return false
    const { s3, sdk } = await this.connect()
    try {
      await s3.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }))
      return true
    } catch (error) {
      if (notFound(error)) return false
      throw error
    }
  }

  async remove(sha256: string): Promise<void> {
    if (!HEX64.test(sha256)) return
    const { s3, sdk } = await this.connect()
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }))
  }

  /** Closes the client's connections (tests, shutdown). */
  async close(): Promise<void> {
    if (this.client) (await this.client).s3.destroy()
  }
}

/** Where a store stages uploads for S3: beside the local blobs, on the same disk as DATA_DIR. */
export function s3StagingDir(dataDir: string): string {
  return path.join(dataDir, 'blobs', 'tmp')
}
