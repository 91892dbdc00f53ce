// Issue 7's search benchmark: index N registry assets with generated Chinese titles and abstracts
// (default 100,000; BENCH_SEARCH_DOCS=1000000 for the issue's full size) through the real search
// kernel (jieba segmentation, search_documents + FTS5 on SQLite, the same rows + GIN on PostgreSQL),
// then p50/p95 of 1-, 2- and 4-term queries and of identifier lookups, next to a LIKE '%…%' scan,
// and the PostgreSQL implementation in the same run when DATABASE_URL is set. BENCH_SEARCH_SQLITE_FILE
// and BENCH_SEARCH_PG_SCHEMA keep the indexes for the next run (see run()).
//
// The corpus. Words come from the jieba dictionary shipped in @node-rs/jieba (dict.txt: `word freq
// POS`, pure-CJK words only), drawn with an alias table weighted by frequency × a part-of-speech
// multiplier (nouns ×3, other nouns ×2, verbs ×1.5, place names ×0.2, pronouns ×0.1, personal names
// ×0.02, idioms ×0.05; perf-limits.md §c). Titles are "一种" + 2–4 words + a patent suffix (的方法,
// 装置, …); abstracts are "本发明公开了<title>，" + 5–9 clauses of 3–8 words with lead words (所述,
// 包括, …) and a stock ending. The PRNG is sfc32 with a fixed seed, so every run indexes the same
// documents. The text has a realistic (Zipf) token distribution and patent boilerplate but no
// topical co-occurrence, so 2- and 4-term queries are drawn from one document's own tokens.

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { computePatentCheckDigit } from '../../contracts/identifiers/index.ts'
import { FACET_SAMPLE } from '../../contracts/search.ts'
import { type DatabaseHandle, openDatabase } from '../../server/kernel/db/connection.ts'
import { migrateToLatest } from '../../server/kernel/db/migrate.ts'
import {
  indexNewDocuments,
  optimizeIndex,
  type SearchDocument,
  type SearchRequest,
  search,
  searchFacets,
  segmentForIndex,
  segmentQuery,
} from '../../server/kernel/search/index.ts'
import { migrations } from '../../server/migrations/index.ts'

const N = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000)
const BATCH = 10_000
const require = createRequire(import.meta.url)

