import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkServicePoint, servicePointInput } from '../../../contracts/services/index.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { writeXlsx } from '../../kernel/documents/tables.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { DEMO_SERVICE_POINTS } from './seed.ts'

interface Point {
  id: string
  name: string
  kind: string
  services: string[]
  districtId: string
  districtName: string | null
  contacts: { label: string | null; phone: string }[]
  lat: number
  lng: number
  published: boolean
}

function multipart(filename: string, content: Buffer | string) {
  const boundary = '----zhibao-services-boundary'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const clock = fixedClock('2025-03-10T02:00:00Z')

describe('service directory', () => {
  let t: TestApp
  let clerk: Session
  let orgIds: Map<string, string>

  const list = async (as?: Session, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/service-points?pageSize=200${query}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as { items: Point[]; total: number }
  }
  const point = (overrides: Record<string, unknown> = {}) => ({
    name: '吴中区知识产权服务工作站',
    kind: 'workstation',
    services: ['consultation', 'mediation'],
    districtId: orgIds.get('wuzhong'),
    address: '苏州市吴中区东吴北路 101 号',
    contacts: [{ label: '值班电话', phone: '(0512) 6525 1234' }],
    openingHours: '工作日 9:00–17:00',
    lat: 31.27,
    lng: 120.63,
    establishedOn: '2024-06-01',
    published: true,
    ...overrides,
  })

  beforeAll(async () => {
    t = await createTestApp({ clock })
    clerk = await t.login('clerk')
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    orgIds = new Map(orgs.map((o) => [o.code, o.id]))
  })
  afterAll(() => t.close())

  it('ships valid demo data: every phone and coordinate passes the checks', () => {
    expect(DEMO_SERVICE_POINTS.length).toBeGreaterThanOrEqual(15)
    for (const d of DEMO_SERVICE_POINTS) {
      const input = servicePointInput.parse({
        ...d,
        districtId: d.district,
        contacts: d.phones.map((phone) => ({ phone })),
      })
      expect(checkServicePoint(input).issues, d.name).toEqual([])
    }
  })

  it('shows the public only published points, filtered by service, district and text', async () => {
    const all = await list()
    expect(all.total).toBe(DEMO_SERVICE_POINTS.filter((d) => d.published !== false).length)
    expect(all.items.every((p) => p.published)).toBe(true)
    expect(all.items.map((p) => p.name)).not.toContain('吴中区知识产权公共服务网点')
    expect((await list(clerk)).items.map((p) => p.name)).toContain('吴中区知识产权公共服务网点')
    const mediation = await list(undefined, '&service=mediation')
    expect(mediation.items.length).toBeGreaterThan(0)
    expect(mediation.items.every((p) => p.services.includes('mediation'))).toBe(true)
    const kunshan = await list(undefined, `&districtId=${orgIds.get('kunshan')}`)
    expect(kunshan.items.map((p) => p.name).sort()).toEqual([
      '中国（苏州）知识产权保护中心昆山分中心',
      '昆山华诚商标代理有限公司',
    ])
    expect(kunshan.items[0]!.districtName).toBe('昆山市')
    const text = await list(undefined, `&q=${encodeURIComponent('盛泽')}`)
    expect(text.items.map((p) => p.name)).toEqual(['吴江区盛泽纺织知识产权工作站'])
    // A typed % or _ is a character to find, not a wildcard.
    for (const wildcard of ['%', '_', '盛%']) {
      expect((await list(undefined, `&q=${encodeURIComponent(wildcard)}`)).total).toBe(0)
    }
    const hidden = (await list(clerk)).items.find((p) => !p.published)!
    expect((await t.request({ method: 'GET', url: `/api/service-points/${hidden.id}` })).statusCode).toBe(404)
  })

  it('lets the clerk create, edit, publish and delete a point, with canonical phones and audit', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/service-points',
      as: clerk,
      payload: point(),
    })
    expect(created.statusCode, created.body).toBe(201)
    const body = created.json() as Point
    expect(body.contacts).toEqual([{ label: '值班电话', phone: '0512-65251234' }])
    expect(body.districtName).toBe('吴中区')
    const again = await t.request({ method: 'POST', url: '/api/service-points', as: clerk, payload: point() })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('service_point_exists')

    const hidden = await t.request({
      method: 'PATCH',
      url: `/api/service-points/${body.id}`,
      as: clerk,
      payload: point({ published: false, services: ['consultation'] }),
    })
    expect(hidden.statusCode, hidden.body).toBe(200)
    expect(hidden.json()).toMatchObject({ published: false, services: ['consultation'] })
    expect((await list()).items.map((p) => p.id)).not.toContain(body.id)

    const audit = (
      await t.request({ method: 'GET', url: '/api/audit?pageSize=50', as: await t.login('admin') })
    ).json()
    const actions = (audit.items as { action: string; targetId: string }[])
      .filter((a) => a.targetId === body.id)
      .map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['service_point.create', 'service_point.update']))

    const removed = await t.request({ method: 'DELETE', url: `/api/service-points/${body.id}`, as: clerk })
    expect(removed.statusCode, removed.body).toBe(200)
    expect(
      (await t.request({ method: 'GET', url: `/api/service-points/${body.id}`, as: clerk })).statusCode,
    ).toBe(404)
  })

  it('refuses bad phones and coordinates outside Suzhou with localized field errors, changing nothing', async () => {
    const before = (await list(clerk)).total
    const bad = await t.request({
      method: 'POST',
      url: '/api/service-points',
      as: clerk,
      headers: { 'accept-language': 'en' },
      payload: point({ contacts: [{ phone: '65251234' }], lat: 39.9, lng: 116.4 }),
    })
    expect(bad.statusCode).toBe(400)
    const errors = bad.json().errors as { path: string; message: string }[]
    expect(errors.map((e) => e.path).sort()).toEqual(['body.contacts.0.phone', 'body.lat', 'body.lng'])
    expect(errors.find((e) => e.path === 'body.lat')!.message).toMatch(/within Suzhou/)
    expect(errors.find((e) => e.path === 'body.contacts.0.phone')!.message).toMatch(/area code/)
    const zh = await t.request({
      method: 'POST',
      url: '/api/service-points',
      as: clerk,
      payload: point({ districtId: orgIds.get('center') }),
    })
    expect(zh.statusCode).toBe(400)
    expect(zh.json().errors[0]).toMatchObject({ path: 'body.districtId', code: 'district_unknown' })
    expect(zh.json().errors[0].message).toMatch(/辖区/)
    expect((await list(clerk)).total).toBe(before)
  })

  it('needs the directory permission; district staff manage only their own district', async () => {
    expect(
      (await t.request({ method: 'POST', url: '/api/service-points', payload: point() })).statusCode,
    ).toBe(401)
    const officer = await t.login('officer.kunshan')
    expect(
      (await t.request({ method: 'POST', url: '/api/service-points', as: officer, payload: point() }))
        .statusCode,
    ).toBe(403)
    const kunshanClerk = await t.loginAsNewUser({
      username: 'clerk.kunshan',
      roles: ['clerk'],
      orgCode: 'center-kunshan',
    })
    const elsewhere = await t.request({
      method: 'POST',
      url: '/api/service-points',
      as: kunshanClerk,
      payload: point(),
    })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().errors[0].code).toBe('district_out_of_scope')
    const own = await t.request({
      method: 'POST',
      url: '/api/service-points',
      as: kunshanClerk,
      payload: point({
        name: '昆山开发区知识产权工作站',
        districtId: orgIds.get('kunshan'),
        lat: 31.36,
        lng: 120.97,
        published: false,
      }),
    })
    expect(own.statusCode, own.body).toBe(201)
    // A published point of another district is visible but not editable.
    const gusu = (await list(kunshanClerk)).items.find((p) => p.name === '苏州市姑苏公证处')!
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/service-points/${gusu.id}`,
      as: kunshanClerk,
      payload: point({ name: '苏州市姑苏公证处', districtId: orgIds.get('gusu') }),
    })
    expect(edit.statusCode).toBe(404)
    // Unpublished points of another district stay hidden from district staff.
    const names = (await list(kunshanClerk)).items.map((p) => p.name)
    expect(names).toContain('昆山开发区知识产权工作站')
    expect(names).not.toContain('吴中区知识产权公共服务网点')
  })

  it('imports a CSV all or nothing, with every bad row reported', async () => {
    const before = (await list(clerk)).total
    const header = '名称,类型,服务项目,辖区,地址,联系电话,纬度,经度,公开\n'
    const bad =
      header +
      '张家港保税区知识产权工作站,工作站,知识产权咨询；纠纷调解,张家港市,张家港市保税区长江中路 1 号,0512-58320000,31.96,120.41,是\n' +
      '太仓港知识产权服务点,知识产权公共服务网点,知识产权咨询,太仓市,太仓市港城大道 5 号,5832,31.60,121.20,是\n' +
      '火星知识产权站,工作站,知识产权咨询,昆山市,火星大道 1 号,0512-57000000,45.0,120.9,是\n' +
      '张家港保税区知识产权工作站,工作站,算命,张家港市,张家港市保税区长江中路 1 号,0512-58320000,31.96,120.41,是\n'
    const response = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      ...multipart('points.csv', bad),
    })
    expect(response.statusCode, response.body).toBe(400)
    const paths = (response.json().errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(['row 3: contacts.0.phone', 'row 4: lat', 'row 5: services.0'])
    expect((await list(clerk)).total).toBe(before)

    const good = `${header}${bad.split('\n')[1]}\n`
    const ok = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      ...multipart('points.csv', good),
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ imported: 1 })
    const imported = (await list(undefined, `&q=${encodeURIComponent('保税区')}`)).items
    expect(imported).toMatchObject([
      { kind: 'workstation', services: ['consultation', 'mediation'], published: true },
    ])
    const twice = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      ...multipart('points.csv', good),
    })
    expect(twice.json().errors[0]).toMatchObject({ path: 'row 2: name', code: 'service_point_exists' })
  })

  it('imports Excel and the documented JSON with the same checks', async () => {
    const xlsx = await writeXlsx([
      {
        name: '服务名录',
        columns: ['name', 'kind', 'services', 'district', 'address', 'phones', 'lat', 'lng'].map((key) => ({
          header: key,
          key,
        })),
        rows: [
          {
            name: '常熟服装城知识产权服务点',
            kind: 'public_service_point',
            services: 'consultation;takedown',
            district: 'changshu',
            address: '常熟市招商城大道 1 号',
            phones: '0512-52000000',
            lat: 31.67,
            lng: 120.77,
          },
          {
            name: '坏行',
            kind: 'spaceport',
            services: 'consultation',
            district: 'changshu',
            address: '常熟市某路 1 号',
            phones: '0512-52000001',
            lat: 31.67,
            lng: 120.77,
          },
        ],
      },
    ])
    const rejected = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      ...multipart('p.xlsx', xlsx),
    })
    expect(rejected.statusCode).toBe(400)
    expect(rejected.json().errors.map((e: { path: string }) => e.path)).toEqual(['row 3: kind'])
    const json = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      payload: {
        format: 'zhibao-services',
        version: 1,
        points: [
          point({ name: '吴中经开区知识产权工作站' }),
          point({ name: '吴中甪直服务点', contacts: [] }),
        ],
      },
    })
    expect(json.statusCode).toBe(400)
    expect(json.json().errors.map((e: { path: string }) => e.path)).toEqual(['points[1].contacts'])
    const unreadable = await t.request({
      method: 'POST',
      url: '/api/service-points/imports',
      as: clerk,
      payload: { points: [] },
    })
    expect(unreadable.json().code).toBe('services_import_unreadable')
  })

  it('is found by the unified search: published points for everyone, drafts only for staff', async () => {
    const search = async (q: string, as?: Session) =>
      (await t.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, as })).json() as {
        items: { source: string; title: { text: string } }[]
      }
    const hits = await search('公证处')
    expect(hits.items.filter((h) => h.source === 'service').map((h) => h.title.text)).toContain(
      '苏州市姑苏公证处',
    )
    expect((await search('吴中区知识产权公共服务网点')).items.map((h) => h.title.text)).not.toContain(
      '吴中区知识产权公共服务网点',
    )
    expect((await search('吴中区知识产权公共服务网点', clerk)).items.map((h) => h.title.text)).toContain(
      '吴中区知识产权公共服务网点',
    )
  })

  it('feeds the cockpit’s T20 with the directory’s own count of published public points', async () => {
    const leader = await t.login('leader')
    const plan = (
      await t.request({ method: 'GET', url: '/api/cockpit/plans/suzhou-2022-83', as: leader })
    ).json()
    const t20 = plan.targets.find((x: { code: string }) => x.code === 'T20')
    expect(t20).toMatchObject({ computed: true, sourceAvailable: true, currentPeriod: '2024-Q4' })
    const publicKinds = [
      'protection_center',
      'branch_center',
      'workstation',
      'public_service_point',
      'assistance_center',
    ]
    // The directory's own list: published points of the public kinds open by the period's end.
    const directory = (await list()).items as (Point & { establishedOn: string | null; createdAt: string })[]
    const openBy = (day: string) =>
      directory.filter(
        (p) => publicKinds.includes(p.kind) && (p.establishedOn ?? p.createdAt.slice(0, 10)) <= day,
      )
    expect(openBy('2024-12-31').length).toBeGreaterThanOrEqual(10)
    expect(t20.currentValue).toBe(openBy('2024-12-31').length)
    for (const [period, day] of [
      ['2024-Q4', '2024-12-31'],
      ['2025-Q1', '2025-03-31'],
    ]) {
      const drill = await t.request({
        method: 'GET',
        url: `/api/cockpit/targets/${t20.id}/drilldown?period=${period}`,
        as: leader,
      })
      expect(drill.statusCode, drill.body).toBe(200)
      expect(drill.json().value).toBe(openBy(day!).length)
      expect((drill.json().records as { id: string }[]).map((r) => r.id).sort()).toEqual(
        openBy(day!)
          .map((p) => p.id)
          .sort(),
      )
    }
    // The workstation imported in March 2025 (no opening date) counts from the day it was recorded.
    expect(openBy('2025-03-31').length).toBe(openBy('2024-12-31').length + 1)
  })
})
