import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../kernel/clock.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const clock = fixedClock('2026-03-02T02:00:00.000Z')

describe('people of a case: parties, agents, assigned staff and recusal', () => {
  let t: TestApp
  let gusuId: string
  let gusu: Session
  let clerk: Session
  let leader: Session
  let caseId: string
  const ids: Record<string, string> = {}
  const post = (url: string, payload: object, as: Session) => t.request({ method: 'POST', url, payload, as })
  const people = async (as: Session) => {
    const response = await t.request({ method: 'GET', url: `/api/cases/${caseId}/people`, as })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const orgs = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    gusuId = orgs.find((o) => o.code === 'gusu')!.id
    gusu = await t.login('officer.gusu')
    clerk = await t.login('clerk')
    leader = await t.login('leader')
    for (const u of await t.database.db.selectFrom('users').select(['id', 'username']).execute())
      ids[u.username] = u.id
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

  it('records parties; the resident ID is validated, and masked for readers who do not handle cases', async () => {
    const url = `/api/cases/${caseId}/parties`
    const bad = await post(
      url,
      { role: 'complainant', kind: 'person', name: '李四', idNumber: '110105194912310021' },
      gusu,
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('body.idNumber')
    const person = await post(
      url,
      {
        role: 'complainant',
        kind: 'person',
        name: '李四',
        idNumber: '11010519491231002X',
        phone: '13912345678',
      },
      gusu,
    )
    expect(person.statusCode, person.body).toBe(201)
    const noUscc = await post(url, { role: 'respondent', kind: 'entity', name: '某公司' }, gusu)
    expect(noUscc.json().errors[0].path).toBe('body.uscc')
    const enterprise = await t.database.db
      .selectFrom('users')
      .innerJoin('entities', 'entities.id', 'users.entity_id')
      .select(['entities.uscc', 'entities.id'])
      .where('users.username', '=', 'enterprise')
      .executeTakeFirstOrThrow()
    const respondent = await post(
      url,
      { role: 'respondent', kind: 'entity', name: '某公司', uscc: enterprise.uscc },
      gusu,
    )
    expect(respondent.statusCode).toBe(201)
    const agentWithout = await post(
      url,
      { role: 'agent', kind: 'person', name: '赵律师', representsId: person.json().id },
      gusu,
    )
    expect(agentWithout.statusCode).toBe(400)
    const agent = await post(
      url,
      {
        role: 'agent',
        kind: 'person',
        name: '赵律师',
        representsId: person.json().id,
        powerOfAttorney: 'POA-2026-001',
      },
      gusu,
    )
    expect(agent.statusCode).toBe(201)

    const full = await people(gusu)
    expect(full.parties.find((p: { role: string }) => p.role === 'complainant').idNumber).toBe(
      '11010519491231002X',
    )
    expect(full.parties.find((p: { role: string }) => p.role === 'respondent').entityId).toBe(enterprise.id)
    const masked = await people(leader)
    expect(masked.parties.find((p: { role: string }) => p.role === 'complainant')).toMatchObject({
      idNumber: '110105********002X',
      phone: '139****5678',
    })
    // The timeline records the party, never its ID number.
    const detail = await t.request({ method: 'GET', url: `/api/cases/${caseId}`, as: gusu })
    expect(detail.body).not.toContain('11010519491231002X')
  })

  it('assigns officers and experts with recusal checks; a granted recusal ends the assignment', async () => {
    const url = `/api/cases/${caseId}/assignments`
    expect((await post(url, { userId: ids.enterprise!, duty: 'officer' }, gusu)).json().code).toBe(
      'assignee_not_eligible',
    )
    expect((await post(url, { userId: ids.officer!, duty: 'expert' }, gusu)).json().code).toBe(
      'assignee_not_eligible',
    )
    expect((await post(url, { userId: ids['officer.gusu']!, duty: 'officer' }, gusu)).statusCode).toBe(201)

    // An expert who is an account of the respondent's entity is tied to a party.
    const entityId = (await people(gusu)).parties.find(
      (p: { role: string }) => p.role === 'respondent',
    ).entityId
    await t.database.db
      .updateTable('users')
      .set({ entity_id: entityId })
      .where('id', '=', ids.expert!)
      .execute()
    const tied = await post(url, { userId: ids.expert!, duty: 'technicalInvestigator' }, gusu)
    expect(tied.json().code).toBe('assignee_must_recuse')
    await t.database.db.updateTable('users').set({ entity_id: null }).where('id', '=', ids.expert!).execute()
    expect((await post(url, { userId: ids.expert!, duty: 'technicalInvestigator' }, gusu)).statusCode).toBe(
      201,
    )

    // The respondent asks for the expert's recusal; the request blocks further assignment.
    const party = (await people(gusu)).parties.find((p: { role: string }) => p.role === 'respondent').id
    const recusal = await post(
      `/api/cases/${caseId}/recusals`,
      { userId: ids.expert!, partyId: party, reason: '该专家曾为投诉人提供咨询' },
      gusu,
    )
    expect(recusal.statusCode, recusal.body).toBe(201)
    expect((await post(url, { userId: ids.expert!, duty: 'expert' }, gusu)).json().code).toBe(
      'assignee_must_recuse',
    )
    const decision = `/api/cases/${caseId}/recusals/${recusal.json().id}/decision`
    expect((await post(decision, { grant: true, note: '理由成立' }, clerk)).statusCode).toBe(200)
    expect((await post(decision, { grant: false, note: '再次' }, clerk)).json().code).toBe('recusal_decided')
    const after = await people(gusu)
    expect(after.assignments.find((a: { userId: string }) => a.userId === ids.expert)).toMatchObject({
      endReason: 'recused',
    })
    expect(after.recusals[0]).toMatchObject({ status: 'granted', decisionNote: '理由成立' })

    // No one decides their own recusal.
    const own = await post(
      `/api/cases/${caseId}/recusals`,
      { userId: ids['officer.gusu']!, reason: '亲属关系' },
      gusu,
    )
    const self = await post(
      `/api/cases/${caseId}/recusals/${own.json().id}/decision`,
      { grant: true, note: '同意' },
      gusu,
    )
    expect(self.json().code).toBe('recusal_self_decision')
    const events = (await t.request({ method: 'GET', url: `/api/cases/${caseId}`, as: gusu })).json().events
    expect(events.map((e: { event: string }) => e.event)).toContain('recusal.granted')
  })

  it('offers a picker: officers of the case’s district and the city, experts; names only; who must recuse', async () => {
    const pick = async (query: string, as: Session = gusu) =>
      t.request({ method: 'GET', url: `/api/cases/${caseId}/assignable-users?${query}`, as })
    const officers = (await pick('duty=officer')).json().items as {
      id: string
      displayName: string
      assigned: boolean
      mustRecuse: boolean
    }[]
    const officerIds = officers.map((u) => u.id)
    expect(officerIds).toContain(ids['officer.gusu'])
    expect(officerIds).toContain(ids.clerk)
    expect(officerIds).not.toContain(ids['officer.kunshan'])
    expect(officerIds).not.toContain(ids.expert)
    expect(officers.find((u) => u.id === ids['officer.gusu'])).toMatchObject({
      assigned: true,
      mustRecuse: true,
    })
    for (const u of officers)
      expect(Object.keys(u).sort()).toEqual(['assigned', 'displayName', 'id', 'mustRecuse', 'orgName'])
    const experts = (await pick('duty=expert')).json().items
    expect(experts).toEqual([expect.objectContaining({ id: ids.expert, mustRecuse: true, assigned: false })])
    const name = officers.find((u) => u.id === ids.clerk)!.displayName
    expect(
      (await pick(`duty=officer&q=${encodeURIComponent(name)}`))
        .json()
        .items.map((u: { id: string }) => u.id),
    ).toEqual([ids.clerk])
    expect((await pick('duty=judge')).json().code).toBe('validation_failed')
    expect((await pick('duty=officer', await t.login('officer.kunshan'))).statusCode).toBe(404)
    expect((await pick('duty=officer', leader)).statusCode).toBe(403)
  })

  it('keeps another district’s officer out', async () => {
    const kunshan = await t.login('officer.kunshan')
    expect(
      (await t.request({ method: 'GET', url: `/api/cases/${caseId}/people`, as: kunshan })).statusCode,
    ).toBe(404)
    const response = await post(
      `/api/cases/${caseId}/parties`,
      { role: 'other', kind: 'person', name: '某人' },
      kunshan,
    )
    expect(response.statusCode).toBe(404)
  })
})