function sfc32(a: number, b: number, c: number, d: number) {
  return () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

const POS_WEIGHT: [RegExp, number][] = [
  [/^(n|vn)$/, 3],
  [/^(nz|nt|ng|b)$/, 2],
  [/^v$/, 1.5],
  [/^ns$/, 0.2],
  [/^r$/, 0.1],
  [/^nr/, 0.02],
  [/^(i|l)$/, 0.05],
]

/** Walker's alias table over the dictionary, weighted as described above. */
function sampler(random: () => number) {
  const dictPath = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')
  const words: string[] = []
  const weights: number[] = []
  for (const line of fs.readFileSync(dictPath, 'utf8').split('\n')) {
    const [word, freq, pos = ''] = line.split(' ')
    if (!word || !/^\p{Script=Han}+$/u.test(word)) continue
    const multiplier = POS_WEIGHT.find(([re]) => re.test(pos))?.[1] ?? 1
    words.push(word)
    weights.push(Number(freq) * multiplier)
  }
  const n = words.length
  const total = weights.reduce((a, b) => a + b, 0)
  const prob = new Float64Array(n)
  const alias = new Uint32Array(n)
  const scaled = weights.map((w) => (w * n) / total)
  const small: number[] = []
  const large: number[] = []
  for (const [i, p] of scaled.entries()) (p < 1 ? small : large).push(i)
  while (small.length && large.length) {
    const s = small.pop()!
    const l = large.pop()!
    prob[s] = scaled[s]!
    alias[s] = l
    scaled[l] = scaled[l]! + scaled[s]! - 1
    ;(scaled[l]! < 1 ? small : large).push(l)
  }
  for (const i of [...small, ...large]) prob[i] = 1
  return () => {
    const i = Math.floor(random() * n)
    return random() < prob[i]! ? words[i]! : words[alias[i]!]!
  }
}

const SUFFIXES = [
  '的方法',
  '装置',
  '系统',
  '设备',
  '及其制备方法',
  '组合物',
  '结构',
  '工艺',
  '检测方法',
  '控制系统',
]
const LEADS = ['所述', '包括', '设置有', '通过', '用于', '其中', '采用', '连接', '位于', '实现']
const ENDINGS = ['具有结构简单、成本低的优点。', '提高了生产效率。', '适用于工业化生产。', '有效降低了能耗。']
const IPC = ['A61K', 'B01D', 'C08L', 'G06F', 'H01L', 'H04L', 'F16H', 'B23K', 'G01N', 'D06P', 'C12N', 'H05K']

/** The corpus as a stream (a million documents do not need to sit in memory); same seed, same documents. */
function* corpus(n: number): Generator<SearchDocument> {
  const random = sfc32(20261125, 0x9e3779b9, 0x7f4a7c15, 7)
  const word = sampler(random)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const holders = Array.from({ length: 500 }, () => `苏州${word()}${word()}科技有限公司`)
  const districts = [
    'gusu',
    'huqiu',
    'wuzhong',
    'xiangcheng',
    'wujiang',
    'sip',
    'changshu',
    'zhangjiagang',
    'kunshan',
    'taicang',
  ]
  for (let i = 0; i < n; i++) {
    const title = `一种${Array.from({ length: int(2, 4) }, word).join('')}${pick(SUFFIXES)}`
    const clauses = Array.from(
      { length: int(5, 9) },
      () => `${pick(LEADS)}${Array.from({ length: int(3, 8) }, word).join('')}`,
    )
    const body = `本发明公开了${title}，${clauses.join('，')}，${pick(ENDINGS)}`
    const year = int(2004, 2025)
    const number = `${year}${pick([1, 1, 1, 2, 3])}${String(i).padStart(7, '0')}`
    yield {
      source: 'asset',
      sourceId: `bench-${i}`,
      kind: 'patent',
      title,
      body,
      names: [pick(holders)],
      districtId: pick(districts),
      entityId: null,
      published: random() < 0.9,
      sortDate: `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      identifiers: [`${number}.${computePatentCheckDigit(number)}`, number],
      classes: [{ scheme: 'ipc', code: `${pick(IPC)} ${int(1, 99)}/${String(int(0, 99)).padStart(2, '0')}` }],
    }
  }
}

const visible = () => sql<boolean>`d.published = 1` as never

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function timeQueries(
  handle: DatabaseHandle,
  requests: Omit<SearchRequest, 'visible' | 'page' | 'pageSize'>[],
) {
  for (const r of requests.slice(0, 10)) await search(handle.db, { ...r, visible, page: 1, pageSize: 20 })
  const times: number[] = []
  const hits: number[] = []
  const ids: string[][] = []
  for (const r of requests) {
    const started = performance.now()
    const result = await search(handle.db, { ...r, visible, page: 1, pageSize: 20 })
    times.push(performance.now() - started)
    hits.push(result.total)
    ids.push(result.hits.map((h) => h.sourceId))
  }
  times.sort((a, b) => a - b)
  hits.sort((a, b) => a - b)
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    hits: percentile(hits, 50),
    hitsP95: percentile(hits, 95),
    ids,
  }
}

/** What GET /api/search runs for a query: the page and total, and the facets beside them. */
async function timeWithFacets(
  handle: DatabaseHandle,
  requests: Omit<SearchRequest, 'visible' | 'page' | 'pageSize'>[],
) {
  const times: number[] = []
  const facets: string[] = []
  for (const r of requests) {
    const request = { ...r, visible, page: 1, pageSize: 20 }
    const started = performance.now()
    const [, counts] = await Promise.all([search(handle.db, request), searchFacets(handle.db, request)])
    times.push(performance.now() - started)
    facets.push(JSON.stringify(counts))
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), facets }
}

async function build(handle: DatabaseHandle) {
  const now = new Date('2026-01-01T00:00:00Z')
  const started = performance.now()
  let part: SearchDocument[] = []
  const flush = async () => {
    const batch = part
    part = []
    await handle.db.transaction().execute((trx) => indexNewDocuments(trx, batch, now, 200))
  }
  for (const doc of corpus(N)) {
    part.push(doc)
    if (part.length === BATCH) await flush()
  }
  if (part.length > 0) await flush()
  const indexed = performance.now() - started
  const optimizeStarted = performance.now()
  await optimizeIndex(handle.db)
  if (handle.dialect === 'postgres')
    await sql`VACUUM ANALYZE search_documents, search_identifiers, search_classes`.execute(handle.db)
  return { indexMs: indexed, optimizeMs: performance.now() - optimizeStarted }
}

export async function run(): Promise<string> {
  const lines: string[] = []
  // Generation and segmentation alone, on a sample, to show what indexing spends on jieba.
  const sample = [...corpus(Math.min(N, 20_000))]
  const segStarted = performance.now()
  for (const d of sample) {
    segmentForIndex(d.title)
    segmentForIndex(d.body)
  }
  const segRate = sample.length / ((performance.now() - segStarted) / 1000)

  // BENCH_SEARCH_SQLITE_FILE keeps the SQLite index after the run and reuses it when it already
  // holds the N documents (migrated to the latest schema), to iterate on queries without reindexing.
  const keptFile = process.env.BENCH_SEARCH_SQLITE_FILE
  const dir = keptFile ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-bench-search-'))
  const sqliteFile = keptFile ?? path.join(dir!, 'search.db')
  const reused = keptFile !== undefined && fs.existsSync(keptFile)
  const sqlite = await openDatabase({ sqliteFile })
  await migrateToLatest(sqlite.db, migrations)
  if (reused) {
    const { n } = await sqlite.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(n) !== N) throw new Error(`${keptFile} holds ${n} documents, not ${N}`)
  }
  const rssBefore = process.memoryUsage().rss
  const built = reused ? undefined : await build(sqlite)
  const rssAfter = process.memoryUsage().rss
  const fileMb = fs.statSync(sqliteFile).size / 2 ** 20

  // Query terms from the index's own vocabulary (fts5vocab document counts), in tiers by document
  // frequency: stop > 10 %, common 1–10 %, medium 0.01–1 %, rare below; CJK terms of 2+ characters.
  await sql`CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, search_fts, 'row')`.execute(sqlite.db)
  const vocab = (
    await sql<{ term: string; doc: number }>`SELECT term, doc FROM temp.bench_vocab`.execute(sqlite.db)
  ).rows
  const df = new Map(
    vocab.filter((v) => /^\p{Script=Han}{2,}$/u.test(v.term)).map((v) => [v.term, Number(v.doc)]),
  )
  const tier = (t: string) => {
    const f = (df.get(t) ?? 0) / N
    return f > 0.1 ? 'stop' : f > 0.01 ? 'common' : f > 0.0001 ? 'medium' : 'rare'
  }
  const byTier = {
    common: [] as string[],
    medium: [] as string[],
    rare: [] as string[],
    stop: [] as string[],
  }
  for (const t of df.keys()) byTier[tier(t)].push(t)
  for (const list of Object.values(byTier)) list.sort()
  const random = sfc32(7, 11, 13, 17)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const oneTerm = Array.from({ length: 200 }, () => {
    const r = random()
    const list = r < 0.4 ? byTier.common : r < 0.7 ? byTier.medium : byTier.rare
    return { text: pick(list.length ? list : byTier.medium) }
  })
  const docTokens = async (seq: number) => {
    const row = await sqlite.db
      .selectFrom('search_documents')
      .select(['seg_title', 'seg_body'])
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow()
    return [...new Set(`${row.seg_title} ${row.seg_body}`.split(' '))].filter(
      (t) => df.has(t) && tier(t) !== 'stop' && segmentQuery(t).length === 1,
    )
  }
  const fromDoc = async (k: number) => {
    const queries: { text: string }[] = []
    while (queries.length < 200) {
      // Query tokens must survive query segmentation unchanged to be a fair k-term query.
      const candidates = await docTokens(1 + Math.floor(random() * N))
      if (candidates.length < k) continue
      const chosen = new Set<string>()
      while (chosen.size < k) chosen.add(pick(candidates))
      queries.push({ text: [...chosen].join(' ') })
    }
    return queries
  }
  const twoTerms = await fromDoc(2)
  const fourTerms = await fromDoc(4)
  const stopTerm = Array.from({ length: 20 }, () => ({
    text: pick(byTier.stop.length ? byTier.stop : byTier.common),
  }))
  const identifiers: Omit<SearchRequest, 'visible' | 'page' | 'pageSize'>[] = []
  for (let i = 0; i < 200; i++) {
    const values = await sqlite.db
      .selectFrom('search_identifiers')
      .select('value')
      .where('seq', '=', 1 + Math.floor(random() * N))
      .orderBy('value')
      .execute()
    identifiers.push({ text: '', identifiers: [values[i % values.length]!.value] })
  }

  const sets: [string, Omit<SearchRequest, 'visible' | 'page' | 'pageSize'>[]][] = [
    ['1 term (40 % common, 30 % medium, 30 % rare)', oneTerm],
    ['2 terms AND, from one document', twoTerms],
    ['4 terms AND, from one document', fourTerms],
    ['1 stop-like term (df > 10 %)', stopTerm],
    ['identifier (application number, with or without check digit)', identifiers],
  ]

  let postgres: DatabaseHandle | undefined
  let schema: string | undefined
  let pgBuilt: Awaited<ReturnType<typeof build>> | undefined
  if (process.env.DATABASE_URL) {
    // BENCH_SEARCH_PG_SCHEMA: likewise keeps the PostgreSQL index (at 1,000,000 documents indexing
    // takes a quarter of an hour) and reuses it when it holds the N documents.
    schema = process.env.BENCH_SEARCH_PG_SCHEMA ?? `bench_${randomBytes(4).toString('hex')}`
    postgres = await openDatabase({ url: process.env.DATABASE_URL, schema, poolSize: 2 })
    await migrateToLatest(postgres.db, migrations, { schema })
    const { n } = await postgres.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(n) === 0) pgBuilt = await build(postgres)
    else if (Number(n) !== N) throw new Error(`schema ${schema} holds ${n} documents, not ${N}`)
  }

  lines.push(
    `## Search (issue 7): ${N.toLocaleString('en')} registry assets`,
    '',
    'Generated patent-like titles and abstracts (jieba dictionary word frequencies, fixed seed; see the',
    'comment at the top of bench/suites/search.ts), indexed through the search kernel as the registry',
    'does (segmentation, search_documents, FTS5 / GIN). Each query is the kernel `search()` for the',
    'public (published only), page 1 of 20: ranked by the portable score with its tie-breaks **and**',
    'the total, counted up to 10,000 ("10,000+"; so the hits columns stop at 10000). Latencies in ms,',
    'in-process for SQLite, over loopback TCP for PostgreSQL.',
    '',
    '| indexing | SQLite | PostgreSQL |',
    '|---|---|---|',
    `| segmentation alone (title + abstract, cutForSearch; 20,000-doc sample) | ${Math.round(segRate).toLocaleString('en')} docs/s | (same) |`,
    `| index (segment + pinyin + insert, ${BATCH.toLocaleString('en')} docs per transaction) | ${built ? `${(built.indexMs / 1000).toFixed(1)} s = **${Math.round(N / (built.indexMs / 1000)).toLocaleString('en')} docs/s**` : `reused ${keptFile}`} | ${pgBuilt ? `${(pgBuilt.indexMs / 1000).toFixed(1)} s = ${Math.round(N / (pgBuilt.indexMs / 1000)).toLocaleString('en')} docs/s` : postgres ? `reused schema ${schema}` : 'not run (no DATABASE_URL)'} |`,
    `| optimize / VACUUM ANALYZE | ${built ? `${(built.optimizeMs / 1000).toFixed(1)} s` : ''} | ${pgBuilt ? `${(pgBuilt.optimizeMs / 1000).toFixed(1)} s` : ''} |`,
    `| database size | ${fileMb.toFixed(0)} MiB | ${postgres ? `${await pgSize(postgres)} MiB` : ''} |`,
    `| process RSS before / after SQLite indexing | ${(rssBefore / 2 ** 20).toFixed(0)} / ${(rssAfter / 2 ** 20).toFixed(0)} MiB | |`,
    '',
    '| query set | n | SQLite p50 | SQLite p95 | SQLite p99 | hits median / p95 | PostgreSQL p50 | PostgreSQL p95 | same ids, same order |',
    '|---|---|---|---|---|---|---|---|---|',
  )
  for (const [name, requests] of sets) {
    const s = await timeQueries(sqlite, requests)
    const p = postgres ? await timeQueries(postgres, requests) : undefined
    const same = p
      ? s.ids.filter((ids, i) => JSON.stringify(ids) === JSON.stringify(p.ids[i])).length
      : undefined
    lines.push(
      `| ${name} | ${requests.length} | ${s.p50.toFixed(2)} | **${s.p95.toFixed(2)}** | ${s.p99.toFixed(2)} | ${s.hits} / ${s.hitsP95} | ${p ? p.p50.toFixed(2) : '–'} | ${p ? p.p95.toFixed(2) : '–'} | ${same === undefined ? '–' : `${same} / ${requests.length}`} |`,
    )
  }

  lines.push(
    '',
    `As GET /api/search answers: the same page and total **with the facets** (type, district, year, IPC, Nice), counted over at most the ${FACET_SAMPLE.toLocaleString('en')} most recently indexed matches (decision 42):`,
    '',
    '| query set | n | SQLite p50 | SQLite p95 | PostgreSQL p50 | PostgreSQL p95 | same facets |',
    '|---|---|---|---|---|---|---|',
  )
  for (const [name, requests] of sets) {
    const s = await timeWithFacets(sqlite, requests)
    const p = postgres ? await timeWithFacets(postgres, requests) : undefined
    const same = p ? s.facets.filter((f, i) => f === p.facets[i]).length : undefined
    lines.push(
      `| ${name} | ${requests.length} | ${s.p50.toFixed(2)} | **${s.p95.toFixed(2)}** | ${p ? p.p50.toFixed(2) : '–'} | ${p ? p.p95.toFixed(2) : '–'} | ${same === undefined ? '–' : `${same} / ${requests.length}`} |`,
    )
  }
  lines.push('', '| scan without an index | n | p50 | p95 | max |', '|---|---|---|---|---|')

  // The LIKE '%…%' scan on the original text, as a search without an index would do it.
  const likeTimes: number[] = []
  for (const q of oneTerm.slice(0, 20)) {
    const started = performance.now()
    await sqlite.db
      .selectFrom('search_documents')
      .select(['seq', 'title'])
      .where((eb) => eb.or([eb('title', 'like', `%${q.text}%`), eb('body', 'like', `%${q.text}%`)]))
      .where('published', '=', 1)
      .orderBy('sort_date', 'desc')
      .limit(20)
      .execute()
    likeTimes.push(performance.now() - started)
  }
  likeTimes.sort((a, b) => a - b)
  lines.push(
    `| LIKE '%t%' on title or abstract, newest 20 (SQLite, 1 term) | 20 | ${percentile(likeTimes, 50).toFixed(1)} | **${percentile(likeTimes, 95).toFixed(1)}** | ${likeTimes.at(-1)!.toFixed(1)} |`,
    '',
    `Target (issue 7): p95 < 50 ms at 1,000,000 on SQLite. Vocabulary: ${df.size.toLocaleString('en')} CJK terms of ≥ 2 characters (${byTier.stop.length} stop-like, ${byTier.common.length} common, ${byTier.medium.length} medium, ${byTier.rare.length} rare).`,
  )

  await sqlite.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  if (postgres) await postgres.close()
  if (postgres && schema && !process.env.BENCH_SEARCH_PG_SCHEMA) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
  return lines.join('\n')
}

async function pgSize(handle: DatabaseHandle): Promise<string> {
  const row = await sql<{
    bytes: number
  }>`select (pg_total_relation_size('search_documents') + pg_total_relation_size('search_identifiers') + pg_total_relation_size('search_classes'))::bigint as bytes`.execute(
    handle.db,
  )
  return (Number(row.rows[0]!.bytes) / 2 ** 20).toFixed(0)
}
