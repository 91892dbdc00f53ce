import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { openTestDatabase } from '../../testing/harness.ts'
import { type DatabaseHandle, openDatabase } from '../db/connection.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { highlightAll, snippet } from './highlight.ts'
import { indexDocument, removeDocument, type SearchDocument, search, searchFacets } from './index.ts'
import { pinyinTokens, segmentQuery } from './segment.ts'

// A fixed Chinese corpus: ids are short so expected orders read easily.
const corpus: Omit<SearchDocument, 'source' | 'published' | 'entityId'>[] = [
  {
    sourceId: 'p1',
    kind: 'patent',
    title: '一种半导体晶圆清洗装置',
    body: '本发明公开了一种半导体晶圆清洗装置，包括清洗槽、超声波发生器和过滤循环系统，提高晶圆表面洁净度。',
    names: ['昆山精密电子科技有限公司'],
    districtId: 'kunshan',
    sortDate: '2023-03-01',
    identifiers: ['202310123456.X', '202310123456'],
    classes: [{ scheme: 'ipc', code: 'H01L 21/67' }],
  },
  {
    sourceId: 'p2',
    kind: 'patent',
    title: '一种丝绸面料的数码印花方法',
    body: '本发明涉及纺织印染技术领域，公开了一种丝绸面料的数码印花方法，采用活性染料喷墨印花，色牢度高。',
    names: ['苏州姑苏丝绸文创有限公司'],
    districtId: 'gusu',
    sortDate: '2022-06-15',
    classes: [{ scheme: 'ipc', code: 'D06P 5/30' }],
  },
  {
    sourceId: 'p3',
    kind: 'patent',
    title: '一种用于电子设备的散热结构',
    body: '本实用新型公开了一种散热结构，适用于半导体功率器件，包括导热板和散热鳍片。',
    names: ['苏州吴中智能制造有限公司'],
    districtId: 'wuzhong',
    sortDate: '2024-01-10',
    classes: [{ scheme: 'ipc', code: 'H05K 7/20' }],
  },
  {
    sourceId: 'p4',
    kind: 'patent',
    title: '半导体封装用环氧树脂组合物',
    body: '本发明提供一种半导体封装用环氧树脂组合物及其制备方法，具有低应力和高可靠性。',
    names: ['苏州园区新材料股份有限公司'],
    districtId: 'sip',
    sortDate: '2021-09-30',
    classes: [
      { scheme: 'ipc', code: 'C08L 63/00' },
      { scheme: 'ipc', code: 'H01L 23/29' },
    ],
  },
  {
    sourceId: 't1',
    kind: 'trademark',
    title: '姑苏绣韵',
    body: '商标注册，核定使用商品：丝绸面料、刺绣工艺品、服装。',
    names: ['苏州姑苏丝绸文创有限公司'],
    districtId: 'gusu',
    sortDate: '2020-05-20',
    identifiers: ['38123456'],
    classes: [
      { scheme: 'nice', code: '24' },
      { scheme: 'nice', code: '25' },
    ],
  },
  {
    sourceId: 't2',
    kind: 'trademark',
    title: '锦绣常熟',
    body: '核定使用商品：服装、针织品、纺织面料。',
    names: ['常熟锦绣纺织服装有限公司'],
    districtId: 'changshu',
    sortDate: '2019-11-02',
    identifiers: ['29876543'],
    classes: [{ scheme: 'nice', code: '25' }],
  },
  {
    sourceId: 'g1',
    kind: 'geographical_indication',
    title: '阳澄湖大闸蟹',
    body: '地理标志保护产品，产于苏州阳澄湖区域，青背白肚金爪黄毛。',
    names: ['苏州市阳澄湖大闸蟹行业协会'],
    districtId: 'xiangcheng',
    sortDate: '2005-03-01',
  },
  {
    sourceId: 'c1',
    kind: 'copyright',
    title: '智能制造生产线管理软件V2.0',
    body: '计算机软件著作权登记，实现生产线设备监控、工单排程与质量追溯。',
    names: ['苏州吴中智能制造有限公司'],
    districtId: 'wuzhong',
    sortDate: '2023-07-18',
    identifiers: ['2023SR0456789'],
  },
  {
    sourceId: 'd1',
    kind: 'patent',
    title: '苏绣丝绸围巾（牡丹）',
    body: '外观设计专利，产品为丝绸围巾，设计要点在于图案。',
    names: ['苏州姑苏丝绸文创有限公司'],
    districtId: 'gusu',
    sortDate: '2024-04-01',
  },
  {
    sourceId: 'x1',
    kind: 'patent',
    title: '一种半导体激光器（未公开）',
    body: '尚未公开的半导体专利申请。',
    names: ['昆山精密电子科技有限公司'],
    districtId: 'kunshan',
    sortDate: '2025-01-01',
  },
]

