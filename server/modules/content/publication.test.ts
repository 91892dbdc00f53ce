import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

interface ArticleItem {
  id: string
  title: string
  status: string
  districtId: string | null
}

describe('article publication and scope', () => {
  let t: TestApp
  let admin: Session
  let gusuClerk: Session
  let orgIds: Map<string, string>

  const create = async (as: Session, payload: Record<string, unknown>) => {
    const response = await t.request({ method: 'POST', url: '/api/articles', as, payload })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as ArticleItem
  }
  const publish = (as: Session, id: string, published: boolean) =>
    t.request({ method: 'POST', url: `/api/articles/${id}/publication`, as, payload: { published } })
  const titles = async (as?: Session) =>
    (
      (await t.request({ method: 'GET', url: '/api/articles?pageSize=200', as })).json()
        .items as ArticleItem[]
    ).map((a) => a.title)

  beforeAll(async () => {
    t = await createTestApp()
    admin = await t.login('admin')
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    orgIds = new Map(orgs.map((o) => [o.code, o.id]))
    const user = await t.request({
      method: 'POST',
      url: '/api/users',
      as: admin,
      payload: {
        username: 'clerk.gusu',
        displayName: '姑苏受理员',
        password: 'a-long-enough-secret',
        roles: ['clerk'],
        orgId: orgIds.get('samr-gusu'),
      },
    })
    expect(user.statusCode, user.body).toBe(201)
    gusuClerk = await t.login('clerk.gusu', 'a-long-enough-secret')
  })
  afterAll(() => t.close())

  it('hides an unpublished article from the public until it is published', async () => {
    const draft = await create(admin, { kind: 'notice', title: '公示草稿', body: '正文' })
    expect(draft.status).toBe('draft')
    expect(await titles()).not.toContain('公示草稿')
    const hidden = await t.request({ method: 'GET', url: `/api/articles/${draft.id}` })
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().code).toBe('not_found')

    const published = await publish(admin, draft.id, true)
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) })
    expect(await titles()).toContain('公示草稿')
    const visible = await t.request({ method: 'GET', url: `/api/articles/${draft.id}` })
    expect(visible.statusCode).toBe(200)
    expect(visible.json().title).toBe('公示草稿')

    expect((await publish(admin, draft.id, false)).json().status).toBe('archived')
    expect((await t.request({ method: 'GET', url: `/api/articles/${draft.id}` })).statusCode).toBe(404)
  })

  it('lets neither the public nor a reader without content.manage publish', async () => {
    const draft = await create(admin, { kind: 'news', title: '未授权发布', body: '正文' })
    const anonymous = await t.request({
      method: 'POST',
      url: `/api/articles/${draft.id}/publication`,
      payload: { published: true },
    })
    expect(anonymous.statusCode).toBe(401)
    const officer = await t.login('officer')
    expect((await publish(officer, draft.id, true)).statusCode).toBe(403)
    expect(await titles()).not.toContain('未授权发布')
  })

  it('keeps a district clerk to its district: own drafts by default, no other district’s drafts', async () => {
    const own = await create(gusuClerk, { kind: 'notice', title: '姑苏区草稿', body: '正文' })
    expect(own.districtId).toBe(orgIds.get('gusu'))
    const refused = await t.request({
      method: 'POST',
      url: '/api/articles',
      as: gusuClerk,
      payload: { kind: 'notice', title: '越权草稿', body: '正文', districtId: orgIds.get('kunshan') },
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('forbidden')

    const kunshanDraft = await create(admin, {
      kind: 'notice',
      title: '昆山市草稿',
      body: '正文',
      districtId: orgIds.get('kunshan'),
    })
    const clerkSees = await titles(gusuClerk)
    expect(clerkSees).toContain('姑苏区草稿')
    expect(clerkSees).not.toContain('昆山市草稿')
    expect(
      (await t.request({ method: 'GET', url: `/api/articles/${kunshanDraft.id}`, as: gusuClerk })).statusCode,
    ).toBe(404)
    expect((await publish(gusuClerk, kunshanDraft.id, true)).statusCode).toBe(404)

    // The city-level admin sees every district's drafts and may publish them.
    const adminSees = await titles(admin)
    expect(adminSees).toEqual(expect.arrayContaining(['姑苏区草稿', '昆山市草稿']))
    expect((await publish(admin, kunshanDraft.id, true)).statusCode).toBe(200)
    // Once published it is public, so the 姑苏区 clerk sees it too (never less than the public).
    expect(await titles(gusuClerk)).toContain('昆山市草稿')
    const readable = await t.request({
      method: 'GET',
      url: `/api/articles/${kunshanDraft.id}`,
      as: gusuClerk,
    })
    expect(readable.statusCode).toBe(200)
    // ...but seeing it is not owning it: the 姑苏区 clerk still cannot unpublish it.
    expect((await publish(gusuClerk, kunshanDraft.id, false)).statusCode).toBe(404)
    expect((await publish(gusuClerk, own.id, true)).statusCode).toBe(200)
    expect(await titles()).toEqual(expect.arrayContaining(['姑苏区草稿', '昆山市草稿']))
  })
})
