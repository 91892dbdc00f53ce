import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { JobRunner } from '../../kernel/jobs.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { casesModule } from './index.ts'

// Monday 2026-03-02, 10:00 in China: 5.6 (7 working days) falls due on Wednesday 3-11; reminders at
// 09:00 on 3-09 (2 working days before) and 3-11; the overdue job at 00:00 on 3-12.
const clock = fixedClock('2026-03-02T02:00:00.000Z')
const at = (iso: string) => clock.set(new Date(iso))

describe('supervision: queues, inbox reminders, supervision notices (督办) on missed deadlines', () => {
  let t: TestApp
  let gusuId: string
  let gusu: Session
  let kunshan: Session
  let leader: Session
  let caseId: string
  const get = (url: string, as: Session) => t.request({ method: 'GET', url, as })
  const post = (url: string, payload: object, as: Session) => t.request({ method: 'POST', url, payload, as })

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    gusu = await t.login('officer.gusu')
    kunshan = await t.login('officer.kunshan')
    leader = await t.login('leader')
    at('2026-03-02T10:00:00+08:00')
    const response = await t.request({
      method: 'POST',
      url: '/api/cases/complaints',
      payload: {
        complainant: { name: '李四', phone: '13912345678', address: '苏州市姑苏区人民路1号' },
        respondent: { name: '苏州某某贸易有限公司', address: '苏州市姑苏区观前街2号' },
        right: { kind: 'trademark', number: '12345678' },
        request: '停止销售侵权商品',
        facts: '购买到假冒注册商标的商品。',
        districtId: gusuId,
      },
    })
    caseId = response.json().id
  })
  afterAll(() => t.close())

  it('shows each user’s own queue and each agency’s queue', async () => {
    const agency = (await get('/api/deadlines/queue', gusu)).json()
    expect(agency.items).toMatchObject([{ caseId, ruleId: '5.6', dueDate: '2026-03-11', overdue: false }])
    expect((await get('/api/deadlines/queue?mine=true', gusu)).json().items).toEqual([])
    const me = (await get('/api/auth/me', gusu)).json()
    const assigned = await post(
      `/api/cases/${caseId}/assignments`,
      { userId: me.user.id, duty: 'officer' },
      gusu,
    )
    expect(assigned.statusCode, assigned.body).toBe(201)
    expect((await get('/api/deadlines/queue?mine=true', gusu)).json().items).toHaveLength(1)
    expect((await get('/api/deadlines/queue', kunshan)).json().items).toEqual([])
    expect((await get(`/api/deadlines/queue?districtId=${gusuId}`, leader)).json().items).toHaveLength(1)
  })

  it('puts reminders in the handler’s inbox once, even when jobs run twice or on a restarted runner', async () => {
    at('2026-03-09T09:00:00+08:00')
    await t.jobs.runDue()
    await new JobRunner({
      db: t.deps.db,
      dialect: t.deps.dialect,
      clock,
      workerId: 'restarted',
      handlers: casesModule.jobs!(t.deps),
    }).runDue()
    const inbox = (await get('/api/inbox', gusu)).json()
    expect(inbox.unread).toBe(1)
    expect(inbox.items[0]).toMatchObject({ kind: 'deadline.reminder', subject: { type: 'case', id: caseId } })
    expect(inbox.items[0].title.zh).toContain('还剩 2 个工作日')
    expect((await get('/api/inbox', kunshan)).json().items).toEqual([])
    const read = await post(`/api/inbox/${inbox.items[0].id}/read`, {}, gusu)
    expect(read.statusCode, read.body).toBe(200)
    expect((await get('/api/inbox?unreadOnly=true', gusu)).json()).toMatchObject({ unread: 0, items: [] })
    expect((await post('/api/inbox/nope/read', {}, gusu)).statusCode).toBe(404)
  })

  it('raises one supervision notice on a missed deadline; the unit answers, the supervising level closes', async () => {
    at('2026-03-12T00:00:01+08:00')
    await t.jobs.runDue()
    await t.jobs.runDue()
    const list = (await get('/api/supervision-notices', leader)).json()
    expect(list.items).toHaveLength(1)
    const notice = list.items[0]
    expect(notice).toMatchObject({
      caseId,
      ruleId: '5.6',
      dueDate: '2026-03-11',
      status: 'open',
      supervisingRole: 'leader',
    })
    expect((await get('/api/supervision-notices', gusu)).json().items).toHaveLength(1)
    expect((await get('/api/supervision-notices', kunshan)).json().items).toEqual([])
    const leaderInbox = (await get('/api/inbox', leader)).json()
    expect(leaderInbox.items.map((i: { kind: string }) => i.kind)).toEqual(['supervision.opened'])

    const url = `/api/supervision-notices/${notice.id}`
    expect((await post(`${url}/close`, { note: '自行办结' }, gusu)).json().code).toBe(
      'supervision_not_supervisor',
    )
    expect((await post(`${url}/response`, { response: '已联系投诉人补正材料' }, kunshan)).statusCode).toBe(
      404,
    )
    const answered = await post(`${url}/response`, { response: '已联系投诉人补正材料' }, gusu)
    expect(answered.json()).toMatchObject({ status: 'responded', response: '已联系投诉人补正材料' })
    const closed = await post(`${url}/close`, { note: '同意，督促按期办结' }, leader)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json().status).toBe('closed')
    expect((await post(`${url}/close`, { note: '再次' }, leader)).json().code).toBe(
      'supervision_notice_closed',
    )
    const events = (await get(`/api/cases/${caseId}`, gusu))
      .json()
      .events.map((e: { event: string }) => e.event)
    expect(events.filter((e: string) => e.startsWith('supervision.'))).toEqual([
      'supervision.opened',
      'supervision.responded',
      'supervision.closed',
    ])
  })
})
