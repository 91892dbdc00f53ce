import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { leafHash, MemoryTree, merkleTreeHash } from '../../../contracts/evidence/index.ts'
import { anonymousActor } from '../../kernel/access.ts'
import { makeWriteContext } from '../../kernel/http/context.ts'
import { createTestApp, type TestApp } from '../../testing/harness.ts'
import { createDeposit } from './deposits.service.ts'
import { integratePending } from './integrator.ts'
import { loadLogKeys } from './keys.ts'
import { formatTileIndex, parseTileIndex } from './log.routes.ts'

// The C2SP tlog-tiles read API over a log of 300 entries: one full level-0 tile, a partial one,
// entry bundles, and the first level-1 tile, each checked against an independent in-memory tree.
describe('evidence tlog-tiles', () => {
  let t: TestApp
  let dir: string
  const entries: Uint8Array[] = []

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-tiles-'))
    t = await createTestApp({ demo: false, env: { DATA_DIR: dir } })
    const actor = { ...anonymousActor, kind: 'token' as const, tokenId: 'tiles' }
    await t.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 300; i++) {
        const c = makeWriteContext(trx, actor, new Date(Date.UTC(2026, 10, 25, 0, 0, 0, i)), 'en', {
          ip: '::1',
          requestId: 'tiles',
        })
        await createDeposit(c, { title: `t${i}` }, [
          {
            sha256: (i + 1).toString(16).padStart(64, '0'),
            size: i,
            mediaType: 'image/png',
            fileName: 'a.png',
          },
        ])
      }
    })
    await integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config), batchSize: 128 })
    const rows = await t.deps.db
      .selectFrom('evidence_deposits')
      .select('entry')
      .orderBy('leaf_index')
      .execute()
    for (const r of rows) entries.push(new TextEncoder().encode(r.entry))
  }, 60_000)
  afterAll(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('encodes tile indices as x001/x234/067', () => {
    expect(formatTileIndex(1234067)).toBe('x001/x234/067')
    expect(formatTileIndex(5)).toBe('005')
    expect(parseTileIndex(['x001', 'x234', '067'])).toBe(1234067)
    expect(parseTileIndex(['x000', '005'])).toBeUndefined()
    expect(parseTileIndex(['5'])).toBeUndefined()
  })

  it('serves full tiles immutable, partial tiles briefly, both equal to the tree', async () => {
    const tree = new MemoryTree()
    tree.append(entries.map(leafHash))
    const full = await t.request({ method: 'GET', url: '/api/evidence/tile/0/000' })
    expect(full.statusCode).toBe(200)
    expect(full.headers['cache-control']).toContain('immutable')
    expect(full.rawPayload.length).toBe(256 * 32)
    expect(Buffer.from(full.rawPayload.subarray(32 * 255, 32 * 256))).toEqual(
      Buffer.from(leafHash(entries[255]!)),
    )
    const partial = await t.request({ method: 'GET', url: '/api/evidence/tile/0/001.p/44' })
    expect(partial.statusCode).toBe(200)
    expect(partial.headers['cache-control']).not.toContain('immutable')
    expect(Buffer.from(partial.rawPayload.subarray(0, 32))).toEqual(Buffer.from(leafHash(entries[256]!)))
    expect((await t.request({ method: 'GET', url: '/api/evidence/tile/0/001.p/45' })).statusCode).toBe(404)
    expect((await t.request({ method: 'GET', url: '/api/evidence/tile/0/001' })).statusCode).toBe(404)
    // Level 1 holds level-8 nodes: node 0 is the root of the first 256 leaves.
    const level1 = await t.request({ method: 'GET', url: '/api/evidence/tile/1/000.p/1' })
    expect(level1.statusCode).toBe(200)
    expect(Buffer.from(level1.rawPayload)).toEqual(
      Buffer.from(merkleTreeHash(entries.slice(0, 256).map(leafHash))),
    )
    expect(Buffer.from(level1.rawPayload)).toEqual(Buffer.from(tree.getNode(8, 0)))
  })

  it('serves entry bundles as uint16 length-prefixed entries', async () => {
    const bundle = await t.request({ method: 'GET', url: '/api/evidence/tile/entries/000' })
    expect(bundle.statusCode).toBe(200)
    const buf = bundle.rawPayload
    let offset = 0
    for (let i = 0; i < 256; i++) {
      const length = buf.readUInt16BE(offset)
      expect(Buffer.from(buf.subarray(offset + 2, offset + 2 + length))).toEqual(Buffer.from(entries[i]!))
      offset += 2 + length
    }
    expect(offset).toBe(buf.length)
    expect((await t.request({ method: 'GET', url: '/api/evidence/tile/entries/001.p/44' })).statusCode).toBe(
      200,
    )
    expect((await t.request({ method: 'GET', url: '/api/evidence/tile/entries/002' })).statusCode).toBe(404)
  })
})
