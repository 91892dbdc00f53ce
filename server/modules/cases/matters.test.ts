import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')

describe('matters (事项): one number across procedures, followed by each party as it may', () => {
  let t: TestApp
  let gusuId: string
  let kunshanId: string
  let clerk: Session
  let gusu: Session
  let enterprise: Session
  let ownUscc: string
  const otherUscc = '91320508MA1XW0000A'

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    kunshanId = orgs.find((o) => o.code === 'kunshan')!.id
    clerk = await t.login('clerk')
    gusu = await t.login('officer.gusu')
    enterprise = await t.login('enterprise')
    const user = await t.database.db
      .selectFrom('users')
      .innerJoin('entities', 'entities.id', 'users.entity_id')
      .select('entities.uscc')
      .where('users.username', '=', 'enterprise')
      .executeTakeFirstOrThrow()
    ownUscc = user.uscc
  })
  afterAll(() => t.close())

  const complaint = (respondentUscc: string | undefined, right = '12345678', districtId = gusuId) => ({
    complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
    respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号', uscc: respondentUscc },
    right: { kind: 'trademark', number: right },
    request: '停止销售侵权商品',
    facts: '购买到假冒注册商标的商品。',
    districtId,
  })
  const takedown = (right: string, url: string) => ({
    rightsHolder: { name: '苏州某科技有限公司', phone: '13800001111' },
    right: { kind: 'trademark', number: right },
    listings: [{ platform: '某电商平台', url }],
    evidence: '商标注册证及购买记录',
    districtId: gusuId,
  })
  const post = (url: string, payload: object, as?: Session) => t.request({ method: 'POST', url, payload, as })

  it('files an enterprise’s takedown and later complaint about the same right under one matter', async () => {
    const first = await post(
      '/api/cases/takedowns',
      takedown('TM 555 666', 'https://Item.Shop.example/item?id=9&b=1#x'),
      enterprise,
    )
    expect(first.statusCode, first.body).toBe(201)
    const { matterNumber } = first.json()
    expect(matterNumber).toMatch(/^SZ-2026-\d{6}$/)
    expect(first.json().tracking).toBeUndefined()
    clock.set(new Date('2026-03-02T03:00:00Z'))
    const second = await post('/api/cases/complaints', complaint(otherUscc, 'TM555666'), enterprise)
    expect(second.json().matterNumber).toBe(matterNumber)
    // Another right and respondent: a matter of its own.
    const third = await post('/api/cases/complaints', complaint(undefined, '999'), enterprise)
    expect(third.json().matterNumber).not.toBe(matterNumber)

    const matter = await t.request({ method: 'GET', url: `/api/matters/${matterNumber}`, as: enterprise })
    expect(matter.statusCode, matter.body).toBe(200)
    expect(matter.json()).toMatchObject({ viewer: 'owner' })
    const cases = matter.json().cases
    expect(cases.map((c: { type: string }) => c.type)).toEqual(['platformTakedown', 'complaint'])
    expect(cases[1]).toMatchObject({ state: 'received', deadlines: [{ ruleId: '5.6', status: 'running' }] })
    expect(cases[1].submission.complainant.name).toBe('李四')
    expect(cases[1].steps).toMatchObject([{ event: 'complaint.received', toState: 'received' }])

    const mine = (await t.request({ method: 'GET', url: '/api/my/cases', as: enterprise })).json()
    expect(mine.items).toHaveLength(3)
    expect(new Set(mine.items.map((i: { matterNumber: string }) => i.matterNumber))).toEqual(
      new Set([matterNumber, third.json().matterNumber]),
    )
    // The public cannot follow a matter by its number; nor can someone else's account.
    expect((await t.request({ method: 'GET', url: `/api/matters/${matterNumber}` })).statusCode).toBe(401)
  })

  it('gives an anonymous submitter a tracking code and secret, and nothing with a wrong secret', async () => {
    const response = await post('/api/cases/complaints', complaint(otherUscc, '777'))
    expect(response.statusCode).toBe(201)
    const { tracking, number } = response.json()
    expect(tracking.code).toMatch(/^Q[A-Z2-9]{10}$/)
    const ok = await post('/api/cases/track', tracking)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({
      number,
      state: 'received',
      submission: { request: '停止销售侵权商品' },
    })
    const wrong = await post('/api/cases/track', { code: tracking.code, secret: 'x'.repeat(24) })
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().code).toBe('tracking_not_found')
  })

  it('suggests duplicates to staff, links and splits; a district officer acts only in scope', async () => {
    const a = (await post('/api/cases/complaints', complaint(ownUscc, 'A-1'))).json()
    const b = (
      await post('/api/cases/reports', {
        reporter: { name: '王五', phone: '13800002222' },
        respondent: { name: '苏州某某贸易有限公司', address: '观前街2号', uscc: ownUscc },
        right: { kind: 'trademark', number: 'B-2' },
        clue: '销售假冒商品',
        districtId: gusuId,
      })
    ).json()
    expect(b.matterNumber).not.toBe(a.matterNumber)
    // Staff taking intake see the duplicates at once.
    const byClerk = await post('/api/cases/complaints', complaint(ownUscc, 'A-1', kunshanId), clerk)
    const duplicates = byClerk.json().duplicates as { number: string; reasons: string[] }[]
    expect(duplicates.map((d) => d.number).sort()).toEqual([b.number, a.number].sort())
    expect(duplicates.find((d) => d.number === a.number)!.reasons.sort()).toEqual(['respondentUscc', 'right'])
    expect(duplicates.find((d) => d.number === b.number)!.reasons).toEqual(['respondentUscc'])

    const relations = (
      await t.request({ method: 'GET', url: `/api/cases/${a.id}/relations`, as: gusu })
    ).json()
    // The Kunshan case is outside the Gusu officer's scope.
    expect(relations.duplicates.map((d: { number: string }) => d.number)).toEqual([b.number])
    expect(relations.matter).toMatchObject({ number: a.matterNumber, caseCount: 1 })

    const link = await post(`/api/matters/${a.matterNumber}/cases`, { caseId: b.id }, gusu)
    expect(link.statusCode, link.body).toBe(200)
    const outOfScope = await post(`/api/matters/${a.matterNumber}/cases`, { caseId: byClerk.json().id }, gusu)
    expect(outOfScope.statusCode).toBe(404)
    const staffView = (
      await t.request({ method: 'GET', url: `/api/matters/${a.matterNumber}`, as: gusu })
    ).json()
    expect(staffView.cases.map((c: { number: string }) => c.number).sort()).toEqual(
      [a.number, b.number].sort(),
    )

    // The respondent (the enterprise named by USCC) sees the complaint against it, not the report,
    // and no submission: the reporter's name never reaches it.
    const asRespondent = await t.request({
      method: 'GET',
      url: `/api/matters/${a.matterNumber}`,
      as: enterprise,
    })
    expect(asRespondent.statusCode, asRespondent.body).toBe(200)
    expect(asRespondent.json().viewer).toBe('respondent')
    expect(asRespondent.json().cases.map((c: { number: string }) => c.number)).toEqual([a.number])
    expect(asRespondent.body).not.toContain('王五')
    expect(asRespondent.body).not.toContain('李四')

    const split = await post(`/api/cases/${b.id}/split`, {}, gusu)
    expect(split.statusCode).toBe(200)
    expect(split.json().number).not.toBe(a.matterNumber)
    const detail = (await t.request({ method: 'GET', url: `/api/cases/${b.id}`, as: gusu })).json()
    expect(detail.events.map((e: { event: string }) => e.event)).toEqual([
      'report.received',
      'matter.linked',
      'matter.split',
    ])
  })
})