const unpublished = new Set(['x1'])
const everyone = () => sql<boolean>`d.published = 1` as never

async function openSqlite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ sqliteFile: ':memory:' })
  await migrateToLatest(handle.db, migrations)
  return handle
}

async function load(handle: DatabaseHandle) {
  const now = new Date('2026-01-01T00:00:00Z')
  for (const d of corpus) {
    await indexDocument(
      handle.db,
      { ...d, source: 'asset', entityId: null, published: !unpublished.has(d.sourceId) },
      now,
    )
  }
}

// Expected top results on the corpus: the relevance test, and the order both databases must give.
const expectations: { q: string; ids?: string[]; ipc?: string; expected: string[] }[] = [
  // Title hits (2 per token) first, newest first among equals; abstract-only hits after.
  { q: '半导体', expected: ['p1', 'p4', 'p3'] },
  { q: '丝绸', expected: ['d1', 'p2', 't1'] },
  { q: '丝绸面料', expected: ['p2', 't1'] },
  { q: '半导体 清洗', expected: ['p1'] },
  { q: '阳澄湖', expected: ['g1'] },
  { q: '服装', expected: ['t2', 't1'] }, // t2's holder name has 服装 too
  { q: '智能制造', expected: ['c1', 'p3'] },
  // Pinyin and initials of holder names, as prefixes.
  { q: 'gusu', expected: ['d1', 'p2', 't1'] },
  { q: 'szgssc', expected: ['d1', 'p2', 't1'] },
  { q: 'changshu', expected: ['t2'] },
  // Identifier lookups and filters.
  { q: '', ids: ['202310123456'], expected: ['p1'] },
  { q: '', ids: ['38123456'], expected: ['t1'] },
  { q: '半导体', ipc: 'H01L', expected: ['p1', 'p4'] },
]

