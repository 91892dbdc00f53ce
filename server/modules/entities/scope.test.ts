import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { demoEntities, demoUscc } from '../identity/seed.ts'

interface EntityItem {
  id: string
  name: string
  districtId: string | null
}

describe('entity data scope', () => {
  let t: TestApp
  let orgIds: Map<string, string>
  let gusuEntity: EntityItem
  let kunshanEntity: EntityItem
  let gusu: Session
  let kunshan: Session

  // Other modules' demo data add entities too: expectations come from the table, counted apart from the API.
  const countIn = async (districtCode?: string) => {
    let q = t.database.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n'))
    if (districtCode) q = q.where('district_id', '=', orgIds.get(districtCode)!)
    return Number((await q.executeTakeFirstOrThrow()).n)
  }

  const list = async (as: Session | undefined, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/entities${query}`, as })
    expect(response.statusCode).toBe(200)
    return response.json() as { items: EntityItem[]; total: number; page: number; pageSize: number }
  }

  beforeAll(async () => {
    t = await createTestApp()
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    orgIds = new Map(orgs.map((o) => [o.code, o.id]))
    // Three more 姑苏区 entities, filed by the center (city level), so a district list has pages.
    const clerk = await t.login('clerk')
    for (const [index, suffix] of ['A1', 'B2', 'C3'].entries()) {
      const created = await t.request({
        method: 'POST',
        url: '/api/entities',
        as: clerk,
        payload: {
          uscc: demoUscc(`91320508MA1XW${suffix}${index}0`),
          name: `苏州姑苏测试${index}有限公司`,
          districtId: orgIds.get('gusu'),
        },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    const all = await list(await t.login('officer'), '?pageSize=200')
    gusuEntity = all.items.find((e) => e.name === demoEntities[0].name)!
    kunshanEntity = all.items.find((e) => e.name === demoEntities[1].name)!
    gusu = await t.login('officer.gusu')
    kunshan = await t.login('officer.kunshan')
  })
  afterAll(() => t.close())

  it('shows a 姑苏区 officer only 姑苏区 entities, with a total counted in the query', async () => {
    const expected = await countIn('gusu')
    expect(expected).toBeGreaterThanOrEqual(4)
    const page = await list(gusu, '?pageSize=200')
    expect(page.total).toBe(expected)
    expect(page.items).toHaveLength(expected)
    expect(new Set(page.items.map((e) => e.districtId))).toEqual(new Set([orgIds.get('gusu')]))
    const own = await t.request({ method: 'GET', url: `/api/entities/${gusuEntity.id}`, as: gusu })
    expect(own.statusCode).toBe(200)
    const other = await t.request({ method: 'GET', url: `/api/entities/${kunshanEntity.id}`, as: gusu })
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('not_found')
  })

  it('pages a scoped list: every page counts the scope, not the table', async () => {
    const expected = await countIn('gusu')
    const pages = Math.ceil(expected / 3)
    const ids: string[] = []
    for (let page = 1; page <= pages + 1; page++) {
      const result = await list(gusu, `?pageSize=3&page=${page}`)
      expect(result.total).toBe(expected)
      expect(result.items).toHaveLength(page <= pages ? Math.min(3, expected - (page - 1) * 3) : 0)
      ids.push(...result.items.map((e) => e.id))
    }
    expect(new Set(ids).size).toBe(expected)
  })

  it('cannot widen the scope with filters: another district or a search for its name finds nothing', async () => {
    const byDistrict = await list(gusu, `?districtId=${orgIds.get('kunshan')}`)
    expect(byDistrict).toMatchObject({ total: 0, items: [] })
    const bySearch = await list(gusu, `?q=${encodeURIComponent('昆山')}`)
    expect(bySearch).toMatchObject({ total: 0, items: [] })
  })

  it('searches names literally: % and _ typed by a user are not wildcards', async () => {
    const officer = await t.login('officer')
    expect((await list(officer, `?q=${encodeURIComponent('姑苏测试')}`)).total).toBe(3)
    expect((await list(officer, `?q=${encodeURIComponent('姑苏测试%有限')}`)).total).toBe(0)
    expect((await list(officer, `?q=${encodeURIComponent('姑苏测试_有限')}`)).total).toBe(0)
    expect((await list(officer, '?q=%25')).total).toBe(0)
  })

  it('shows a 昆山市 officer the reverse', async () => {
    const page = await list(kunshan, '?pageSize=200')
    expect(page.total).toBe(await countIn('kunshan'))
    expect(page.items.map((e) => e.id)).toContain(kunshanEntity.id)
    expect(page.items.map((e) => e.id)).not.toContain(gusuEntity.id)
    expect(
      (await t.request({ method: 'GET', url: `/api/entities/${kunshanEntity.id}`, as: kunshan })).statusCode,
    ).toBe(200)
    expect(
      (await t.request({ method: 'GET', url: `/api/entities/${gusuEntity.id}`, as: kunshan })).statusCode,
    ).toBe(404)
  })

  it('shows a city-level officer every entity, paged', async () => {
    const officer = await t.login('officer')
    const total = await countIn()
    expect(total).toBeGreaterThanOrEqual(demoEntities.length + 3)
    const all = await list(officer, '?pageSize=200')
    expect(all.total).toBe(total)
    const firstPage = await list(officer, '?pageSize=4')
    expect(firstPage).toMatchObject({ total, page: 1, pageSize: 4 })
    expect(firstPage.items).toHaveLength(4)
    const lastPageNumber = Math.ceil(total / 4)
    const lastPage = await list(officer, `?pageSize=4&page=${lastPageNumber}`)
    expect(lastPage.items).toHaveLength(total - (lastPageNumber - 1) * 4)
    expect((await list(officer, `?districtId=${orgIds.get('kunshan')}`)).total).toBe(await countIn('kunshan'))
  })

  it('shows an enterprise user only its own entity', async () => {
    const enterprise = await t.login('enterprise')
    const me = (await t.request({ method: 'GET', url: '/api/auth/me', as: enterprise })).json()
    const page = await list(enterprise)
    expect(page.total).toBe(1)
    expect(page.items.map((e) => e.id)).toEqual([me.user.entityId])
    const other = page.items[0]!.id === gusuEntity.id ? kunshanEntity : gusuEntity
    expect(
      (await t.request({ method: 'GET', url: `/api/entities/${other.id}`, as: enterprise })).statusCode,
    ).toBe(404)
  })

  it('keeps the public out with 401', async () => {
    const response = await t.request({ method: 'GET', url: '/api/entities' })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('unauthenticated')
    const one = await t.request({ method: 'GET', url: `/api/entities/${gusuEntity.id}` })
    expect(one.statusCode).toBe(401)
  })
})
