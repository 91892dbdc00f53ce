import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// CommonJS, evaluated in the worker: its own connection to the same file, a PASSIVE checkpoint
// (never waits for, never blocks a reader or the writer) every `intervalMs`, closed on 'stop'.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('synchronous = NORMAL')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
const timer = setInterval(() => {
  try {
    checkpoint.run()
  } catch {
    // SQLITE_BUSY: another checkpoint is running; the next tick tries again.
  }
}, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Checkpoints a SQLite database's write-ahead log from a worker thread (decision 41), so copying
 * committed pages back into the database file, and the fsyncs that go with it, run on the other
 * core beside the requests instead of inside whichever commit crosses `wal_autocheckpoint`. The
 * writer's own autocheckpoint stays as the backstop that lets the log restart from its beginning,
 * and then finds the pages already copied. Returns a function that stops the worker and closes its
 * connection; call it before closing the writer, whose close then removes the log.
 */
export function startCheckpointer(file: string, intervalMs = 100): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } })
  worker.unref()
  // A failed worker only means the writer checkpoints alone again, as SQLite does by default.
  worker.on('error', () => {})
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return () => {
    worker.ref() // or a process with nothing else to do would end before the worker closed
    worker.postMessage('stop')
    return exited
  }
}
