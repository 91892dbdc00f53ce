import {
  bytesToHex,
  consistencyProof,
  hexDecode,
  inclusionProof,
  type NodeSource,
} from '../../../contracts/evidence/index.ts'
import type { Db, Tx } from '../../database.ts'

type Reader = Db | Tx

/**
 * Runs a proof generator twice: first against a recording source to learn which stored nodes it
 * needs, then against those nodes fetched in one query. O(log n) nodes, one round trip.
 */
async function withPrefetchedNodes<T>(db: Reader, generate: (source: NodeSource) => Promise<T>): Promise<T> {
  const wanted: Array<[number, number]> = []
  const dummy = new Uint8Array(32)
  await generate({
    getNode: (level, index) => {
      wanted.push([level, index])
      return dummy
    },
  })
  const found = new Map<string, Uint8Array>()
  if (wanted.length > 0) {
    const rows = await db
      .selectFrom('evidence_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(wanted.map(([l, i]) => eb.and([eb('level', '=', l), eb('idx', '=', i)]))))
      .execute()
    for (const r of rows) found.set(`${r.level}/${Number(r.idx)}`, hexDecode(r.hash)!)
  }
  return generate({
    getNode: (level, index) => {
      const h = found.get(`${level}/${index}`)
      if (!h) throw new Error(`evidence node (${level}, ${index}) is missing`)
      return h
    },
  })
}

/** A node source reading one stored node per call (used by the integrator to resume its frontier). */
export function dbNodeSource(db: Reader): NodeSource {
  return {
    async getNode(level, index) {
      const row = await db
        .selectFrom('evidence_nodes')
        .select('hash')
        .where('level', '=', level)
        .where('idx', '=', index)
        .executeTakeFirst()
      if (!row) throw new Error(`evidence node (${level}, ${index}) is missing`)
      return hexDecode(row.hash)!
    },
  }
}

export function readInclusionProof(db: Reader, index: number, size: number): Promise<Uint8Array[]> {
  return withPrefetchedNodes(db, (source) => inclusionProof(source, index, size))
}

export function readConsistencyProof(db: Reader, m: number, n: number): Promise<Uint8Array[]> {
  return withPrefetchedNodes(db, (source) => consistencyProof(source, m, n))
}

export async function latestCheckpoint(db: Reader) {
  return db
    .selectFrom('evidence_checkpoints')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function publishedVerifierKeys(db: Reader): Promise<string[]> {
  const rows = await db.selectFrom('evidence_keys').select('vkey').orderBy('first_used_at').execute()
  return rows.map((r) => r.vkey)
}

export { bytesToHex }