describe('search kernel', () => {
  const handles: { name: string; handle: DatabaseHandle }[] = []

  beforeAll(async () => {
    handles.push({ name: 'sqlite', handle: await openSqlite() })
    if (process.env.DATABASE_URL) handles.push({ name: 'postgres', handle: await openTestDatabase() })
    for (const { handle } of handles) await load(handle)
  })
  afterAll(async () => {
    for (const { handle } of handles) await handle.close()
  })

  const run = (handle: DatabaseHandle, e: (typeof expectations)[number], pageSize = 20) =>
    search(handle.db, {
      text: e.q,
      identifiers: e.ids,
      visible: everyone,
      classes: e.ipc ? [{ scheme: 'ipc', prefix: e.ipc }] : undefined,
      page: 1,
      pageSize,
    })

  it('segments queries into words and names into pinyin tokens', () => {
    expect(segmentQuery('苏州半导体清洗装置')).toEqual(['苏州', '半导体', '清洗', '装置'])
    expect(segmentQuery('５G通信，LED！')).toEqual(['5', 'g', '通信', 'led'])
    expect(pinyinTokens('苏州姑苏丝绸文创有限公司')).toEqual(
      expect.arrayContaining(['suzhougususichouwenchuangyouxiangongsi', 'szgsscwcyxgs', 'gusu', 'sichou']),
    )
  })

  it('returns the expected top results for the fixed corpus, on every database the same ids in the same order', async () => {
    for (const { name, handle } of handles) {
      for (const e of expectations) {
        const result = await run(handle, e)
        expect(
          result.hits.map((h) => h.sourceId),
          `${name}: ${e.q || e.ids}`,
        ).toEqual(e.expected)
        expect(result.total).toBe(e.expected.length)
      }
    }
  })

  it('never returns what the visibility condition excludes', async () => {
    for (const { handle } of handles) {
      const all = await search(handle.db, {
        text: '半导体',
        visible: () => sql<boolean>`1 = 1` as never,
        page: 1,
        pageSize: 50,
      })
      expect(all.hits.map((h) => h.sourceId)).toContain('x1')
      const published = await run(handle, { q: '半导体', expected: [] })
      expect(published.hits.map((h) => h.sourceId)).not.toContain('x1')
    }
  })

  it('pages without overlap and counts facets', async () => {
    for (const { handle } of handles) {
      const first = await run(handle, { q: '丝绸', expected: [] }, 2)
      const second = await search(handle.db, { text: '丝绸', visible: everyone, page: 2, pageSize: 2 })
      expect([...first.hits, ...second.hits].map((h) => h.sourceId)).toEqual(['d1', 'p2', 't1'])
      expect(second.total).toBe(3)
      const facets = await searchFacets(handle.db, { text: '丝绸', visible: everyone, page: 1, pageSize: 20 })
      expect(facets.kind).toEqual([
        { value: 'patent', count: 2 },
        { value: 'trademark', count: 1 },
      ])
      expect(facets.nice).toEqual([
        { value: '24', count: 1 },
        { value: '25', count: 1 },
      ])
      expect(facets.ipc).toEqual([{ value: 'D06P', count: 1 }])
      expect(facets.sampled).toBe(false)
    }
  })

  it('counts facets over the most recently indexed matches when more match than the sample', async () => {
    const docs = Array.from({ length: 9 }, (_, i) => ({
      source: 'asset',
      sourceId: `lamp${i}`,
      kind: i < 6 ? 'patent' : 'trademark',
      title: '宫灯制作',
      body: '苏州宫灯。',
      names: ['苏州灯彩研究所'],
      districtId: i % 2 === 0 ? 'gusu' : 'wuzhong',
      entityId: null,
      published: true,
      sortDate: `20${10 + i}-01-01`,
      classes: [{ scheme: 'nice', code: i < 6 ? '11' : '20' }],
    }))
    const request = { text: '宫灯', visible: everyone, page: 1, pageSize: 20 }
    for (const { name, handle } of handles) {
      for (const d of docs) await indexDocument(handle.db, d, new Date())
      const exact = await searchFacets(handle.db, request)
      expect(exact.sampled, name).toBe(false)
      expect(exact.kind).toEqual([
        { value: 'patent', count: 6 },
        { value: 'trademark', count: 3 },
      ])
      // lamp8…lamp4 were indexed last: three trademarks, two patents; 2018, 2017… one each.
      const sampled = await searchFacets(handle.db, request, { sample: 5 })
      expect(sampled.sampled, name).toBe(true)
      expect(sampled.kind).toEqual([
        { value: 'trademark', count: 3 },
        { value: 'patent', count: 2 },
      ])
      expect(sampled.nice).toEqual([
        { value: '20', count: 3 },
        { value: '11', count: 2 },
      ])
      expect(sampled.district).toEqual([
        { value: 'gusu', count: 3 },
        { value: 'wuzhong', count: 2 },
      ])
      expect(sampled.year.map((y) => y.value)).toEqual(['2014', '2015', '2016', '2017', '2018'])
      for (const d of docs) await removeDocument(handle.db, 'asset', d.sourceId)
    }
  })

  it('keeps the index in step: re-indexing replaces, removal deletes', async () => {
    for (const { handle } of handles) {
      const doc = corpus.find((d) => d.sourceId === 'g1')!
      const now = new Date()
      await indexDocument(
        handle.db,
        { ...doc, source: 'asset', entityId: null, published: true, title: '阳澄湖清水大闸蟹' },
        now,
      )
      expect((await run(handle, { q: '清水', expected: [] })).hits.map((h) => h.sourceId)).toEqual(['g1'])
      await removeDocument(handle.db, 'asset', 'g1')
      expect((await run(handle, { q: '阳澄湖', expected: [] })).total).toBe(0)
      await indexDocument(handle.db, { ...doc, source: 'asset', entityId: null, published: true }, now)
    }
  })

  it('ranks a word by score levels exactly as the full ranking, newest first within a level, and caps the total', async () => {
    // 40 records in four score levels for 团扇: title and holder (3), title (2), holder (1), abstract (0);
    // dates scrambled against index order, every fifth unpublished.
    const docs = Array.from({ length: 40 }, (_, i) => {
      const level = i % 4
      const d = (i * 17) % 40
      return {
        id: `fan${i}`,
        level,
        published: i % 5 !== 4,
        doc: {
          source: 'asset',
          sourceId: `fan${i}`,
          kind: 'patent',
          title: level >= 2 ? '团扇绣品' : '折扇绣品',
          body: level === 0 ? '图案取自团扇。' : '苏绣工艺。',
          names: [level % 2 === 1 ? '苏州团扇工坊' : '苏州刺绣研究所'],
          districtId: 'gusu',
          entityId: null,
          published: i % 5 !== 4,
          sortDate: `${2010 + Math.floor(d / 12)}-${String(1 + (d % 12)).padStart(2, '0')}-15`,
        } satisfies SearchDocument,
      }
    })
    const ranked = (score: (level: number) => number) =>
      docs
        .filter((d) => d.published && score(d.level) >= 0)
        .sort((a, b) => score(b.level) - score(a.level) || (a.doc.sortDate < b.doc.sortDate ? 1 : -1))
        .map((d) => d.id)
    const cases = [
      { q: '团扇', expected: ranked((level) => level) },
      // Pinyin matches holder names only: one level, newest first.
      { q: 'tuanshan', expected: ranked((level) => (level % 2 === 1 ? 1 : -1)) },
    ]
    for (const { name, handle } of handles) {
      for (const d of docs) await indexDocument(handle.db, d.doc, new Date())
      for (const { q, expected } of cases) {
        // A tiny level limit reads every level newest first, a large one sorts each; then the default.
        for (const levelSortLimit of [2, 20_000, undefined]) {
          const seen: string[] = []
          for (let page = 1; page <= 5; page++) {
            const r = await search(
              handle.db,
              { text: q, visible: everyone, page, pageSize: 7 },
              { levelSortLimit },
            )
            expect(r.total, `${name} ${q}`).toBe(expected.length)
            expect(r.totalIsLowerBound).toBe(false)
            seen.push(...r.hits.map((h) => h.sourceId))
          }
          expect(seen, `${name} ${q} ${levelSortLimit}`).toEqual(expected)
        }
      }
      const capped = await search(
        handle.db,
        { text: '团扇', visible: everyone, page: 1, pageSize: 5 },
        { totalCap: 10 },
      )
      expect(capped.total).toBe(10)
      expect(capped.totalIsLowerBound).toBe(true)
      expect(capped.hits.map((h) => h.sourceId)).toEqual(cases[0]!.expected.slice(0, 5))
      for (const d of docs) await removeDocument(handle.db, 'asset', d.id)
    }
  })

  it('matches a word exactly even where it only starts a holder name token', async () => {
    // "5" is not a prefix token: 苏州5G通信's token "5g" scores a name hit for it but is no match;
    // 苏州5号通信's token "5" is both. A level limit of 0 walks every level.
    const docs: SearchDocument[] = [
      { sourceId: 'n5g', title: '一种通信模块', body: '通信模块。', names: ['苏州5G通信有限公司'] },
      { sourceId: 'n5', title: '一种通信模块', body: '型号5号的通信模块。', names: ['苏州通信有限公司'] },
      { sourceId: 'n5name', title: '一种通信模块', body: '通信模块。', names: ['苏州5号通信有限公司'] },
    ].map((d) => ({
      ...d,
      source: 'asset',
      kind: 'patent',
      districtId: 'gusu',
      entityId: null,
      published: true,
      sortDate: '2020-01-01',
    }))
    for (const { name, handle } of handles) {
      for (const d of docs) await indexDocument(handle.db, d, new Date())
      for (const levelSortLimit of [0, undefined]) {
        const r = await search(
          handle.db,
          { text: '5', visible: everyone, page: 1, pageSize: 10 },
          { levelSortLimit },
        )
        expect(
          r.hits.map((h) => h.sourceId),
          name,
        ).toEqual(['n5name', 'n5'])
        expect(r.total).toBe(2)
      }
      for (const d of docs) await removeDocument(handle.db, 'asset', d.sourceId)
    }
  })

  it('highlights on the original text', () => {
    const text = corpus[0]!.body
    const s = snippet(text, ['半导体', '清洗'], 20)
    expect(s.text.startsWith('…') || s.text.startsWith('本')).toBe(true)
    for (const [a, b] of s.highlights) expect(['半导体', '清洗']).toContain(s.text.slice(a, b))
    expect(highlightAll('LED灯LED', ['led']).highlights).toEqual([
      [0, 3],
      [4, 7],
    ])
  })
})
