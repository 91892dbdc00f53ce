import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  bytesToHex,
  checkConsistency,
  hexDecode,
  leafHash,
  MemoryTree,
  openCheckpoint,
  parseVerifierKey,
  treeRoot,
} from '../../../contracts/evidence/index.ts'
import type { Db } from '../../database.ts'
import { anonymousActor } from '../../kernel/access.ts'
import { loadConfig } from '../../kernel/config.ts'
import { openDatabase } from '../../kernel/db/connection.ts'
import { migrateToLatest } from '../../kernel/db/migrate.ts'
import { makeWriteContext } from '../../kernel/http/context.ts'
import { migrations } from '../../migrations/index.ts'
import { openTestDatabase, testDialect } from '../../testing/harness.ts'
import { createDeposit } from './deposits.service.ts'
import { integratePending } from './integrator.ts'
import { loadLogKeys } from './keys.ts'
import { dbNodeSource, readConsistencyProof } from './log.repository.ts'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Every checkpoint's root is reproducible from stored nodes, signed, and consistent with the next. */
async function checkLog(db: Db, vkey: string) {
  const checkpoints = await db.selectFrom('evidence_checkpoints').selectAll().orderBy('tree_size').execute()
  const verifier = parseVerifierKey(vkey)
  for (const c of checkpoints) {
    const opened = openCheckpoint(c.note, [verifier])
    expect(opened.ok, `checkpoint ${c.tree_size}`).toBe(true)
    if (!opened.ok) continue
    expect(opened.checkpoint.size).toBe(Number(c.tree_size))
    const root = await treeRoot(dbNodeSource(db), Number(c.tree_size))
    expect(bytesToHex(root), `root of ${c.tree_size} reproducible from stored nodes`).toBe(c.root_hash)
  }
  for (let i = 1; i < checkpoints.length; i++) {
    const [a, b] = [checkpoints[i - 1]!, checkpoints[i]!]
    const proof = await readConsistencyProof(db, Number(a.tree_size), Number(b.tree_size))
    expect(
      checkConsistency(
        Number(a.tree_size),
        Number(b.tree_size),
        hexDecode(a.root_hash)!,
        hexDecode(b.root_hash)!,
        proof,
      ),
    ).toBe(true)
  }
  return checkpoints
}

/** The tree a single sequencer builds: every entry, in (received_at, id) order. */
async function expectedRoot(db: Db) {
  const rows = await db
    .selectFrom('evidence_deposits')
    .select('entry')
    .orderBy('received_at')
    .orderBy('id')
    .execute()
  const tree = new MemoryTree()
  tree.append(rows.map((r) => leafHash(new TextEncoder().encode(r.entry))))
  return { size: rows.length, root: bytesToHex(tree.root()) }
}

