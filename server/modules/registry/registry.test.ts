import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computePatentCheckDigit } from '../../../contracts/identifiers/index.ts'
import { writeXlsx } from '../../kernel/documents/tables.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

interface AssetItem {
  id: string
  kind: string
  subtype: string | null
  number: string
  title: string
  districtId: string | null
  published: boolean
  holders: { name: string; uscc: string | null; entityId: string | null }[]
  ipc: string[]
  niceClasses: string[]
}

function multipart(filename: string, content: Buffer | string) {
  const boundary = '----zhibao-test-boundary'
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

const KUNSHAN_USCC = '91320583MA1N2K8R3C'

describe('IP registry', () => {
  let t: TestApp
  let clerk: Session
  let orgIds: Map<string, string>

  const list = async (as?: Session, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/registry/assets?pageSize=200${query}`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json() as { items: AssetItem[]; total: number }
  }
  const count = async () => (await list(clerk)).total

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

  it('shows the public only published assets, staff their district, a holder its own', async () => {
    const publicList = await list()
    expect(publicList.total).toBeGreaterThanOrEqual(25)
    expect(publicList.items.every((a) => a.published)).toBe(true)
    const laser = '一种半导体激光器芯片的封装结构'
    expect(publicList.items.map((a) => a.title)).not.toContain(laser)
    expect((await list(await t.login('officer.kunshan'))).items.map((a) => a.title)).toContain(laser)
    expect((await list(await t.login('officer.gusu'))).items.map((a) => a.title)).not.toContain(laser)
    // The demo enterprise user is 昆山精密电子科技有限公司, the holder.
    expect((await list(await t.login('enterprise'))).items.map((a) => a.title)).toContain(laser)
    const hidden = (await list(clerk)).items.find((a) => a.title === laser)!
    expect((await t.request({ method: 'GET', url: `/api/registry/assets/${hidden.id}` })).statusCode).toBe(
      404,
    )
  })

  it('creates a patent from a number without check digit, links the holder and derives the district', async () => {
    const body = '202410765432'
    const created = await t.request({
      method: 'POST',
      url: '/api/registry/assets',
      as: clerk,
      payload: {
        kind: 'patent',
        number: `CN${body}`,
        title: '一种精密光学镜片的镀膜方法',
        abstract: '本发明公开了一种精密光学镜片的镀膜方法。',
        holders: [{ name: '昆山精密电子科技有限公司', uscc: KUNSHAN_USCC }, { name: '张三' }],
        ipc: ['g02b1/11'],
        filedOn: '2024-05-06',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const asset = created.json() as AssetItem
    expect(asset).toMatchObject({
      number: `${body}.${computePatentCheckDigit(body)}`,
      subtype: 'invention',
      districtId: orgIds.get('kunshan'),
      ipc: ['G02B 1/11'],
      published: false,
    })
    expect(asset.holders[0]!.entityId).not.toBeNull()
    expect(asset.holders[1]).toEqual({ name: '张三', uscc: null, entityId: null })
    const again = await t.request({
      method: 'POST',
      url: '/api/registry/assets',
      as: clerk,
      payload: { kind: 'patent', number: body, title: '重复', holders: [{ name: '张三' }] },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('asset_exists')
  })

  it('rejects bad identifiers with field errors and writes nothing', async () => {
    const before = await count()
    const response = await t.request({
      method: 'POST',
      url: '/api/registry/assets',
      as: clerk,
      payload: {
        kind: 'patent',
        number: '202310123456.0',
        title: '校验位错误',
        holders: [{ name: '某公司', uscc: '91320583MA1N2K8R3X' }],
        ipc: ['Z99'],
      },
    })
    expect(response.statusCode).toBe(400)
    const paths = (response.json().errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.number', 'body.holders.0.uscc', 'body.ipc.0']))
    expect(await count()).toBe(before)
    const officer = await t.login('officer')
    const forbidden = await t.request({
      method: 'POST',
      url: '/api/registry/assets',
      as: officer,
      payload: { kind: 'trademark', number: '123', title: '无权', holders: [{ name: '某公司' }] },
    })
    expect(forbidden.statusCode).toBe(403)
  })

  it('imports CSV all or nothing, reporting every bad row by its spreadsheet row number', async () => {
    const header = 'kind,number,title,abstract,holders,holder_usccs,ipc,nice,filed_on,published'
    const bad = [
      header,
      `专利,202310111111,一种茶叶杀青机,用于碧螺春,苏州吴中智能制造有限公司,-,A23F 3/06,,2023-04-01,是`,
      `专利,202310222222.0,校验位错,摘要,某公司,,,,2023-04-01,是`,
      `商标,70000001,东山,茶叶,某茶厂,,,99,2023-04-01,是`,
      `商标,70000002,西山,茶叶,某茶厂,,,30,2023-04-01,是`,
      `商标,70000002,西山二,茶叶,某茶厂,,,30,2023-04-01,是`,
    ].join('\n')
    const before = await count()
    const rejected = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('assets.csv', bad),
    })
    expect(rejected.statusCode).toBe(400)
    const errors = rejected.json().errors as { path: string; code: string }[]
    expect(errors.map((e) => e.path)).toEqual(['row 3: number', 'row 4: niceClasses.0', 'row 6: number'])
    expect(errors[2]!.code).toBe('duplicate_in_file')
    expect(await count()).toBe(before)

    const good = [header, bad.split('\n')[1], bad.split('\n')[4]].join('\n')
    const imported = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('assets.csv', good),
    })
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json()).toEqual({ imported: 2 })
    expect(await count()).toBe(before + 2)
    // The same file again: every row is now a duplicate of the registry.
    const twice = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('assets.csv', good),
    })
    expect(twice.statusCode).toBe(400)
    expect((twice.json().errors as { code: string }[]).map((e) => e.code)).toEqual([
      'asset_exists',
      'asset_exists',
    ])
  })

  it('imports Excel with Chinese headers and the documented JSON', async () => {
    const xlsx = await writeXlsx([
      {
        name: '登记',
        columns: ['类型', '编号', '名称', '权利人', '尼斯分类', '申请日', '公开'].map((h) => ({
          header: h,
          key: h,
        })),
        rows: [
          {
            类型: '商标',
            编号: '71234567',
            名称: '平江路',
            权利人: '苏州某文旅公司',
            尼斯分类: '35；41',
            申请日: '2022-01-01',
            公开: '是',
          },
        ],
      },
    ])
    const fromXlsx = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('登记.xlsx', xlsx),
    })
    expect(fromXlsx.statusCode, fromXlsx.body).toBe(200)
    const trademark = (await list(undefined, '&kind=trademark')).items.find((a) => a.number === '71234567')!
    expect(trademark.niceClasses).toEqual(['35', '41'])

    const json = {
      format: 'zhibao-registry/1',
      assets: [
        {
          kind: 'plant_variety',
          number: 'CNA20201003456.1',
          title: '苏玉糯5号',
          holders: [{ name: '苏州市农业科学院' }],
          published: true,
        },
        { kind: 'layout_design', number: 'XX-1', title: '坏编号', holders: [{ name: '某公司' }] },
      ],
    }
    const rejected = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      payload: json,
    })
    expect(rejected.statusCode).toBe(400)
    expect((rejected.json().errors as { path: string }[]).map((e) => e.path)).toEqual(['assets[1].number'])
    const accepted = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      payload: { ...json, assets: [json.assets[0]] },
    })
    expect(accepted.json()).toEqual({ imported: 1 })
    const unreadable = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('a.csv.txt', 'x'),
    })
    expect(unreadable.statusCode).toBe(415)
    const before = await count()
    const header = 'kind,number,title,holders\n'
    const row = 'trademark,76543210,超大文件,某公司\n'
    const oversized = await t.request({
      method: 'POST',
      url: '/api/registry/imports',
      as: clerk,
      ...multipart('big.csv', header + row.repeat(Math.ceil((21 * 2 ** 20) / row.length))),
    })
    expect(oversized.statusCode).toBe(413)
    expect(oversized.json().code).toBe('payload_too_large')
    expect(await count()).toBe(before)
  })

  it('lists the key-enterprise protection list with the assets each caller may see', async () => {
    const publicList = (await t.request({ method: 'GET', url: '/api/registry/key-enterprises' })).json() as {
      name: string
      assets: { title: string }[]
    }[]
    expect(publicList.map((e) => e.name).sort()).toEqual(
      ['昆山精密电子科技有限公司', '苏州园区新材料股份有限公司', '苏州姑苏丝绸文创有限公司'].sort(),
    )
    const kunshan = publicList.find((e) => e.name === '昆山精密电子科技有限公司')!
    expect(kunshan.assets.map((a) => a.title)).toContain('一种半导体晶圆清洗装置')
    expect(kunshan.assets.map((a) => a.title)).not.toContain('一种半导体激光器芯片的封装结构')
    const added = await t.request({
      method: 'POST',
      url: '/api/registry/key-enterprises',
      as: clerk,
      payload: { uscc: '91320506MA1U8B5C1Q', listedOn: '2025-06-01', reason: '智能制造' },
    })
    expect(added.statusCode, added.body).toBe(201)
    const twice = await t.request({
      method: 'POST',
      url: '/api/registry/key-enterprises',
      as: clerk,
      payload: { uscc: '91320506MA1U8B5C1Q', listedOn: '2025-06-01' },
    })
    expect(twice.json().code).toBe('key_enterprise_exists')
  })

  it('filters the staff list by kind, district and holder (name part or credit code)', async () => {
    const kunshan = orgIds.get('kunshan')!
    const inKunshan = await list(clerk, `&districtId=${kunshan}`)
    expect(inKunshan.total).toBeGreaterThan(0)
    expect(inKunshan.items.every((a) => a.districtId === kunshan)).toBe(true)
    const byName = await list(clerk, `&holder=${encodeURIComponent('精密电子')}`)
    expect(byName.total).toBeGreaterThan(0)
    expect(byName.items.every((a) => a.holders.some((h) => h.name.includes('精密电子')))).toBe(true)
    const byUscc = await list(clerk, `&holder=${KUNSHAN_USCC.toLowerCase()}&kind=patent`)
    expect(byUscc.total).toBeGreaterThan(0)
    expect(
      byUscc.items.every((a) => a.kind === 'patent' && a.holders.some((h) => h.uscc === KUNSHAN_USCC)),
    ).toBe(true)
    // A % is a character, not a wildcard.
    expect((await list(clerk, '&holder=%25')).total).toBe(0)
  })

  it('edits an asset: identifiers checked again, holders and district follow, audited', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/registry/assets',
      as: clerk,
      payload: {
        kind: 'patent',
        number: '202430123456',
        title: '一种茶具（外观设计）',
        holders: [{ name: '张三' }],
        locarno: ['7-1'],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const asset = created.json() as AssetItem & { locarno: string[] }
    expect(asset).toMatchObject({ subtype: 'design', locarno: ['07-01'], districtId: null })
    const put = (payload: object) =>
      t.request({ method: 'PATCH', url: `/api/registry/assets/${asset.id}`, as: clerk, payload })
    const body = {
      kind: 'patent',
      number: asset.number,
      title: '一种紫砂茶具',
      holders: [{ name: '昆山精密电子科技有限公司', uscc: KUNSHAN_USCC }],
      locarno: ['07-01'],
    }
    const bad = await put({ ...body, locarno: ['40-1'], number: '202430123456.0' })
    expect(bad.statusCode).toBe(400)
    expect((bad.json().errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'body.locarno.0',
      'body.number',
    ])
    const english = await t.request({
      method: 'PATCH',
      url: `/api/registry/assets/${asset.id}`,
      as: clerk,
      headers: { 'accept-language': 'en' },
      payload: { ...body, locarno: ['40-1'] },
    })
    expect((english.json().errors as { message: string }[])[0]!.message).toContain('Locarno')
    expect(
      (
        (
          await t.request({ method: 'GET', url: `/api/registry/assets/${asset.id}`, as: clerk })
        ).json() as AssetItem
      ).title,
    ).toBe('一种茶具（外观设计）')

    const edited = await put(body)
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({
      title: '一种紫砂茶具',
      districtId: orgIds.get('kunshan'),
      createdAt: (asset as unknown as { createdAt: string }).createdAt,
    })
    const taken = (await list(clerk, '&kind=patent')).items.find(
      (a) => a.subtype === 'design' && a.id !== asset.id,
    )!
    const duplicate = await put({ ...body, number: taken.number })
    expect(duplicate.json().code).toBe('asset_exists')
    const audit = (
      await t.request({ method: 'GET', url: `/api/audit?targetId=${asset.id}`, as: await t.login('admin') })
    ).json() as { items: { action: string }[] }
    expect(audit.items.map((e) => e.action)).toContain('asset.update')
    const officer = await t.login('officer')
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/registry/assets/${asset.id}`,
          as: officer,
          payload: body,
        })
      ).statusCode,
    ).toBe(403)
  })

  it('takes an enterprise off the key-enterprise list', async () => {
    const before = (
      await t.request({ method: 'GET', url: '/api/registry/key-enterprises', as: clerk })
    ).json() as {
      id: string
      name: string
    }[]
    const silk = before.find((e) => e.name === '苏州姑苏丝绸文创有限公司')!
    const officer = await t.login('officer')
    const forbidden = await t.request({
      method: 'DELETE',
      url: `/api/registry/key-enterprises/${silk.id}`,
      as: officer,
    })
    expect(forbidden.statusCode).toBe(403)
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/registry/key-enterprises/${silk.id}`,
      as: clerk,
    })
    expect(removed.statusCode, removed.body).toBe(200)
    const after = (await t.request({ method: 'GET', url: '/api/registry/key-enterprises' })).json() as {
      name: string
    }[]
    expect(after.map((e) => e.name)).not.toContain('苏州姑苏丝绸文创有限公司')
    const again = await t.request({
      method: 'DELETE',
      url: `/api/registry/key-enterprises/${silk.id}`,
      as: clerk,
    })
    expect(again.statusCode).toBe(404)
    const audit = (
      await t.request({ method: 'GET', url: `/api/audit?targetId=${silk.id}`, as: await t.login('admin') })
    ).json() as { items: { action: string }[] }
    expect(audit.items.map((e) => e.action)).toContain('key_enterprise.remove')
  })

  it('keeps a district clerk to assets and key enterprises of their own district', async () => {
    const kunshanClerk = await t.loginAsNewUser({
      username: 'clerk.kunshan',
      roles: ['clerk'],
      orgCode: 'center-kunshan',
    })
    const payload = {
      kind: 'trademark',
      number: '79876543',
      title: '昆精',
      holders: [{ name: '昆山精密电子科技有限公司', uscc: KUNSHAN_USCC }],
      niceClasses: ['9'],
    }
    const own = await t.request({ method: 'POST', url: '/api/registry/assets', as: kunshanClerk, payload })
    expect(own.statusCode, own.body).toBe(201)
    const asset = own.json() as AssetItem
    expect(asset.districtId).toBe(orgIds.get('kunshan'))

    const gusuHolder = { name: '苏州姑苏丝绸文创有限公司', uscc: '91320508MA1MXQ6G0D' }
    const before = await count()
    for (const holders of [[gusuHolder], [{ name: '张三' }]]) {
      const outside = await t.request({
        method: 'POST',
        url: '/api/registry/assets',
        as: kunshanClerk,
        payload: { ...payload, number: '79876544', holders },
        headers: { 'accept-language': 'en' },
      })
      expect(outside.statusCode).toBe(400)
      expect(outside.json().errors).toEqual([
        expect.objectContaining({ path: 'body.holders', code: 'district_out_of_scope' }),
      ])
      expect(outside.json().errors[0].message).toContain('your district')
    }
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/registry/assets/${asset.id}`,
      as: kunshanClerk,
      payload: { ...payload, holders: [gusuHolder] },
    })
    expect(moved.statusCode).toBe(400)
    expect(moved.json().errors[0].message).toBe(
      '只能登记持有人为本辖区市场主体（按统一社会信用代码）的知识产权',
    )
    const unchanged = await t.request({ method: 'GET', url: `/api/registry/assets/${asset.id}`, as: clerk })
    expect(unchanged.json()).toMatchObject({
      districtId: orgIds.get('kunshan'),
      holders: [{ uscc: KUNSHAN_USCC }],
    })
    expect(await count()).toBe(before)

    const listed = await t.request({
      method: 'POST',
      url: '/api/registry/key-enterprises',
      as: kunshanClerk,
      payload: { uscc: gusuHolder.uscc, listedOn: '2025-06-01' },
    })
    expect(listed.statusCode).toBe(400)
    expect(listed.json().errors[0]).toMatchObject({ path: 'body.uscc', code: 'district_out_of_scope' })
  })
})
