import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const clock = fixedClock('2025-06-15T02:00:00Z')

const course = {
  title: '专利侵权判定实务培训',
  summary: '面向企业知识产权专员：全面覆盖原则、等同原则与典型判例。',
  category: 'practice',
  audience: 'practitioners',
  lecturer: '孔教授',
  materials: '专利侵权判定指南（2017）',
}
const session = (capacity: number, extra: Record<string, unknown> = {}) => ({
  startsAt: '2025-06-20T01:30:00Z',
  endsAt: '2025-06-20T04:30:00Z',
  place: '苏州市知识产权保护中心 二楼培训室',
  capacity,
  registrationDeadline: '2025-06-19T10:00:00Z',
  organizer: '中国（苏州）知识产权保护中心',
  ...extra,
})

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zb-cert-')), 'certificate.pdf')
  fs.writeFileSync(file, pdf)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

describe('IP classroom: registration, capacity, attendance, certificates', () => {
  let t: TestApp
  let clerk: Session
  let enterprise: Session
  let gusuClerk: Session
  let orgIds: Map<string, string>

  const post = (url: string, payload: object, as?: Session) => t.request({ method: 'POST', url, payload, as })
  const get = (url: string, as?: Session) => t.request({ method: 'GET', url, as })
  const newSession = async (capacity: number, extra: Record<string, unknown> = {}) => {
    const c = await post('/api/classroom/courses', course, clerk)
    expect(c.statusCode, c.body).toBe(201)
    const s = await post(`/api/classroom/courses/${c.json().id}/sessions`, session(capacity, extra), clerk)
    expect(s.statusCode, s.body).toBe(201)
    return s.json() as { id: string; seatsLeft: number; courseId: string }
  }

  beforeAll(async () => {
    t = await createTestApp({ clock })
    clerk = await t.login('clerk')
    enterprise = await t.login('enterprise')
    const admin = await t.login('admin')
    const orgs = (await get('/api/organizations')).json() as { id: string; code: string }[]
    orgIds = new Map(orgs.map((o) => [o.code, o.id]))
    const user = await post(
      '/api/users',
      {
        username: 'clerk.gusu',
        displayName: '姑苏受理员',
        password: 'a-long-enough-secret',
        roles: ['clerk'],
        orgId: orgIds.get('samr-gusu'),
      },
      admin,
    )
    expect(user.statusCode, user.body).toBe(201)
    gusuClerk = await t.login('clerk.gusu', 'a-long-enough-secret')
  })
  afterAll(() => t.close())

  it('lists upcoming sessions with seats left to the public, and refuses a bad phone number, changing nothing', async () => {
    const s = await newSession(5)
    const list = (await get('/api/classroom/sessions?pageSize=200')).json()
    const mine = list.items.find((x: { id: string }) => x.id === s.id)
    expect(mine).toMatchObject({
      seatsLeft: 5,
      capacity: 5,
      registrationOpen: true,
      courseTitle: course.title,
    })
    const bad = await post(`/api/classroom/sessions/${s.id}/registrations`, {
      name: '张三',
      phone: '1391234567',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('validation_failed')
    expect(bad.json().errors[0].path).toContain('phone')
    expect((await get(`/api/classroom/sessions/${s.id}`)).json().seatsLeft).toBe(5)
  })

  it('gives two concurrent registrations for the last seat one seat and one refusal', async () => {
    const s = await newSession(2)
    const first = await post(`/api/classroom/sessions/${s.id}/registrations`, {
      name: '王一',
      phone: '13900000001',
    })
    expect(first.statusCode, first.body).toBe(201)
    const [a, b] = await Promise.all([
      post(`/api/classroom/sessions/${s.id}/registrations`, { name: '王二', phone: '13900000002' }),
      post(`/api/classroom/sessions/${s.id}/registrations`, { name: '王三', phone: '13900000003' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('classroom_session_full')
    expect((await get(`/api/classroom/sessions/${s.id}`)).json().seatsLeft).toBe(0)
    const list = (await get(`/api/classroom/sessions/${s.id}/registrations`, clerk)).json().items
    expect(list.filter((r: { status: string }) => r.status === 'registered')).toHaveLength(2)
    // Phones and names are masked in the organizer's list.
    expect(list.map((r: { phone: string }) => r.phone)).toContain('139****0001')
    expect(list.map((r: { name: string }) => r.name)).toContain('王*')
  })

  it('puts a late registrant on the waiting list and promotes them when a seat is cancelled', async () => {
    const s = await newSession(1)
    const taken = await post(`/api/classroom/sessions/${s.id}/registrations`, {
      name: '赵一',
      phone: '13800000001',
    })
    expect(taken.statusCode).toBe(201)
    const code = taken.json().accessCode as string
    expect(code).toEqual(expect.any(String))
    const waiting = await post(
      `/api/classroom/sessions/${s.id}/registrations`,
      { name: '冯经理', phone: '13900002222', waitlist: true },
      enterprise,
    )
    expect(waiting.statusCode, waiting.body).toBe(201)
    expect(waiting.json()).toMatchObject({ status: 'waitlisted', accessCode: null })
    const again = await post(`/api/classroom/sessions/${s.id}/registrations`, {
      name: '赵一',
      phone: '13800000001',
    })
    expect(again.json().code).toBe('classroom_already_registered')

    // Without the access code nobody else can cancel the public registrant's seat.
    const foreign = await post(`/api/classroom/registrations/${taken.json().id}/cancellation`, {}, enterprise)
    expect(foreign.statusCode).toBe(404)
    const cancelled = await post(`/api/classroom/registrations/${taken.json().id}/cancellation`, { code })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json().status).toBe('cancelled')
    const mine = (await get('/api/classroom/registrations/mine', enterprise)).json().items
    expect(mine.find((r: { id: string }) => r.id === waiting.json().id)).toMatchObject({
      status: 'registered',
    })
    expect((await get(`/api/classroom/sessions/${s.id}`)).json()).toMatchObject({
      seatsLeft: 0,
      waitlisted: 0,
    })
    const twice = await post(`/api/classroom/registrations/${taken.json().id}/cancellation`, { code })
    expect(twice.json().code).toBe('classroom_registration_cancelled')
  })

  it('closes registration at the deadline', async () => {
    const s = await newSession(10)
    clock.set('2025-06-19T10:00:01Z')
    try {
      const late = await post(`/api/classroom/sessions/${s.id}/registrations`, {
        name: '钱七',
        phone: '13700000007',
      })
      expect(late.json().code).toBe('classroom_registration_closed')
    } finally {
      clock.set('2025-06-15T02:00:00Z')
    }
  })

  it('records attendance in bulk (organizer only, in scope) and then gives the attendee a verifiable PDF certificate', async () => {
    const s = await newSession(10)
    const reg = await post(
      `/api/classroom/sessions/${s.id}/registrations`,
      { name: '冯经理', phone: '13900002222', organization: '苏州园区新材料股份有限公司' },
      enterprise,
    )
    expect(reg.statusCode, reg.body).toBe(201)
    const other = await post(`/api/classroom/sessions/${s.id}/registrations`, {
      name: '孙八',
      phone: '13600000008',
    })
    const id = reg.json().id as string

    const early = await get(`/api/classroom/registrations/${id}/certificate`, enterprise)
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('classroom_no_certificate')

    const body = { registrationIds: [id, other.json().id], attended: true }
    expect((await post(`/api/classroom/sessions/${s.id}/attendance`, body, enterprise)).statusCode).toBe(403)
    // A district organizer cannot mark a city-level session.
    expect((await post(`/api/classroom/sessions/${s.id}/attendance`, body, gusuClerk)).statusCode).toBe(404)
    expect((await get(`/api/classroom/sessions/${s.id}/registrations`, gusuClerk)).statusCode).toBe(404)
    const marked = await post(`/api/classroom/sessions/${s.id}/attendance`, body, clerk)
    expect(marked.statusCode, marked.body).toBe(200)
    expect(marked.json().updated).toBe(2)

    const mine = (await get('/api/classroom/registrations/mine', enterprise)).json().items
    const r = mine.find((x: { id: string }) => x.id === id)
    expect(r).toMatchObject({ attended: true, certificateNumber: expect.stringMatching(/^KT2025-/) })
    // An attended registration can no longer be cancelled.
    expect((await post(`/api/classroom/registrations/${id}/cancellation`, {}, enterprise)).json().code).toBe(
      'classroom_attendance_locked',
    )

    const pdf = await get(`/api/classroom/registrations/${id}/certificate`, enterprise)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('结业证书')
    expect(text).toContain('冯经理')
    expect(text).toContain(course.title)
    expect(text).toContain(r.certificateNumber)
    // Nobody else downloads it: another user, the public.
    expect((await get(`/api/classroom/registrations/${id}/certificate`, clerk)).statusCode).toBe(404)
    expect((await get(`/api/classroom/registrations/${id}/certificate`)).statusCode).toBe(404)

    // The public attendee fetches theirs with the access code given at registration, and only with it.
    const publicUrl = `/api/classroom/registrations/${other.json().id}/certificate`
    const own = await get(`${publicUrl}?code=${other.json().accessCode}`)
    expect(own.statusCode).toBe(200)
    expect(pdfText(own.rawPayload)).toContain('孙八')
    expect((await get(publicUrl)).statusCode).toBe(404)
    expect((await get(`${publicUrl}?code=wrong-code-123`)).statusCode).toBe(404)

    const check = await get(`/api/classroom/certificates/${r.certificateNumber}`)
    expect(check.json()).toMatchObject({ valid: true, name: '冯**', courseTitle: course.title })
    expect((await get('/api/classroom/certificates/KT2025-NOSUCHNUMBER')).statusCode).toBe(404)
  })

  it('keeps a district organizer to its own district', async () => {
    const c = await post(
      '/api/classroom/courses',
      { ...course, districtId: orgIds.get('kunshan') },
      gusuClerk,
    )
    expect(c.statusCode).toBe(403)
    const own = await post('/api/classroom/courses', { ...course, title: '姑苏区商标培训' }, gusuClerk)
    expect(own.statusCode, own.body).toBe(201)
    expect(own.json().districtId).toBe(orgIds.get('gusu'))
    const s = await post(`/api/classroom/courses/${own.json().id}/sessions`, session(3), gusuClerk)
    expect(s.statusCode, s.body).toBe(201)
    expect(s.json().districtId).toBe(orgIds.get('gusu'))
    const reg = await post(`/api/classroom/sessions/${s.json().id}/registrations`, {
      name: '周九',
      phone: '13500000009',
    })
    const marked = await post(
      `/api/classroom/sessions/${s.json().id}/attendance`,
      { registrationIds: [reg.json().id], attended: true },
      gusuClerk,
    )
    expect(marked.statusCode, marked.body).toBe(200)
    // Staff without classroom.manage cannot manage courses.
    const officer = await t.login('officer')
    expect((await post('/api/classroom/courses', course, officer)).statusCode).toBe(403)
  })

  it('T24 in the cockpit equals the attendance the classroom recorded, with the registrations behind it', async () => {
    // The cockpit shows ended periods only: move past the end of 2025-Q2.
    clock.set('2025-07-02T02:00:00Z')
    clerk = await t.login('clerk')
    const leader = await t.login('leader')
    const sessions = (await get('/api/classroom/sessions?when=all&pageSize=200', clerk)).json().items as {
      id: string
      startsAt: string
    }[]
    const attended: string[] = []
    for (const s of sessions.filter((x) => x.startsAt < '2025-06-30T16:00:00.000Z')) {
      const regs = (await get(`/api/classroom/sessions/${s.id}/registrations`, clerk)).json().items
      for (const r of regs) if (r.attended) attended.push(r.id)
    }
    expect(attended.length).toBeGreaterThan(80)
    const plan = (await get('/api/cockpit/plans/suzhou-2022-83', leader)).json()
    const t24 = plan.targets.find((x: { code: string }) => x.code === 'T24')
    expect(t24).toMatchObject({
      computed: true,
      sourceAvailable: true,
      currentPeriod: '2025-Q2',
      currentValue: attended.length,
    })
    const drill = (
      await get(`/api/cockpit/targets/${t24.id}/drilldown?period=${t24.currentPeriod}`, leader)
    ).json()
    expect(drill.value).toBe(attended.length)
    expect(drill.records.map((r: { id: string }) => r.id).sort()).toEqual(attended.sort())
  })

  it('indexes courses for the unified search', async () => {
    const found = (await get(`/api/search?q=${encodeURIComponent('专利侵权判定')}`)).json()
    expect(
      found.items.some(
        (h: { source: string; kind: string }) => h.source === 'classroom' && h.kind === 'course',
      ),
    ).toBe(true)
  })
})

describe('talent showcase: consent governs publication', () => {
  let t: TestApp
  let clerk: Session

  beforeAll(async () => {
    t = await createTestApp({ clock })
    clerk = await t.login('clerk')
  })
  afterAll(() => t.close())

  const publicNames = async (query = '') =>
    (await t.request({ method: 'GET', url: `/api/talent/profiles?pageSize=200${query}` })).json().items as {
      name: string
      phone: string | null
      email: string | null
    }[]
  const searchNames = async (q: string) =>
    (await t.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` }))
      .json()
      .items.map((h: { source: string; title: { text: string } }) => `${h.source}:${h.title.text}`)

  it('shows the demo profiles publicly and filters by kind and IPC section', async () => {
    expect(await publicNames()).toHaveLength(6)
    expect((await publicNames('&kind=examiner')).map((p) => p.name).sort()).toEqual(['吴建国', '周雅琴'])
    expect((await publicNames('&ipcSection=H')).map((p) => p.name).sort()).toEqual([
      '吴建国',
      '沈立群',
      '钱文静',
    ])
    // Contact details only where consented to.
    const byName = new Map((await publicNames()).map((p) => [p.name, p]))
    expect(byName.get('顾晓明')).toMatchObject({ phone: null, email: null })
    expect(byName.get('沈立群')!.email).toEqual(expect.any(String))
    // Text search takes what is typed literally: % and _ are not wildcards.
    expect((await publicNames(`&q=${encodeURIComponent('沈立')}`)).map((p) => p.name)).toEqual(['沈立群'])
    expect(await publicNames(`&q=${encodeURIComponent('沈_群')}`)).toHaveLength(0)
    expect(await publicNames('&q=%25')).toHaveLength(0)
  })

  it('publishes a profile only with recorded consent, and unpublishes it (also from search) on withdrawal', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/talent/profiles',
      as: clerk,
      payload: {
        kind: 'expert',
        name: '褚思远',
        title: '研究员',
        organization: '苏州集成电路研究院',
        ipcSections: ['H'],
        topics: ['集成电路布图设计'],
        bio: '从事集成电路布图设计保护研究。',
        phone: '13912340000',
        email: 'chu@example.org',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect(created.json().published).toBe(false)
    expect((await publicNames()).map((p) => p.name)).not.toContain('褚思远')
    expect((await t.request({ method: 'GET', url: `/api/talent/profiles/${id}` })).statusCode).toBe(404)
    expect(await searchNames('褚思远')).toEqual([])

    const consent = await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${id}/consent`,
      as: clerk,
      payload: { scope: 'profile', note: '2025-06-15 签署书面同意书' },
    })
    expect(consent.statusCode, consent.body).toBe(200)
    expect(consent.json()).toMatchObject({
      published: true,
      consent: { scope: 'profile', recordedAt: expect.any(String) },
    })
    const shown = (await publicNames()).find((p) => p.name === '褚思远')
    expect(shown).toMatchObject({ phone: null, email: null })
    expect(await searchNames('褚思远')).toEqual(['talent:褚思远 研究员'])

    const withdrawn = await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${id}/consent/withdrawal`,
      as: clerk,
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect((await publicNames()).map((p) => p.name)).not.toContain('褚思远')
    expect(await searchNames('褚思远')).toEqual([])
    expect(await searchNames('集成电路布图设计')).not.toContain('talent:褚思远 研究员')
    // A second withdrawal has nothing to withdraw.
    const again = await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${id}/consent/withdrawal`,
      as: clerk,
    })
    expect(again.json().code).toBe('talent_consent_required')
    // The public and staff without talent.manage cannot record consent.
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/talent/profiles/${id}/consent`,
          payload: { scope: 'profile', note: '伪造' },
        })
      ).statusCode,
    ).toBe(401)
  })
})
