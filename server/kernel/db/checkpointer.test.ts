import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './connection.ts'

describe('SQLite checkpoints on a worker thread', () => {
  const dirs: string[] = []
  const tempFile = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-checkpointer-'))
    dirs.push(dir)
    return path.join(dir, 'zhibao.db')
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('copies committed pages into the database file before the writer’s own checkpoint is due', async () => {
    const file = tempFile()
    const database = await openDatabase({ sqliteFile: file })
    const { db } = database
    await sql`create table notes (id integer primary key, body text not null)`.execute(db)
    const sizeBefore = fs.statSync(file).size
    // About 1 MB: a quarter of the 2,048 pages after which the writer would checkpoint itself.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 250; i++) {
        await sql`insert into notes (body) values (${'知'.repeat(1300)})`.execute(trx)
      }
    })
    const deadline = Date.now() + 5000
    while (fs.statSync(file).size < sizeBefore + 900_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 900_000)
    const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(db)
    expect(rows[0]!.n).toBe(250)
    await database.close()
    // A clean close checkpoints the rest and removes the log: the file alone holds the data.
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    const reopened = await openDatabase({ sqliteFile: file })
    const again = await sql<{ n: number }>`select count(*) as n from notes`.execute(reopened.db)
    expect(again.rows[0]!.n).toBe(250)
    await reopened.close()
  })
})