describe.skipIf(testDialect !== 'sqlite')('evidence log durability (SQLite file, kill -9)', () => {
  it.each([
    ['in the middle of an integration batch', 'BATCH ', 5],
    ['in the middle of a deposit', 'IN_DEPOSIT ', 20],
  ] as const)(
    'killed %s, loses no acknowledged deposit and leaves every checkpoint reproducible',
    async (_when, killAt, nth) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-crash-'))
      const file = path.join(dir, 'zhibao.db')
      try {
        const setup = await openDatabase({ sqliteFile: file })
        await migrateToLatest(setup.db, migrations)
        await setup.close()
        const keys = loadLogKeys(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }))

        const acked: string[] = []
        let inFlight = ''
        let seen = 0
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.join(here, 'testing/log-worker.ts'), file, dir, '200', '4'],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        )
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('exit', (_code, signal) => resolve(signal)),
        )
        let buffer = ''
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString()
          const lines = buffer.split('\n')
          buffer = lines.pop()!
          for (const line of lines) {
            if (line.startsWith('ACK ')) acked.push(line.slice(4))
            if (line.startsWith('IN_DEPOSIT ')) inFlight = line.slice('IN_DEPOSIT '.length)
            // Killed inside the nth transaction of that kind, after its rows were written, before commit.
            if (line.startsWith(killAt) && ++seen === nth) child.kill('SIGKILL')
          }
        })
        expect(await exited).toBe('SIGKILL')
        expect(acked.length).toBeGreaterThan(10)

        const after = await openDatabase({ sqliteFile: file })
        try {
          const before = await checkLog(after.db, keys.signer.verifierKey)
          // The killed transaction left nothing: after a killed batch the last checkpoint is batch 4's;
          // a killed deposit is absent with its file rows (it was never acknowledged).
          if (killAt === 'BATCH ') expect(before.length).toBe(4)
          else {
            expect(inFlight).not.toBe('')
            expect(acked).not.toContain(inFlight)
            const ghost = await after.db
              .selectFrom('evidence_deposits')
              .select('id')
              .where('id', '=', inFlight)
              .execute()
            expect(ghost).toEqual([])
            const files = await after.db
              .selectFrom('evidence_files')
              .select('deposit_id')
              .where('deposit_id', '=', inFlight)
              .execute()
            expect(files).toEqual([])
          }
          const head = await after.db
            .selectFrom('evidence_log_head')
            .select('tree_size')
            .executeTakeFirstOrThrow()
          expect(Number(head.tree_size)).toBe(Number(before.at(-1)!.tree_size))
          const stored = await after.db.selectFrom('evidence_deposits').select('id').execute()
          const ids = new Set(stored.map((r) => r.id))
          for (const id of acked) expect(ids.has(id), `acknowledged deposit ${id}`).toBe(true)

          // Restart: the integrator picks up where the log stands and integrates everything pending.
          await integratePending(after.db, { keys, batchSize: 4 })
          const pending = await after.db
            .selectFrom('evidence_deposits')
            .select('id')
            .where('leaf_index', 'is', null)
            .execute()
          expect(pending).toEqual([])
          const checkpoints = await checkLog(after.db, keys.signer.verifierKey)
          const expected = await expectedRoot(after.db)
          expect(Number(checkpoints.at(-1)!.tree_size)).toBe(expected.size)
          expect(checkpoints.at(-1)!.root_hash).toBe(expected.root)
        } finally {
          await after.close()
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    60_000,
  )
})

describe.skipIf(testDialect !== 'postgres')('evidence log with several sequencers (PostgreSQL)', () => {
  it('two instances racing on one schema build the one tree a single sequencer builds', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-race-'))
    const first = await openTestDatabase()
    const second = await openDatabase({ url: process.env.DATABASE_URL, schema: first.schema, poolSize: 5 })
    try {
      const keys = loadLogKeys(loadConfig({ DATA_DIR: dir, NODE_ENV: 'test' }))
      const actor = { ...anonymousActor, kind: 'token' as const, tokenId: 'race' }
      const deposit = (db: Db, i: number) =>
        db.transaction().execute((trx) =>
          createDeposit(
            makeWriteContext(trx, actor, new Date(Date.UTC(2026, 10, 25, 8, 0, 0, i)), 'en', {
              ip: '::1',
              requestId: 'race',
            }),
            { title: `d${i}` },
            [
              {
                sha256: (i + 1).toString(16).padStart(64, '0'),
                size: i,
                mediaType: 'text/plain',
                fileName: 'a.txt',
              },
            ],
          ),
        )
      // Deposits keep arriving through both instances while both sequence.
      const depositing = (async () => {
        for (let i = 0; i < 120; i++) await deposit(i % 2 ? first.db : second.db, i)
      })()
      const racers = [first.db, second.db, first.db, second.db].map(async (db) => {
        let n = 0
        for (let round = 0; round < 30; round++) n += await integratePending(db, { keys, batchSize: 7 })
        return n
      })
      await depositing
      const counts = await Promise.all(racers)
      await integratePending(first.db, { keys, batchSize: 7 })
      const total = counts.reduce((a, b) => a + b, 0)
      expect(total).toBeLessThanOrEqual(120)

      const rows = await first.db
        .selectFrom('evidence_deposits')
        .select('leaf_index')
        .orderBy('leaf_index')
        .execute()
      expect(rows.map((r) => Number(r.leaf_index))).toEqual([...Array(120).keys()])
      const checkpoints = await checkLog(first.db, keys.signer.verifierKey)
      const expected = await expectedRoot(first.db)
      expect(checkpoints.at(-1)!.root_hash).toBe(expected.root)
      expect(Number(checkpoints.at(-1)!.tree_size)).toBe(120)
    } finally {
      await second.close()
      await first.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
