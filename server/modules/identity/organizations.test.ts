import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

interface Org {
  id: string
  parentId: string | null
  kind: string
  code: string
  nameZh: string
  divisionCode: string | null
  functionalZone: boolean
  districtId: string | null
}

const countyDivisions = {
  gusu: ['姑苏区', '320508'],
  huqiu: ['虎丘区（苏州高新区）', '320505'],
  wuzhong: ['吴中区', '320506'],
  xiangcheng: ['相城区', '320507'],
  wujiang: ['吴江区', '320509'],
  changshu: ['常熟市', '320581'],
  zhangjiagang: ['张家港市', '320582'],
  kunshan: ['昆山市', '320583'],
  taicang: ['太仓市', '320585'],
} as const

describe('the organization tree', () => {
  let t: TestApp
  let admin: Session
  const tree = async () => {
    const response = await t.request({ method: 'GET', url: '/api/organizations' })
    expect(response.statusCode).toBe(200)
    const orgs = response.json() as Org[]
    return new Map(orgs.map((o) => [o.code, o]))
  }

  beforeAll(async () => {
    t = await createTestApp()
    admin = await t.login('admin')
  })
  afterAll(() => t.close())

  it('ships 苏州市, its nine county-level divisions, 苏州工业园区 and the protection centers', async () => {
    const orgs = await tree()
    const city = orgs.get('suzhou')!
    expect(city).toMatchObject({ parentId: null, kind: 'city', nameZh: '苏州市', divisionCode: '320500' })
    const divisions = [...orgs.values()].filter((o) => o.kind === 'district')
    expect(divisions).toHaveLength(9)
    for (const [code, [name, division]] of Object.entries(countyDivisions)) {
      expect(orgs.get(code), code).toMatchObject({
        parentId: city.id,
        kind: 'district',
        nameZh: name,
        divisionCode: division,
        functionalZone: false,
      })
    }
    const sip = orgs.get('sip')!
    expect(sip).toMatchObject({
      parentId: city.id,
      nameZh: '苏州工业园区',
      divisionCode: null,
      functionalZone: true,
    })
    expect(orgs.get('center')).toMatchObject({
      kind: 'center',
      nameZh: '中国（苏州）知识产权保护中心',
      districtId: null,
    })
    const branches = [...orgs.values()].filter((o) => o.kind === 'branchCenter')
    expect(branches.map((b) => b.code).sort()).toEqual([
      'center-huqiu',
      'center-kunshan',
      'center-sip',
      'rapid-changshu',
    ])
    expect(orgs.get('center-kunshan')!.districtId).toBe(orgs.get('kunshan')!.id)
    expect(orgs.get('center-sip')!.districtId).toBe(sip.id)
  })

  it('lets an administrator create, rename and move a node', async () => {
    const orgs = await tree()
    const created = await t.request({
      method: 'POST',
      url: '/api/organizations',
      as: admin,
      payload: {
        parentId: orgs.get('gusu')!.id,
        kind: 'workstation',
        code: 'ws-pingjiang',
        nameZh: '平江路工作站',
        nameEn: 'Pingjiang Road workstation',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const station = created.json() as Org
    expect(station).toMatchObject({ parentId: orgs.get('gusu')!.id, districtId: orgs.get('gusu')!.id })

    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${station.id}`,
      as: admin,
      payload: { nameZh: '平江历史街区工作站' },
    })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect(renamed.json().nameZh).toBe('平江历史街区工作站')

    const moved = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${station.id}`,
      as: admin,
      payload: { parentId: orgs.get('kunshan')!.id },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({
      parentId: orgs.get('kunshan')!.id,
      districtId: orgs.get('kunshan')!.id,
    })
    expect((await tree()).get('ws-pingjiang')).toMatchObject({
      nameZh: '平江历史街区工作站',
      districtId: orgs.get('kunshan')!.id,
    })

    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', station.id)
      .orderBy('seq')
      .execute()
    expect(audits.map((a) => a.action)).toEqual([
      'organization.create',
      'organization.update',
      'organization.update',
    ])
  })

  it('refuses a move that would make a cycle', async () => {
    const orgs = await tree()
    const kunshan = orgs.get('kunshan')!
    const branch = orgs.get('center-kunshan')!
    const intoDescendant = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${kunshan.id}`,
      as: admin,
      payload: { parentId: branch.id },
    })
    expect(intoDescendant.statusCode).toBe(400)
    expect(intoDescendant.json().code).toBe('organization_invalid_parent')
    const intoItself = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${branch.id}`,
      as: admin,
      payload: { parentId: branch.id },
    })
    expect(intoItself.statusCode).toBe(400)
    expect((await tree()).get('kunshan')!.parentId).toBe(orgs.get('suzhou')!.id)
  })

  it('refuses an invalid GB/T 2260 division code', async () => {
    const orgs = await tree()
    const response = await t.request({
      method: 'POST',
      url: '/api/organizations',
      as: admin,
      payload: {
        parentId: orgs.get('suzhou')!.id,
        kind: 'district',
        code: 'nowhere',
        nameZh: '无此区',
        nameEn: 'Nowhere',
        divisionCode: '329999',
      },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0].path).toBe('body.divisionCode')
    expect((await tree()).has('nowhere')).toBe(false)
  })

  it('keeps the tree to administrators', async () => {
    const orgs = await tree()
    const clerk = await t.login('clerk')
    const payload = {
      parentId: orgs.get('gusu')!.id,
      kind: 'workstation',
      code: 'ws-x',
      nameZh: '某站',
      nameEn: 'X',
    }
    const create = await t.request({ method: 'POST', url: '/api/organizations', as: clerk, payload })
    expect(create.statusCode).toBe(403)
    const rename = await t.request({
      method: 'PATCH',
      url: `/api/organizations/${orgs.get('gusu')!.id}`,
      as: clerk,
      payload: { nameZh: '改名' },
    })
    expect(rename.statusCode).toBe(403)
    const anonymous = await t.request({ method: 'POST', url: '/api/organizations', payload })
    expect(anonymous.statusCode).toBe(401)
  })
})
