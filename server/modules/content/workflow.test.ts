import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { JobRunner } from '../../kernel/jobs.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { contentJobs } from './content.service.ts'

const clock = fixedClock('2026-05-04T02:00:00.000Z')

interface Item {
  id: string
  title: string
  status: string
  body: string
  districtId: string | null
  publishedAt: string | null
  reviewComment: string | null
  attachments: { id: string; fileName: string }[]
}

const guide = (title: string) => ({
  kind: 'guide',
  title,
  summary: `${title}的摘要`,
  body: '<p>办理说明</p>',
  guide: {
    steps: [{ title: '在线提交', description: '填写表单' }],
    materials: ['身份证明'],
    timeLimit: '5 个工作日',
    fees: '免费',
    applyOnline: [{ label: '在线投诉', href: '/services/complaint' }],
  },
})

function multipart(file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----zhibao${Math.random().toString(16).slice(2)}`
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

describe('content workflow: draft → review → published, scheduled steps, sanitized bodies, attachments', () => {
  let t: TestApp
  let clerk: Session
  let examiner: Session
  let admin: Session
  let dataDir: string

  const create = async (as: Session, payload: Record<string, unknown>) => {
    const response = await t.request({ method: 'POST', url: '/api/articles', as, payload })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as Item
  }
  const step = (as: Session | undefined, id: string, action: string, payload?: unknown, lang = 'zh-CN') =>
    t.request({
      method: 'POST',
      url: `/api/articles/${id}/${action}`,
      as,
      payload: payload as Record<string, unknown>,
      headers: { 'accept-language': lang },
    })
  const publicGet = (id: string) => t.request({ method: 'GET', url: `/api/articles/${id}` })
  const searchIds = async (q: string, as?: Session) =>
    (
      (
        await t.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&pageSize=50`, as })
      ).json().items as { id: string; kind: string }[]
    ).map((i) => i.id)
  const auditActions = async (id: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action)
  const publishNow = async (id: string) => {
    expect((await step(clerk, id, 'submit')).statusCode).toBe(200)
    const approved = await step(examiner, id, 'review', { decision: 'approve' })
    expect(approved.statusCode, approved.body).toBe(200)
    return approved.json() as Item
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-content-'))
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720', DATA_DIR: dataDir } })
    clerk = await t.login('clerk')
    examiner = await t.login('examiner')
    admin = await t.login('admin')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('takes a guide from draft through review to the public, audited at every step', async () => {
    const draft = await create(clerk, guide('商标异议办事指南'))
    expect(draft.status).toBe('draft')
    expect((await publicGet(draft.id)).statusCode).toBe(404)
    expect(await searchIds('商标异议')).not.toContain(draft.id)

    const submitted = await step(clerk, draft.id, 'submit')
    expect(submitted.json().status).toBe('in_review')
    // Returned with a comment, the author sees it and changes the draft.
    const returned = await step(examiner, draft.id, 'review', {
      decision: 'return',
      comment: '请补充办理时限',
    })
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: '请补充办理时限' })
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/articles/${draft.id}`,
      as: clerk,
      payload: { ...guide('商标异议办事指南'), kind: undefined, summary: '补充了时限' },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    const published = await publishNow(draft.id)
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-05-04T02:00:00.000Z' })

    const visible = await publicGet(draft.id)
    expect(visible.statusCode).toBe(200)
    expect(visible.json()).toMatchObject({
      kind: 'guide',
      summary: '补充了时限',
      guide: { steps: [{ title: '在线提交' }], applyOnline: [{ href: '/services/complaint' }] },
    })
    expect(await searchIds('商标异议')).toContain(draft.id)
    const facets = (await t.request({ method: 'GET', url: '/api/search?q=商标异议&type=guide' })).json()
    expect(facets.items.map((i: { kind: string }) => i.kind)).toEqual(['guide'])
    const labelled = (
      await t.request({ method: 'GET', url: '/api/search?q=指南', headers: { 'accept-language': 'en' } })
    ).json().facets.type as { value: string; label: string }[]
    expect(labelled).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'guide', label: 'How-to guide' })]),
    )
    // The portal home's list: notices and news together, published only.
    const home = (await t.request({ method: 'GET', url: '/api/articles?kind=notice,news' })).json()
      .items as Item[]
    expect(home.map((i) => i.title)).toContain('关于知保平台系统维护的通知')
    expect(home.every((i) => i.status === 'published')).toBe(true)

    expect(await auditActions(draft.id)).toEqual([
      'article.create',
      'article.submit',
      'article.return',
      'article.update',
      'article.submit',
      'article.publish',
    ])

    // Unpublished: gone from the public and from search; reopened it is a draft again.
    expect((await step(examiner, draft.id, 'unpublish', {})).json().status).toBe('archived')
    expect((await publicGet(draft.id)).statusCode).toBe(404)
    expect(await searchIds('商标异议')).not.toContain(draft.id)
    expect((await step(clerk, draft.id, 'reopen')).json().status).toBe('draft')
  })

  it('refuses a wrong step with a localized error and changes nothing', async () => {
    const draft = await create(clerk, { kind: 'news', title: '状态校验新闻', body: '<p>正文</p>' })
    const before = await auditActions(draft.id)

    const review = await step(examiner, draft.id, 'review', { decision: 'approve' }, 'en')
    expect(review.statusCode).toBe(409)
    expect(review.json()).toMatchObject({
      code: 'content_wrong_state',
      title: 'This step is not possible in the content item’s current state',
    })
    const zh = await step(examiner, draft.id, 'unpublish', {})
    expect(zh.json()).toMatchObject({ code: 'content_wrong_state', title: '该内容当前状态下不能执行此操作' })
    expect((await step(clerk, draft.id, 'reopen')).statusCode).toBe(409)

    await step(clerk, draft.id, 'submit')
    expect((await step(clerk, draft.id, 'submit')).json().code).toBe('content_wrong_state')
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/articles/${draft.id}`,
      as: clerk,
      payload: { title: '审核中改标题', body: '<p>x</p>' },
    })
    expect(edit.json().code).toBe('content_wrong_state')
    // A return needs a comment.
    expect((await step(examiner, draft.id, 'review', { decision: 'return' })).statusCode).toBe(400)
    // A schedule in the past is refused.
    const past = await step(examiner, draft.id, 'review', {
      decision: 'approve',
      publishAt: '2026-05-03T00:00:00Z',
    })
    expect(past.json().code).toBe('content_schedule_invalid')

    const after = (await t.request({ method: 'GET', url: `/api/articles/${draft.id}`, as: clerk })).json()
    expect(after).toMatchObject({ status: 'in_review', title: '状态校验新闻' })
    expect(await auditActions(draft.id)).toEqual([...before, 'article.submit'])
  })

  it('lets authors draft and reviewers review, never the same person on one item', async () => {
    const anonymous = await t.request({ method: 'POST', url: '/api/articles', payload: guide('匿名指南') })
    expect(anonymous.statusCode).toBe(401)
    const officer = await t.login('officer')
    const refused = await t.request({
      method: 'POST',
      url: '/api/articles',
      as: officer,
      payload: guide('执法指南'),
    })
    expect(refused.statusCode).toBe(403)
    // The examiner reviews but does not author; the clerk authors but does not review.
    expect(
      (await t.request({ method: 'POST', url: '/api/articles', as: examiner, payload: guide('审查员指南') }))
        .statusCode,
    ).toBe(403)
    const draft = await create(admin, {
      kind: 'faq',
      title: '自审问题？',
      body: '<p>答</p>',
      category: '平台',
    })
    await step(admin, draft.id, 'submit')
    expect((await step(clerk, draft.id, 'review', { decision: 'approve' })).statusCode).toBe(403)
    const own = await step(admin, draft.id, 'review', { decision: 'approve' })
    expect(own.statusCode).toBe(403)
    expect(own.json().code).toBe('content_own_review')
    expect((await publicGet(draft.id)).statusCode).toBe(404)
    expect((await step(examiner, draft.id, 'review', { decision: 'approve' })).json().status).toBe(
      'published',
    )
  })

  it('requires a policy’s authority and issue date, and filters policies by validity, authority and year', async () => {
    const missing = await t.request({
      method: 'POST',
      url: '/api/articles',
      as: clerk,
      payload: { kind: 'policy', title: '缺字段的政策', body: '<p>正文</p>' },
    })
    expect(missing.json().code).toBe('content_kind_fields')
    const repealed = await create(clerk, {
      kind: 'policy',
      title: '某市专利资助办法（已废止）',
      body: '<p>正文</p>',
      policy: {
        authority: '某市人民政府',
        documentNumber: '某府〔2015〕1号',
        issueDate: '2015-03-01',
        validity: 'repealed',
      },
    })
    await publishNow(repealed.id)
    const list = async (query: string) =>
      (
        (await t.request({ method: 'GET', url: `/api/articles?kind=policy&${query}` })).json().items as Item[]
      ).map((i) => i.title)
    expect(await list('validity=repealed')).toEqual(['某市专利资助办法（已废止）'])
    expect(await list('validity=in_force')).toContain('苏州市创建省知识产权保护示范区实施方案')
    expect(await list('validity=in_force')).not.toContain('某市专利资助办法（已废止）')
    expect(await list('year=2015')).toEqual(['某市专利资助办法（已废止）'])
    expect(await list(`authority=${encodeURIComponent('国务院')}`)).toEqual([
      '“十四五”国家知识产权保护和运用规划',
    ])
    const facets = (await t.request({ method: 'GET', url: '/api/articles/policy-facets' })).json()
    expect(facets.authorities).toEqual(expect.arrayContaining(['国务院', '苏州市人民政府', '某市人民政府']))
    expect(facets.years).toEqual(expect.arrayContaining([2022, 2021, 2015]))
  })

  it('publishes and takes down at the scheduled times, also after a restart', async () => {
    const draft = await create(clerk, { kind: 'news', title: '定时发布的新闻稿', body: '<p>定时内容</p>' })
    await step(clerk, draft.id, 'submit')
    const scheduled = await step(examiner, draft.id, 'review', {
      decision: 'approve',
      publishAt: '2026-05-05T01:00:00Z',
      unpublishAt: '2026-05-10T01:00:00Z',
    })
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', publishAt: '2026-05-05T01:00:00.000Z' })
    await t.jobs.runDue()
    expect((await publicGet(draft.id)).statusCode).toBe(404)
    expect(await searchIds('定时发布')).not.toContain(draft.id)

    // A fresh runner on the same database, as after a restart, fires the job when it is due.
    const restarted = new JobRunner({
      db: t.database.db,
      dialect: t.database.dialect,
      clock,
      handlers: contentJobs(),
    })
    clock.set('2026-05-05T01:00:00Z')
    await restarted.runDue()
    const live = await publicGet(draft.id)
    expect(live.json()).toMatchObject({ status: 'published', publishedAt: '2026-05-05T01:00:00.000Z' })
    expect(await searchIds('定时发布')).toContain(draft.id)

    clock.set('2026-05-10T01:00:01Z')
    await restarted.runDue()
    expect((await publicGet(draft.id)).statusCode).toBe(404)
    expect(await searchIds('定时发布')).not.toContain(draft.id)
    expect(await auditActions(draft.id)).toEqual(
      expect.arrayContaining(['article.schedule', 'article.publish', 'article.unpublish']),
    )

    // Taken down by hand before its time, a scheduled item is not published by the old job.
    const second = await create(clerk, { kind: 'news', title: '撤回的定时稿件', body: '<p>x</p>' })
    await step(clerk, second.id, 'submit')
    await step(examiner, second.id, 'review', { decision: 'approve', publishAt: '2026-05-11T00:00:00Z' })
    expect((await step(examiner, second.id, 'unpublish', {})).json().status).toBe('archived')
    clock.set('2026-05-12T00:00:00Z')
    await restarted.runDue()
    expect((await publicGet(second.id)).statusCode).toBe(404)
  })

  it('removes scripts, event handlers and javascript: URLs from the body', async () => {
    const payloads = [
      '<p>安全段落</p><script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">点我</a>',
      '<a href="JaVaScRiPt:alert(1)">大小写</a>',
      '<svg onload=alert(1)><circle/></svg>',
      '<iframe src="https://evil.example/"></iframe>',
      '<p style="background:url(javascript:alert(1))" onclick="alert(1)">样式</p>',
      '<a href="&#106;avascript:alert(1)">实体</a>',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<object data="javascript:alert(1)"></object>',
      '<a href="https://ipr.suzhou.gov.cn/" target="_blank">保留的链接</a>',
    ]
    const item = await create(clerk, { kind: 'news', title: 'XSS 清洗测试', body: payloads.join('\n') })
    const body = item.body
    expect(body).toContain('<p>安全段落</p>')
    expect(body).toContain(
      '<a href="https://ipr.suzhou.gov.cn/" target="_blank" rel="noopener noreferrer">保留的链接</a>',
    )
    for (const bad of [
      /<script/i,
      /onerror/i,
      /onload/i,
      /onclick/i,
      /javascript:/i,
      /<iframe/i,
      /<svg/i,
      /style=/i,
      /data:/i,
      /<object/i,
      /xlink/i,
      /alert\(1\)<\/script>/,
    ]) {
      expect(body, String(bad)).not.toMatch(bad)
    }
    // The same cleaning applies to an edit.
    const edited = await t.request({
      method: 'PATCH',
      url: `/api/articles/${item.id}`,
      as: clerk,
      payload: { title: 'XSS 清洗测试', body: '<p onmouseover="x()">改</p><script>steal()</script>' },
    })
    expect(edited.json().body).toBe('<p>改</p>')
  })

  it('stores attachments by type and size, and lets the public download them only once published', async () => {
    const draft = await create(clerk, {
      kind: 'policy',
      title: '附带原文的政策',
      body: '<p>见附件</p>',
      policy: { authority: '苏州市知识产权局', issueDate: '2026-04-01' },
    })
    const upload = (file: { name: string; type: string; bytes: Buffer }, as: Session | undefined = clerk) =>
      t.request({ method: 'POST', url: `/api/articles/${draft.id}/attachments`, as, ...multipart(file) })

    const fake = await upload({ name: 'x.pdf', type: 'application/pdf', bytes: Buffer.from('MZ not a pdf') })
    expect(fake.statusCode).toBe(415)
    expect(fake.json().code).toBe('content_attachment_type')
    const html = await upload({ name: 'x.html', type: 'text/html', bytes: Buffer.from('<script>1</script>') })
    expect(html.json().code).toBe('content_attachment_type')
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)
    big.write('%PDF-1.7')
    const tooLarge = await upload({ name: 'big.pdf', type: 'application/pdf', bytes: big })
    expect(tooLarge.statusCode).toBe(413)
    expect(tooLarge.json().code).toBe('content_attachment_too_large')
    expect(
      (await upload({ name: 'a.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7') }, examiner))
        .statusCode,
    ).toBe(403)

    const pdf = Buffer.from('%PDF-1.7\n政策原文')
    const ok = await upload({ name: '政策原文.pdf', type: 'application/pdf', bytes: pdf })
    expect(ok.statusCode, ok.body).toBe(201)
    const attachmentId = ok.json().id as string
    const fileUrl = `/api/articles/${draft.id}/attachments/${attachmentId}/file`
    expect(
      (await t.request({ method: 'GET', url: `/api/articles/${draft.id}`, as: clerk })).json().attachments,
    ).toEqual([
      expect.objectContaining({ fileName: '政策原文.pdf', mediaType: 'application/pdf', size: pdf.length }),
    ])

    expect((await t.request({ method: 'GET', url: fileUrl })).statusCode).toBe(404)
    expect((await t.request({ method: 'GET', url: fileUrl, as: clerk })).rawPayload).toEqual(pdf)
    await publishNow(draft.id)
    const download = await t.request({ method: 'GET', url: fileUrl })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.rawPayload).toEqual(pdf)
    // Published content is frozen: no attachment changes without reopening.
    expect((await upload({ name: 'b.pdf', type: 'application/pdf', bytes: pdf })).json().code).toBe(
      'content_wrong_state',
    )
  })

  it('serves public pages with the item’s title and description in the HTML, and 404 for an unpublished one', async () => {
    const item = await create(clerk, {
      ...guide('专利侵权纠纷行政裁决办事指南'),
      summary: '向市知识产权局请求处理专利侵权纠纷 <的步骤>',
    })
    const hidden = await t.request({ method: 'GET', url: `/guides/${item.id}` })
    expect(hidden.statusCode).toBe(404)
    expect(hidden.body).not.toContain('专利侵权纠纷行政裁决')
    await publishNow(item.id)
    const page = await t.request({ method: 'GET', url: `/guides/${item.id}` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('<title>专利侵权纠纷行政裁决办事指南 · 办事指南 · 知保</title>')
    expect(page.body).toContain(
      '<meta name="description" content="向市知识产权局请求处理专利侵权纠纷 &lt;的步骤&gt;" />',
    )
    const en = await t.request({
      method: 'GET',
      url: `/guides/${item.id}`,
      headers: { 'accept-language': 'en' },
    })
    expect(en.body).toContain('· How-to guide · ZhiBao</title>')
    // The wrong section for the kind is not found.
    expect((await t.request({ method: 'GET', url: `/policies/${item.id}` })).statusCode).toBe(404)
    const list = await t.request({ method: 'GET', url: '/policies' })
    expect(list.body).toContain('<title>政策文件 · 知保</title>')
  })

  it('keeps a district clerk to its district', async () => {
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    const orgIds = new Map(orgs.map((o) => [o.code, o.id]))
    const gusuClerk = await t.loginAsNewUser({
      username: 'clerk.gusu',
      roles: ['clerk'],
      orgCode: 'samr-gusu',
    })
    const own = await create(gusuClerk, { kind: 'notice', title: '姑苏区草稿', body: '正文' })
    expect(own.districtId).toBe(orgIds.get('gusu'))
    const refused = await t.request({
      method: 'POST',
      url: '/api/articles',
      as: gusuClerk,
      payload: { kind: 'notice', title: '越权草稿', body: '正文', districtId: orgIds.get('kunshan') },
    })
    expect(refused.json().code).toBe('forbidden')
    const kunshan = await create(admin, {
      kind: 'notice',
      title: '昆山市草稿',
      body: '正文',
      districtId: orgIds.get('kunshan'),
    })
    const titles = async (as?: Session) =>
      (
        (await t.request({ method: 'GET', url: '/api/articles?pageSize=200', as })).json().items as Item[]
      ).map((a) => a.title)
    expect(await titles(gusuClerk)).toContain('姑苏区草稿')
    expect(await titles(gusuClerk)).not.toContain('昆山市草稿')
    expect(await titles()).not.toContain('姑苏区草稿')
    expect((await step(gusuClerk, kunshan.id, 'submit')).statusCode).toBe(404)
  })
})
