import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { multipart } from './testing/multipart.ts'

// BLOB_STORE=s3: deposits go to an S3-compatible bucket (a real s3rver on a free port), files are
// downloaded from it, and nothing lands under DATA_DIR/blobs/sha256.
describe('evidence deposits on S3-compatible storage', () => {
  let server: S3rver
  let dir: string
  let t: TestApp

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-evidence-s3-'))
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: path.join(dir, 's3'),
      configureBuckets: [{ name: 'evidence', configs: [] }],
    })
    const { port } = await server.run()
    t = await createTestApp({
      env: {
        DATA_DIR: path.join(dir, 'data'),
        BLOB_STORE: 's3',
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_BUCKET: 'evidence',
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_PREFIX: 'zhibao/',
      },
    })
  })
  afterAll(async () => {
    await t.close()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('stores the deposited file in the bucket and serves it back to the depositor', async () => {
    const enterprise = await t.login('enterprise')
    const content = '%PDF-1.7\nstored in S3\n%%EOF\n'
    const body = multipart({ title: '对象存储' }, [{ name: 's3.pdf', type: 'application/pdf', content }])
    const created = await t.request({
      method: 'POST',
      url: '/api/evidence/deposits',
      as: enterprise,
      ...body,
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id, files } = created.json()
    const sha = files[0].sha256 as string
    const objects = fs.readdirSync(path.join(dir, 's3'), { recursive: true }).map(String)
    expect(objects.some((o) => o.includes(sha))).toBe(true)
    expect(fs.existsSync(path.join(dir, 'data', 'blobs', 'sha256'))).toBe(false)
    const download = await t.request({
      method: 'GET',
      url: `/api/evidence/deposits/${id}/files/${sha}`,
      as: enterprise,
    })
    expect(download.statusCode).toBe(200)
    expect(download.body).toBe(content)
    expect(download.headers['content-type']).toBe('application/pdf')
  })

  it('refuses BLOB_STORE=s3 without a bucket at start-up', async () => {
    const { loadConfig } = await import('../../kernel/config.ts')
    expect(() => loadConfig({ BLOB_STORE: 's3' })).toThrow(/S3_BUCKET/)
  })
})
