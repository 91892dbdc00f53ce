import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computePatentCheckDigit } from '../../../contracts/identifiers/index.ts'
import type { SearchResponse } from '../../../contracts/search.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { reindexAll } from './index.ts'

const KUNSHAN_USCC = '91320583MA1N2K8R3C'
const WAFER_BODY = '202311034567'
const LASER = '一种半导体激光器芯片的封装结构'

// The expected orders below are the ranking rule (docs/decisions.md) applied by hand; the same
// test runs on SQLite and on PostgreSQL, so both must return exactly these ids in this order.
describe('GET /api/search', () => {
  let t: TestApp
  let clerk: Session
  let orgIds: Map<string, string>

  const find = async (params: Record<string, string | number>, as?: Session) => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
    const response = await t.request({ method: 'GET', url: `/api/search?${query}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as SearchResponse
  }
  const titles = (r: SearchResponse) => r.items.map((i) => i.title.text)

  beforeAll(async () => {
    t = await createTestApp()
    clerk = await t.login('clerk')
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    orgIds = new Map(orgs.map((o) => [o.code, o.id]))
  })
  afterAll(() => t.close())

  it('ranks title matches first, newest first, and never shows the public an unpublished asset', async () => {
    const publicResult = await find({ q: '半导体' })
    // 昆精 has 半导体 only in its abstract (no title points): after the title matches.
    expect(titles(publicResult)).toEqual(['一种半导体晶圆清洗装置', '半导体封装用环氧树脂组合物', '昆精'])
    const kunshan = await find({ q: '半导体' }, await t.login('officer.kunshan'))
    expect(titles(kunshan)).toEqual([LASER, '一种半导体晶圆清洗装置', '半导体封装用环氧树脂组合物', '昆精'])
    expect(titles(await find({ q: '半导体' }, await t.login('officer.gusu')))).not.toContain(LASER)
    expect(titles(await find({ q: '半导体' }, await t.login('enterprise')))).toContain(LASER)
    expect(titles(await find({ q: '激光器' }))).toEqual([])
  })

  it('matches multi-word queries with every word, and highlights on the original text', async () => {
    const result = await find({ q: '丝绸 印花' })
    expect(titles(result)).toEqual(['一种丝绸面料的数码印花方法'])
    const hit = result.items[0]!
    const marked = hit.title.highlights.map(([a, b]) => hit.title.text.slice(a, b))
    expect(marked).toEqual(['丝绸', '印花'])
    for (const [a, b] of hit.snippet.highlights)
      expect(['丝绸', '印花']).toContain(hit.snippet.text.slice(a, b))
    expect(hit.snippet.highlights.length).toBeGreaterThan(0)
    expect(titles(await find({ q: '丝绸 半导体' }))).toEqual([])
  })

  it('looks up application numbers with or without check digit, registration numbers and USCCs exactly', async () => {
    const canonical = `${WAFER_BODY}.${computePatentCheckDigit(WAFER_BODY)}`
    for (const q of [WAFER_BODY, canonical, `CN${canonical}`, `ZL${WAFER_BODY}`]) {
      const result = await find({ q })
      expect(result.identifier).toBe(true)
      expect(result.items.map((i) => i.number)).toEqual([canonical])
    }
    expect((await find({ q: `${WAFER_BODY}.X` })).total).toBe(0)
    expect(titles(await find({ q: '38123456' }))).toEqual(['姑苏绣韵'])
    const byHolder = await find({ q: KUNSHAN_USCC, pageSize: 50 })
    expect(byHolder.total).toBe(7)
    expect(byHolder.items.every((i) => i.names.text.includes('昆山精密电子科技有限公司'))).toBe(true)
    expect(titles(byHolder)).not.toContain(LASER)
  })

  it('matches holder names by pinyin and initials', async () => {
    for (const q of ['gusu', 'szgs', 'SuZhouGuSu']) {
      const result = await find({ q, pageSize: 50 })
      expect(result.total, q).toBe(7)
      expect(result.items.every((i) => i.names.text.includes('苏州姑苏丝绸文创有限公司'))).toBe(true)
    }
    expect(titles(await find({ q: 'changshu' }))).toEqual(['一种防钻绒羽绒服面料', '锦绣常熟'])
  })

  it('filters by type, Nice and IPC class, district and date, with facets', async () => {
    expect(titles(await find({ type: 'trademark', nice: 25 }))).toEqual(['姑苏绣韵', '锦绣常熟'])
    expect(titles(await find({ ipc: 'C08L' }))).toEqual([
      '一种纳米纤维素增强可降解复合膜',
      '一种石墨烯改性导热硅胶及其制备方法',
      '半导体封装用环氧树脂组合物',
    ])
    expect(titles(await find({ ipc: 'H01L 21/67' }))).toEqual(['一种半导体晶圆清洗装置'])
    const kunshan = await find({ district: orgIds.get('kunshan')!, pageSize: 50 })
    // The district also has service-directory points (source 'service').
    expect(kunshan.items.filter((i) => i.source === 'asset')).toHaveLength(7)
    const recent = await find({ type: 'patent', from: '2024-01-01', to: '2024-12-31' })
    expect(titles(recent)).toEqual([
      '一种数控机床主轴的冷却装置',
      '一种无血清细胞培养基及其应用',
      '丝绸围巾（苏绣牡丹）',
      '一种高精度连接器端子的冲压模具',
    ])
    const facets = (await find({ q: '丝绸' })).facets
    // 丝绸 is also in the holder's name, so all of its assets match (title matches first).
    expect(facets.type.map((f) => [f.value, f.count])).toEqual([
      ['patent', 3],
      ['trademark', 2],
      ['copyright', 1],
      ['geographical_indication', 1],
    ])
    expect(facets.district).toEqual([{ value: orgIds.get('gusu'), label: '姑苏区', count: 7 }])
    expect(facets.nice.map((f) => f.label)).toEqual(['第24类', '第25类', '第26类', '第35类'])
    const invalid = await t.request({ method: 'GET', url: '/api/search?type=nonsense' })
    expect(invalid.statusCode).toBe(400)
  })

  it('pages through results without overlap', async () => {
    const all = await find({ q: '', type: 'patent', pageSize: 50 })
    const pages: string[] = []
    for (let page = 1; page <= Math.ceil(all.total / 4); page++) {
      const r = await find({ q: '', type: 'patent', pageSize: 4, page })
      expect(r.total).toBe(all.total)
      expect(r.totalIsLowerBound).toBe(false)
      pages.push(...r.items.map((i) => i.id))
    }
    expect(pages).toEqual(all.items.map((i) => i.id))
  })

  it('keeps the index in step with publication, in the same transaction', async () => {
    const staffView = await find({ q: '激光器' }, clerk)
    const laser = staffView.items[0]!
    expect(laser.title.text).toBe(LASER)
    const publish = (published: boolean) =>
      t.request({
        method: 'POST',
        url: `/api/registry/assets/${laser.id}/publication`,
        as: clerk,
        payload: { published },
      })
    expect((await publish(true)).statusCode).toBe(200)
    expect(titles(await find({ q: '激光器' }))).toEqual([LASER])
    expect((await publish(false)).statusCode).toBe(200)
    expect(titles(await find({ q: '激光器' }))).toEqual([])
  })

  it('never returns an unpublished asset to the public, nor another district’s to district staff', async () => {
    type Listed = { id: string; title: string; published: boolean; districtId: string | null }
    const all = (
      await t.request({ method: 'GET', url: '/api/registry/assets?pageSize=200', as: clerk })
    ).json().items as Listed[]
    const hidden = all.filter((a) => !a.published)
    expect(hidden.length).toBeGreaterThanOrEqual(2)
    const gusuId = orgIds.get('gusu')
    const gusu = await t.login('officer.gusu')
    // Every word of every hidden title, the empty query (browse), and each hidden asset's number.
    const queries = new Set<string>([''])
    for (const a of hidden) for (const w of a.title.match(/\p{Script=Han}{2}/gu) ?? []) queries.add(w)
    for (const q of queries) {
      const publicIds = (await find({ q, pageSize: 50 })).items.map((i) => i.id)
      expect(
        publicIds.filter((id) => hidden.some((h) => h.id === id)),
        q,
      ).toEqual([])
      const gusuIds = (await find({ q, pageSize: 50 }, gusu)).items.map((i) => i.id)
      const outOfScope = hidden.filter((h) => h.districtId !== gusuId).map((h) => h.id)
      expect(
        gusuIds.filter((id) => outOfScope.includes(id)),
        q,
      ).toEqual([])
    }
  })

  it('finds articles once published, and drafts only for staff in scope', async () => {
    const admin = await t.login('admin')
    const created = await t.request({
      method: 'POST',
      url: '/api/articles',
      as: admin,
      payload: {
        kind: 'news',
        title: '苏州发布知识产权快速维权指南',
        body: '<p>保护中心为重点企业提供快速维权服务。</p>',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    // Service points offering 快速维权 match too; the article is news.
    expect((await find({ q: '快速维权', type: 'news' })).total).toBe(0)
    expect((await find({ q: '快速维权', type: 'news' }, admin)).items.map((i) => i.id)).toEqual([id])
    await t.request({ method: 'POST', url: `/api/articles/${id}/submit`, as: admin })
    const reviewed = await t.request({
      method: 'POST',
      url: `/api/articles/${id}/review`,
      as: await t.login('examiner'),
      payload: { decision: 'approve' },
    })
    expect(reviewed.statusCode, reviewed.body).toBe(200)
    const published = await find({ q: '快速维权', type: 'news' })
    expect(published.items.map((i) => [i.source, i.kind, i.id])).toEqual([['article', 'news', id]])
    expect(published.items[0]!.snippet.text).not.toContain('<p>')
  })
})

describe('zhibao search reindex', () => {
  it('rebuilds the index with the same results', async () => {
    const t = await createTestApp()
    try {
      const ids = async (q: string) =>
        (
          (
            await t.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&pageSize=50` })
          ).json() as SearchResponse
        ).items.map((i) => i.id)
      const before = await Promise.all(['半导体', '丝绸', 'gusu', '202311034567'].map(ids))
      const counts = await reindexAll(t.database.db, new Date())
      expect(counts.asset).toBeGreaterThanOrEqual(30)
      expect(await Promise.all(['半导体', '丝绸', 'gusu', '202311034567'].map(ids))).toEqual(before)
    } finally {
      await t.close()
    }
  })
})
