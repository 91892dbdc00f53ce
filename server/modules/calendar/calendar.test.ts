import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

// A made-up 2027 schedule (the real one is published in November 2026): New Year 1–3 January.
const schedule2027 = {
  year: 2027,
  source: { title: '测试用2027年节假日安排', number: null, date: '2026-11-01' },
  holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
  makeUpWorkdays: [],
}

describe('calendar API', () => {
  let t: TestApp
  let admin: Session
  const deadline = (query: string) => t.request({ method: 'GET', url: `/api/calendar/deadline?${query}` })

  beforeAll(async () => {
    t = await createTestApp()
    admin = await t.login('admin')
  })
  afterAll(() => t.close())

  it('counts 7 working days across Spring Festival 2026 and its make-up Saturdays, for anyone', async () => {
    // 2-13 (Fri) 1, 2-14 (make-up Sat) 2, 2-15…2-23 holiday, 2-24…2-27 3–6, 2-28 (make-up Sat) 7.
    const response = await deadline('from=2026-02-12&days=7&unit=working')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body.due).toBe('2026-02-28')
    expect(body.warnings).toEqual([])
    expect(body.steps[0]).toEqual({ kind: 'start', date: '2026-02-12' })
    expect(body.steps[1]).toEqual({ kind: 'countFrom', date: '2026-02-13' })
    expect(body.steps).toContainEqual({ kind: 'makeUpWorkday', date: '2026-02-14' })
    expect(body.steps).toContainEqual(
      expect.objectContaining({ kind: 'skipHoliday', from: '2026-02-15', to: '2026-02-23', days: 9 }),
    )
    expect(body.steps.at(-1)).toEqual({ kind: 'due', date: '2026-02-28' })
  })

  it('counts 7 working days over the 2025 Spring Festival and its make-up Saturday 2-08', async () => {
    // 2025-01-24 (Fri): 1-26 (make-up Sun) 1, 1-27 2, 1-28…2-04 holiday, 2-05 3, 2-06 4, 2-07 5,
    // 2-08 (make-up Sat) 6, 2-10 (Mon) 7.
    const body = (await deadline('from=2025-01-24&days=7')).json()
    expect(body.due).toBe('2025-02-10')
    expect(body.unit).toBe('working')
  })

  it('rolls a calendar-day deadline off a holiday, unless told not to', async () => {
    // 2026-02-05 + 15 days = 2-20, inside Spring Festival → the next working day, 2-24.
    const rolled = (await deadline('from=2026-02-05&days=15&unit=calendar')).json()
    expect(rolled.due).toBe('2026-02-24')
    expect(rolled.steps).toContainEqual(
      expect.objectContaining({
        kind: 'rollForward',
        from: '2026-02-20',
        to: '2026-02-24',
        reason: 'holiday',
      }),
    )
    const plain = (await deadline('from=2026-02-05&days=15&unit=calendar&rollForward=false')).json()
    expect(plain.due).toBe('2026-02-20')
  })

  it('refuses a bad date or a negative length with a localized problem', async () => {
    const badDate = await deadline('from=2026-02-30&days=3')
    expect(badDate.statusCode).toBe(400)
    expect(badDate.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(badDate.json()).toMatchObject({ code: 'validation_failed' })
    expect(badDate.json().errors[0].path).toBe('querystring.from')
    const negative = await deadline('from=2026-02-03&days=-1')
    expect(negative.statusCode).toBe(400)
    expect(negative.json().errors[0].path).toBe('querystring.days')
    const unit = await deadline('from=2026-02-03&days=1&unit=fortnight')
    expect(unit.statusCode).toBe(400)
  })

  it('lists each day’s status for a calendar view', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/calendar/days?from=2026-02-13&to=2026-02-16',
    })
    expect(response.statusCode, response.body).toBe(200)
    const { days, coveredUntil } = response.json()
    expect(coveredUntil).toBe('2026-12-31')
    expect(
      days.map((d: { date: string; working: boolean; reason: string | null }) => [
        d.date,
        d.working,
        d.reason,
      ]),
    ).toEqual([
      ['2026-02-13', true, null],
      ['2026-02-14', true, null],
      ['2026-02-15', false, 'holiday'],
      ['2026-02-16', false, 'holiday'],
    ])
    expect(days[1].makeUpWorkday).toBe(true)
    expect(days[2].holidayName).toBe('春节')
    const reversed = await t.request({
      method: 'GET',
      url: '/api/calendar/days?from=2026-02-16&to=2026-02-13',
    })
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json().code).toBe('date_range_invalid')
  })

  it('lets only an administrator see and load schedules', async () => {
    const list = await t.request({ method: 'GET', url: '/api/calendar/schedules', as: admin })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((s: { year: number }) => s.year)).toEqual([2025, 2026])
    expect(list.json().items[0].source).toBe('seed')
    const clerk = await t.login('clerk')
    expect((await t.request({ method: 'GET', url: '/api/calendar/schedules', as: clerk })).statusCode).toBe(
      403,
    )
    expect((await t.request({ method: 'GET', url: '/api/calendar/schedules' })).statusCode).toBe(401)
    const put = await t.request({
      method: 'PUT',
      url: '/api/calendar/schedules/2027',
      as: clerk,
      payload: schedule2027,
    })
    expect(put.statusCode).toBe(403)
  })

  it('refuses an invalid schedule and a year mismatch, changing nothing', async () => {
    const weekdayMakeUp = await t.request({
      method: 'PUT',
      url: '/api/calendar/schedules/2027',
      as: admin,
      payload: { ...schedule2027, makeUpWorkdays: ['2027-01-06'] }, // a Wednesday
    })
    expect(weekdayMakeUp.statusCode).toBe(400)
    expect(weekdayMakeUp.json().code).toBe('validation_failed')
    const mismatch = await t.request({
      method: 'PUT',
      url: '/api/calendar/schedules/2028',
      as: admin,
      payload: schedule2027,
    })
    expect(mismatch.statusCode).toBe(400)
    expect(mismatch.json().code).toBe('schedule_year_mismatch')
    const list = await t.request({ method: 'GET', url: '/api/calendar/schedules', as: admin })
    expect(list.json().items).toHaveLength(2)
  })

  it('warns beyond the loaded schedule until an administrator loads the next year', async () => {
    // 2026-12-25 (Fri) + 10 working days: 12-28…12-31 4; 2027 unknown, so 1-01 (Fri) counts: 5,
    // 1-04…1-08 6–10 → 2027-01-08 with a warning.
    const before = (await deadline('from=2026-12-25&days=10')).json()
    expect(before.due).toBe('2027-01-08')
    expect(before.warnings).toEqual(['beyondSchedule'])
    const days = (
      await t.request({ method: 'GET', url: '/api/calendar/days?from=2027-01-01&to=2027-01-01' })
    ).json()
    expect(days.days[0]).toMatchObject({ working: true, beyondSchedule: true })

    const put = await t.request({
      method: 'PUT',
      url: '/api/calendar/schedules/2027',
      as: admin,
      payload: schedule2027,
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({ year: 2027, source: 'admin' })
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.schedule.load')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.target_id).toBe('2027')

    // Now 1-01 is a holiday: 12-28…12-31 4, 1-04…1-08 5–9, 1-11 (Mon) 10.
    const after = (await deadline('from=2026-12-25&days=10')).json()
    expect(after.due).toBe('2027-01-11')
    expect(after.warnings).toEqual([])
    expect(after.coveredUntil).toBe('2027-12-31')
  })
})
