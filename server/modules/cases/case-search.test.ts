import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeUsccCheckChar } from '../../../contracts/identifiers/index.ts'
import type { SearchResponse } from '../../../contracts/search.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { reindexAll } from '../search/index.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')
const uscc = (first17: string) => first17 + computeUsccCheckChar(first17)
const GUSU_USCC = uscc('91320508MA7XY1234')

describe('cases in the unified search: staff in scope only', () => {
  let t: TestApp
  const sessions: Record<string, Session> = {}
  const cases: Record<string, { id: string; number: string }> = {}

  const find = async (q: string, as?: string) => {
    const response = await t.request({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent(q)}&pageSize=50`,
      ...(as ? { as: sessions[as] } : {}),
    })
    expect(response.statusCode, response.body).toBe(200)
    return (response.json() as SearchResponse).items.filter((i) => i.source === 'case').map((i) => i.id)
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    for (const u of ['officer', 'officer.gusu', 'officer.kunshan', 'enterprise', 'police'])
      sessions[u] = await t.login(u)
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    const district = (code: string) => orgs.find((o) => o.code === code)!.id
    const intake = async (name: string, url: string, payload: object) => {
      const r = await t.request({ method: 'POST', url, payload })
      expect(r.statusCode, r.body).toBe(201)
      cases[name] = r.json()
    }
    await intake('gusu', '/api/cases/complaints', {
      complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
      respondent: { name: '苏州绫罗绸缎贸易有限公司', address: '苏州市姑苏区观前街2号', uscc: GUSU_USCC },
      right: { kind: 'trademark', number: '87654321' },
      request: '停止销售侵权商品',
      facts: '购买到假冒注册商标的丝绸围巾。',
      districtId: district('gusu'),
    })
    await intake('kunshan', '/api/cases/complaints', {
      complainant: { name: '赵六', phone: '13912345679', address: '昆山市前进路1号' },
      respondent: { name: '昆山绫罗绸缎电子商行', address: '昆山市人民路8号' },
      right: { kind: 'trademark', number: '11223344' },
      request: '停止销售侵权商品',
      facts: '购买到假冒注册商标的商品。',
      districtId: district('kunshan'),
    })
    await intake('report', '/api/cases/reports', {
      reporter: { name: '欧阳举报人', phone: '13800001111' },
      respondent: { name: '苏州某某电子商行', address: '苏州市姑苏区十全街3号' },
      right: { kind: 'designPatent', number: 'ZL202330000000.1' },
      clue: '该商行销售仿冒外观设计专利的产品。',
      districtId: district('gusu'),
    })
  })
  afterAll(() => t.close())

  it('finds a case by respondent name, number and USCC for staff of its district or the city', async () => {
    expect((await find('绫罗绸缎', 'officer')).sort()).toEqual([cases.gusu!.id, cases.kunshan!.id].sort())
    expect(await find('绫罗绸缎', 'officer.gusu')).toEqual([cases.gusu!.id])
    expect(await find('绫罗绸缎', 'officer.kunshan')).toEqual([cases.kunshan!.id])
    expect(await find(cases.gusu!.number, 'officer.gusu')).toEqual([cases.gusu!.id])
    expect(await find(GUSU_USCC, 'officer.gusu')).toEqual([cases.gusu!.id])
    expect(await find(cases.gusu!.number, 'officer.kunshan')).toEqual([])
    const hit = (
      await t.request({ method: 'GET', url: '/api/search?q=绫罗绸缎', as: sessions['officer.gusu'] })
    ).json() as SearchResponse
    expect(hit.facets.type).toContainEqual(expect.objectContaining({ value: 'case', label: '案件' }))
    // The hit's id opens the case (the web links it to /workbench/cases/{id}).
    const opened = await t.request({
      method: 'GET',
      url: `/api/cases/${hit.items.find((i) => i.source === 'case')!.id}`,
      as: sessions['officer.gusu'],
    })
    expect(opened.json().number).toBe(cases.gusu!.number)
  })

  it('never shows a case to the public, an enterprise or staff without case access', async () => {
    expect(await find('绫罗绸缎')).toEqual([])
    expect(await find(cases.gusu!.number)).toEqual([])
    expect(await find('绫罗绸缎', 'enterprise')).toEqual([])
    expect(await find(GUSU_USCC, 'enterprise')).toEqual([])
    expect(await find('绫罗绸缎', 'police')).toEqual([])
  })

  it('never indexes a reporter’s identity', async () => {
    expect(await find('苏州某某电子商行', 'officer')).toEqual([cases.report!.id])
    expect(await find('欧阳举报人', 'officer')).toEqual([])
    expect(await find('13800001111', 'officer')).toEqual([])
  })

  it('follows state changes in the case’s transaction, and survives `zhibao search reindex`', async () => {
    const body = async () =>
      (
        await t.database.db
          .selectFrom('search_documents')
          .select('body')
          .where('source', '=', 'case')
          .where('source_id', '=', cases.gusu!.id)
          .executeTakeFirstOrThrow()
      ).body
    expect(await body()).toContain('待受理')
    const accepted = await t.request({
      method: 'POST',
      url: `/api/cases/${cases.gusu!.id}/transitions/accept`,
      payload: { input: {} },
      as: sessions['officer.gusu'],
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(await body()).toContain('已受理')
    // A refused step changes nothing, the index included.
    const refused = await t.request({
      method: 'POST',
      url: `/api/cases/${cases.gusu!.id}/transitions/accept`,
      payload: { input: {} },
      as: sessions['officer.gusu'],
    })
    expect(refused.statusCode).toBe(409)
    expect(await body()).toContain('已受理')

    const before = await find('绫罗绸缎', 'officer')
    const counts = await reindexAll(t.database.db, new Date())
    expect(counts.case).toBe(3)
    expect(await find('绫罗绸缎', 'officer')).toEqual(before)
    expect(await find('欧阳举报人', 'officer')).toEqual([])
  })
})
