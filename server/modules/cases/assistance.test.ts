import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../contracts/cases.ts'
import { newId } from '../../kernel/ids.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { demoUscc } from '../identity/seed.ts'

const application = {
  enterprise: {
    name: '苏州某某科技有限公司',
    uscc: demoUscc('91320594MA1MXQ7H0'),
    contact: '冯经理',
    phone: '13900002222',
  },
  scope: 'domestic',
  right: { kind: 'inventionPatent', number: 'ZL202010000000.0' },
  description: '竞争对手涉嫌侵犯我司发明专利，请求维权援助。',
  districtId: null,
}

describe('rights-defence assistance (维权援助)', () => {
  let t: TestApp
  let clerk: Session
  let expert: Session
  let enterprise: Session
  let expertId: string
  let tiedExpertId: string
  const act = (id: string, transition: string, as: Session, input: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: `/api/cases/${id}/transitions/${transition}`, as, payload: { input } })
  const submit = async (body: unknown = application) => {
    const response = await t.request({
      method: 'POST',
      url: '/api/cases/assistance',
      as: enterprise,
      payload: body as object,
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string }
  }

  beforeAll(async () => {
    t = await createTestApp()
    clerk = await t.login('clerk')
    expert = await t.login('expert')
    enterprise = await t.login('enterprise')
    const users = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', 'in', ['expert', 'enterprise'])
      .execute()
    const expertRow = users.find((u) => u.username === 'expert')!
    expertId = expertRow.id
    // An expert who is also an account of the applicant enterprise: tied to a party.
    tiedExpertId = newId()
    await t.deps.db
      .insertInto('users')
      .values({
        ...expertRow,
        id: tiedExpertId,
        username: 'expert.tied',
        entity_id: users.find((u) => u.username === 'enterprise')!.entity_id,
      })
      .execute()
    await t.deps.db.insertInto('user_roles').values({ user_id: tiedExpertId, role: 'expert' }).execute()
  })
  afterAll(() => t.close())

  it('requires the country of an overseas request', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/cases/assistance',
      as: enterprise,
      payload: { ...application, scope: 'overseas' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({
      path: 'body.country',
      message: '海外维权援助须填写国家或地区',
    })
  })

  it('assigns an eligible expert, takes the expert’s written opinion and closes', async () => {
    const { id } = await submit()
    expect((await act(id, 'accept', clerk)).json().state).toBe('accepted')
    const notExpert = await act(id, 'assignExperts', clerk, {
      expertIds: [
        (
          await t.deps.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'clerk')
            .executeTakeFirstOrThrow()
        ).id,
      ],
    })
    expect(notExpert.json()).toMatchObject({
      code: 'transition_guard_failed',
      detail: { reason: '所选人员不是在册专家' },
    })
    const tied = await act(id, 'assignExperts', clerk, { expertIds: [tiedExpertId] })
    expect(tied.json()).toMatchObject({
      code: 'transition_guard_failed',
      detail: { reason: '所选专家须回避' },
    })
    const assigned = (await act(id, 'assignExperts', clerk, { expertIds: [expertId] })).json() as CaseDetail
    expect(assigned).toMatchObject({ state: 'expertsAssigned', data: { expertIds: [expertId] } })
    expect((await act(id, 'close', clerk, { outcome: '已出具意见' })).json().detail.reason).toBe(
      '尚无专家书面意见',
    )
    // The expert cannot browse case files, but can submit the opinion on an assigned case.
    expect((await t.request({ method: 'GET', url: `/api/cases/${id}`, as: expert })).statusCode).toBe(403)
    const opinion = await act(id, 'submitOpinion', expert, { opinion: '被控产品落入权利要求1的保护范围。' })
    expect(opinion.statusCode, opinion.body).toBe(200)
    expect(opinion.json().data.opinions).toEqual([{ expertId, opinion: '被控产品落入权利要求1的保护范围。' }])
    expect((await act(id, 'submitOpinion', clerk, { opinion: 'x' })).json().code).toBe('transition_forbidden')
    const closed = (
      await act(id, 'close', clerk, { outcome: '已出具意见并指导企业维权' })
    ).json() as CaseDetail
    expect(closed.state).toBe('closed')
    expect(closed.clocks).toEqual([])
  })

  it('removes an expert a party asks to recuse, who cannot be assigned again', async () => {
    const { id } = await submit()
    await act(id, 'accept', clerk)
    await act(id, 'assignExperts', clerk, { expertIds: [expertId] })
    const recused = (
      await act(id, 'recordRecusal', clerk, { expertId, reason: '申请人称该专家曾为对方提供咨询' })
    ).json()
    expect(recused).toMatchObject({
      state: 'accepted',
      data: { expertIds: [], recusedExpertIds: [expertId] },
    })
    const again = await act(id, 'assignExperts', clerk, { expertIds: [expertId] })
    expect(again.json().detail.reason).toBe('所选专家须回避')
    expect((await act(id, 'submitOpinion', expert, { opinion: 'x' })).json().code).toBe(
      'transition_not_allowed_in_state',
    )
  })
})
