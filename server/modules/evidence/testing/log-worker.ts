/**
 * A log worker in its own process, for the crash test: it deposits and integrates against a
 * file-backed SQLite database, printing `ACK <id>` after each deposit commits and `BATCH <from> <to>`
 * inside each integration transaction just before its commit, where the test kills it with SIGKILL.
 * Usage: node --import tsx log-worker.ts <sqlite file> <data dir> <deposits> <batch size>
 */
import { anonymousActor } from '../../../kernel/access.ts'
import { loadConfig } from '../../../kernel/config.ts'
import { openDatabase } from '../../../kernel/db/connection.ts'
import { makeWriteContext } from '../../../kernel/http/context.ts'
import { createDeposit } from '../deposits.service.ts'
import { integrateBatch } from '../integrator.ts'
import { loadLogKeys } from '../keys.ts'

const [file, dataDir, depositsArg, batchArg] = process.argv.slice(2)
const database = await openDatabase({ sqliteFile: file! })
const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' })
const keys = loadLogKeys(config)
const actor = { ...anonymousActor, kind: 'token' as const, tokenId: 'crash-test' }
const write = (line: string) =>
  new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()))

let deposited = 0
const total = Number(depositsArg)
for (;;) {
  // Interleave: a few deposits, then one integration batch.
  for (let i = 0; i < 3 && deposited < total; i++, deposited++) {
    const id = await database.db.transaction().execute(async (trx) => {
      const c = makeWriteContext(trx, actor, new Date(), 'en', { ip: '127.0.0.1', requestId: 'crash' })
      const hex = (deposited + 1).toString(16).padStart(64, '0')
      const d = await createDeposit(c, { title: `deposit ${deposited}` }, [
        { sha256: hex, size: deposited, mediaType: 'text/plain', fileName: 'a.txt' },
      ])
      // Inside the deposit's transaction, before its commit: the other place the test kills.
      await write(`IN_DEPOSIT ${d.id}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
      return d.id
    })
    await write(`ACK ${id}`)
  }
  const n = await database.db.transaction().execute((trx) =>
    integrateBatch(trx, {
      keys,
      now: new Date(),
      batchSize: Number(batchArg),
      beforeCommit: async ({ from, to }) => {
        await write(`BATCH ${from} ${to}`)
        await new Promise((resolve) => setTimeout(resolve, 30))
      },
    }),
  )
  if (n === 0 && deposited >= total) break
}
await write('DONE')
await database.close()
