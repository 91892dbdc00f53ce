import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATE_COUNCIL_SCHEDULES, WorkingDayCalendar } from '../../../contracts/calendar/index.ts'
import { computeUsccCheckChar } from '../../../contracts/identifiers/index.ts'
import {
  commitInputs,
  createDrawRecord,
  type DrawRecord,
  DrawRecordSchema,
  observerCommitment,
  verifyDrawRecord,
} from '../../../contracts/inspections/draw/index.ts'
import type { InspectionDraw, InspectionTarget, InspectionTask } from '../../../contracts/inspections-api.ts'
import { fixedClock } from '../../kernel/clock.ts'
import { writeXlsx } from '../../kernel/documents/tables.ts'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'
import { integratePending, loadLogKeys } from '../evidence/index.ts'
import { quicknetRound } from './draws.service.ts'

const clock = fixedClock('2026-05-06T02:00:00.000Z')
const OBSERVER = { name: '区纪委监委派驻组', value: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' }
const RANDOMNESS = 'b2fc21325a24904a6a9e81a6c63f65f6cec3f0b2400df3f4a56b214770e9ccca'
const uscc = (i: number) => {
  const first17 = `91320583MA1KT${String(i).padStart(4, '0')}`
  return first17 + computeUsccCheckChar(first17)
}

describe('double-random inspections (双随机、一公开)', () => {
  let t: TestApp
  let city: Session
  let gusu: Session
  let kunshan: Session
  let orgs: Map<string, string>
  let items: Map<string, string>
  const round = () => quicknetRound(clock.now()) + 1000

  const api = async (
    method: string,
    url: string,
    as: Session | undefined,
    payload?: object,
    status = 200,
  ) => {
    const response = await t.request({ method: method as 'GET', url, as, payload })
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status)
    return response.json()
  }
  const csv = (rows: string[][], header = '统一社会信用代码,名称,所属区县,行业类别,信用等级,重点企业') =>
    Buffer.from([header, ...rows.map((r) => r.join(','))].join('\n'))
  /** Uploads a file as multipart field "file", as the web app does. */
  const upload = async (url: string, as: Session, filename: string, content: Buffer, status = 200) => {
    const boundary = '----zhibao-inspections-test'
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const response = await t.request({
      method: 'POST',
      url,
      as,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    expect(response.statusCode, `POST ${url}: ${response.body}`).toBe(status)
    return response.json()
  }
  const countDraws = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('inspection_draws')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  /** A Kunshan plan with its own items, inspectors and 20 entities (credit A/B alternating). */
  let plan: { id: string }
  let taskSeq = 0
  const newTask = async (overrides: Record<string, unknown> = {}): Promise<InspectionTask> =>
    api(
      'POST',
      `/api/inspections/plans/${plan.id}/tasks`,
      kunshan,
      {
        code: `KS-2026-T${++taskSeq}`,
        title: `昆山抽查任务 ${taskSeq}`,
        itemIds: [items.get('ks-trademark')!],
        population: { districts: [], categories: ['制造业'], creditLevels: [], keyEnterprisesOnly: false },
        stratifyBy: ['credit'],
        strata: [
          { stratum: 'A', ratio: '0.2' },
          { stratum: 'B', count: 3 },
        ],
        agencyIds: [orgs.get('samr-kunshan')],
        periodStart: '2026-06-01',
        periodEnd: '2026-09-30',
        ...overrides,
      },
      201,
    )
  const commit = (task: InspectionTask, status = 201) =>
    api(
      'POST',
      `/api/inspections/tasks/${task.id}/draw`,
      kunshan,
      {
        drandRound: round(),
        observers: [{ name: OBSERVER.name, commitment: observerCommitment(OBSERVER.value) }],
      },
      status,
    )
  const completeDraw = async (task: InspectionTask): Promise<InspectionDraw> => {
    const draw = (await commit(task)) as InspectionDraw
    await api('POST', `/api/inspections/draws/${draw.id}/reveals`, kunshan, {
      observer: OBSERVER.name,
      value: OBSERVER.value,
    })
    return api('POST', `/api/inspections/draws/${draw.id}/run`, kunshan, {
      drand: { round: draw.drandRound, randomness: RANDOMNESS },
    })
  }

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { SESSION_TTL_HOURS: '720' } })
    const list = (await t.request({ method: 'GET', url: '/api/organizations' })).json() as {
      id: string
      code: string
    }[]
    orgs = new Map(list.map((o) => [o.code, o.id]))
    city = await t.login('officer')
    gusu = await t.login('officer.gusu')
    kunshan = await t.login('officer.kunshan')
    items = new Map()
    for (const [code, review] of [
      ['ks-trademark', false],
      ['ks-patent', true],
    ] as const) {
      const item = await api(
        'POST',
        '/api/inspections/items',
        city,
        {
          code,
          name: code,
          legalBasis: '《商标法》第四十九条',
          method: 'onSite',
          agencyId: orgs.get('samr-kunshan'),
          requiredQualifications: ['law-enforcement'],
          legalReview: review,
        },
        201,
      )
      items.set(code, item.id)
    }
    const rows = Array.from({ length: 20 }, (_, i) => [
      uscc(i),
      `昆山测试制造有限公司${i}`,
      'kunshan',
      '制造业',
      i % 2 ? 'B' : 'A',
      i === 3 ? '是' : '否',
    ])
    const imported = await upload('/api/inspections/directory/import', kunshan, 'directory.csv', csv(rows))
    expect(imported).toEqual({ rows: 20, created: 20, updated: 0 })
    for (let i = 0; i < 6; i++)
      await api(
        'POST',
        '/api/inspections/inspectors',
        kunshan,
        {
          name: `昆山检查员${i}`,
          badge: `KS${String(i).padStart(4, '0')}`,
          agencyId: orgs.get('samr-kunshan'),
          districtId: orgs.get('kunshan'),
          qualifications: ['law-enforcement'],
          capacity: 5,
        },
        201,
      )
    plan = await api(
      'POST',
      '/api/inspections/plans',
      kunshan,
      { year: 2026, title: '昆山市2026年度抽查计划', districtId: orgs.get('kunshan') },
      201,
    )
  })
  afterAll(() => t.close())

  it('serves the demo plan’s published draw to the public, and its record verifies', async () => {
    const list = await api('GET', '/api/inspections/draws', undefined)
    expect(list.items.length).toBeGreaterThanOrEqual(1)
    const demo = list.items.find((d: InspectionDraw) => d.taskCode === 'SZ-2026-IP-01')
    expect(demo).toMatchObject({ published: true, demo: true, status: 'drawn' })
    const record = await api('GET', `/api/inspections/draws/${demo.id}/record`, undefined)
    expect(verifyDrawRecord(record)).toEqual({ ok: true })
    // Inspectors' personal data in the record: name and badge (plus what the draw needs), nothing else.
    for (const r of (record as DrawRecord).inputs.inspectors)
      expect(Object.keys(r).sort()).toEqual(['agency', 'badge', 'capacity', 'name', 'qualifications'])
    const targets = (await api(
      'GET',
      `/api/inspections/draws/${demo.id}/targets`,
      undefined,
    )) as InspectionTarget[]
    expect(targets.length).toBe(record.result.targets.length)
    const published = targets.find((x) => x.published)!
    expect(published.outcome).toBe('noProblem')
    expect(published.enteredBy).toBe('张执法')
    expect(published.publishedBy).toBe('张执法')
    expect(published.inspectors).toHaveLength(2)
    // An entered but unpublished result is not shown to the public.
    expect(targets.filter((x) => !x.published).every((x) => x.outcome === null)).toBe(true)
  })

  it('imports the directory all or nothing, with an error per bad cell by row', async () => {
    const bad = uscc(99).slice(0, 17) + (uscc(99).endsWith('0') ? '1' : '0')
    const problem = await upload(
      '/api/inspections/directory/import',
      kunshan,
      'directory.csv',
      csv([
        [uscc(50), '好企业', 'kunshan', '制造业', 'A', '否'],
        [bad, '坏企业', 'kunshan', '制造|业', 'E', '否'],
        [uscc(51), '外区企业', 'gusu', '制造业', 'A', '否'],
      ]),
      400,
    )
    const paths = (problem.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining(['rows.3.uscc', 'rows.3.category', 'rows.3.creditLevel', 'rows.4.district']),
    )
    expect(paths).not.toContain('rows.2.uscc')
    const found = await t.database.db
      .selectFrom('entities')
      .select('id')
      .where('uscc', '=', uscc(50))
      .executeTakeFirst()
    expect(found).toBeUndefined()
  })

  it('imports the directory from Excel too, updating entities already known', async () => {
    const content = await writeXlsx([
      {
        name: '检查对象',
        columns: ['统一社会信用代码', '名称', '所属区县', '行业类别', '信用等级', '重点企业'].map((h) => ({
          header: h,
          key: h,
        })),
        rows: [
          {
            统一社会信用代码: uscc(0),
            名称: '昆山测试制造有限公司0',
            所属区县: 'kunshan',
            行业类别: '制造业',
            信用等级: 'A',
            重点企业: '是',
          },
          {
            统一社会信用代码: uscc(60),
            名称: 'Excel 导入企业',
            所属区县: 'kunshan',
            行业类别: '制造业',
            信用等级: 'c',
            重点企业: '',
          },
        ],
      },
    ])
    const r = await upload('/api/inspections/directory/import', kunshan, '名录.xlsx', content)
    expect(r).toEqual({ rows: 2, created: 1, updated: 1 })
    const list = await api('GET', `/api/inspections/directory?q=${uscc(0)}`, kunshan)
    expect(list.items[0]).toMatchObject({ uscc: uscc(0), keyEnterprise: true, creditLevel: 'A' })
    expect((await api('GET', `/api/inspections/directory?q=${uscc(60)}`, kunshan)).items[0].creditLevel).toBe(
      'C',
    )
    // Another district's officer does not see Kunshan's directory.
    expect((await api('GET', `/api/inspections/directory?q=${uscc(60)}`, gusu)).items).toHaveLength(0)
  })

  it('refuses a directory upload that is not CSV or Excel, or not multipart, and one it cannot read', async () => {
    await upload('/api/inspections/directory/import', kunshan, 'directory.txt', Buffer.from('x'), 415)
    await api('POST', '/api/inspections/directory/import', kunshan, { format: 'csv', content: 'eA==' }, 415)
    const p = await upload(
      '/api/inspections/directory/import',
      kunshan,
      'd.xlsx',
      Buffer.from('not a zip'),
      400,
    )
    expect(p.errors[0]).toMatchObject({ path: 'file', code: 'unreadable' })
  })

  it('imports the inspector directory all or nothing, then creates and updates inspectors with their conflicts', async () => {
    const header = '执法证号,姓名,执法机构,所属区县,执法资格,承办上限,回避对象'
    const problem = await upload(
      '/api/inspections/inspectors/import',
      kunshan,
      'inspectors.csv',
      csv(
        [
          ['KI0001', '导入检查员甲', 'culture-city', 'kunshan', 'law-enforcement;patent', '4', uscc(1)],
          ['KI0001', '', 'nowhere', 'gusu', 'bad qual!', 'many', '91320583MA1KT99990'],
        ],
        header,
      ),
      400,
    )
    const paths = (problem.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'rows.3.badge',
        'rows.3.name',
        'rows.3.agency',
        'rows.3.district',
        'rows.3.qualifications',
        'rows.3.capacity',
        'rows.3.conflicts',
      ]),
    )
    expect(paths.filter((p) => p.startsWith('rows.2.'))).toEqual([])
    const before = (await api('GET', '/api/inspections/inspectors', kunshan)) as { badge: string }[]
    expect(before.some((i) => i.badge === 'KI0001')).toBe(false)

    const ok = await upload(
      '/api/inspections/inspectors/import',
      kunshan,
      'inspectors.csv',
      csv(
        [
          ['KI0001', '导入检查员甲', 'culture-city', 'kunshan', 'law-enforcement;patent', '4', uscc(1)],
          ['KS0000', '昆山检查员0', 'samr-kunshan', 'kunshan', 'law-enforcement', '5', ''],
        ],
        header,
      ),
    )
    expect(ok).toEqual({ rows: 2, created: 1, updated: 1 })
    const after = (await api('GET', '/api/inspections/inspectors', kunshan)) as {
      badge: string
      capacity: number
      qualifications: string[]
      conflicts: { uscc: string }[]
    }[]
    expect(after.find((i) => i.badge === 'KI0001')).toMatchObject({
      capacity: 4,
      qualifications: ['law-enforcement', 'patent'],
      conflicts: [{ uscc: uscc(1) }],
    })
    expect(after.find((i) => i.badge === 'KS0000')?.capacity).toBe(5)
    // English headers; another district's officer may not import into Kunshan.
    const gusuProblem = await upload(
      '/api/inspections/inspectors/import',
      gusu,
      'inspectors.csv',
      csv(
        [['KI0002', 'Someone', 'samr-kunshan', 'kunshan', '', '3', '']],
        'badge,name,agency,district,qualifications,capacity,conflicts',
      ),
      400,
    )
    expect(gusuProblem.errors[0]).toMatchObject({ path: 'rows.2.district', code: 'outOfScope' })
  })

  it('a designated observer account commits and reveals in person; staff can neither skip nor stand in', async () => {
    const prosecutor = await t.login('prosecutor')
    const task = await newTask()
    const observers = await api('POST', `/api/inspections/tasks/${task.id}/observers`, kunshan, {
      username: 'prosecutor',
    })
    expect(observers).toEqual([expect.objectContaining({ committed: false })])
    const name = observers[0].name as string
    await api('POST', `/api/inspections/tasks/${task.id}/observers`, kunshan, { username: 'nobody' }, 400)
    // Another user is not an observer of this task; the observer sees the duty, to commit first.
    const stranger = await t.request({
      method: 'POST',
      url: `/api/inspections/observer-duties/${task.id}/commitment`,
      as: gusu,
      payload: { commitment: observerCommitment(OBSERVER.value) },
    })
    expect(stranger.json().code).toBe('inspection_observer_not_designated')
    expect(await api('GET', '/api/inspections/observer-duties', prosecutor)).toEqual([
      expect.objectContaining({ taskId: task.id, next: 'commit', commitment: null }),
    ])
    // The draw cannot be committed before every designated observer has committed.
    const early = await t.request({
      method: 'POST',
      url: `/api/inspections/tasks/${task.id}/draw`,
      as: kunshan,
      payload: { drandRound: round(), observers: [] },
    })
    expect(early.json().code).toBe('inspection_observer_not_committed')
    expect(early.json().detail.observers).toEqual([name])
    const secret = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
    await api('POST', `/api/inspections/observer-duties/${task.id}/commitment`, prosecutor, {
      commitment: observerCommitment(secret),
    })
    const draw = (await api(
      'POST',
      `/api/inspections/tasks/${task.id}/draw`,
      kunshan,
      { drandRound: round(), observers: [] },
      201,
    )) as InspectionDraw
    expect(draw.observers).toEqual([{ name, commitment: observerCommitment(secret), revealed: false }])
    // After the commit, the commitment is fixed; staff may not enter the observer's value.
    const late = await t.request({
      method: 'POST',
      url: `/api/inspections/observer-duties/${task.id}/commitment`,
      as: prosecutor,
      payload: { commitment: observerCommitment(OBSERVER.value) },
    })
    expect(late.json().code).toBe('inspection_task_not_draft')
    const byStaff = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${draw.id}/reveals`,
      as: kunshan,
      payload: { observer: name, value: secret },
    })
    expect(byStaff.json().code).toBe('inspection_reveal_by_observer_only')
    const wrong = await t.request({
      method: 'POST',
      url: `/api/inspections/observer-duties/draws/${draw.id}/reveal`,
      as: prosecutor,
      payload: { value: 'ff'.repeat(16) },
    })
    expect(wrong.json().code).toBe('inspection_reveal_mismatch')
    const duty = await api('POST', `/api/inspections/observer-duties/draws/${draw.id}/reveal`, prosecutor, {
      value: secret,
    })
    expect(duty).toMatchObject({ revealed: true, next: 'done', drawStatus: 'committed' })
    const drawn = await api('POST', `/api/inspections/draws/${draw.id}/run`, kunshan, {
      drand: { round: draw.drandRound, randomness: RANDOMNESS },
    })
    expect(drawn.status).toBe('drawn')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['inspection.observer.commit', 'inspection.draw.reveal'])
      .execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)
  })

  it('commits, reveals, draws and publishes through the API; the record reproduces and names the commitment', async () => {
    const task = await newTask()
    const committed = (await commit(task)) as InspectionDraw
    expect(committed.status).toBe('committed')
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/)
    // The record is not public before the draw is published.
    expect(
      (await t.request({ method: 'GET', url: `/api/inspections/draws/${committed.id}/record` })).statusCode,
    ).toBe(404)
    // A wrong reveal is refused and changes nothing.
    const wrong = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${committed.id}/reveals`,
      as: kunshan,
      payload: { observer: OBSERVER.name, value: 'ff'.repeat(16) },
    })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().code).toBe('inspection_reveal_mismatch')
    // Running before the observer revealed: a clear error, nothing drawn.
    const early = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${committed.id}/run`,
      as: kunshan,
      payload: { drand: { round: committed.drandRound, randomness: RANDOMNESS } },
    })
    expect(early.json().code).toBe('inspection_reveal_missing')
    await api('POST', `/api/inspections/draws/${committed.id}/reveals`, kunshan, {
      observer: OBSERVER.name,
      value: OBSERVER.value,
    })
    const mismatch = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${committed.id}/run`,
      as: kunshan,
      payload: { drand: { round: committed.drandRound! + 1, randomness: RANDOMNESS } },
    })
    expect(mismatch.json().code).toBe('inspection_drand_round_mismatch')
    // A signature that is not drand's for this round is refused.
    const forged = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${committed.id}/run`,
      as: kunshan,
      payload: { drand: { round: committed.drandRound, randomness: RANDOMNESS, signature: 'ab'.repeat(48) } },
    })
    expect(forged.json().code).toBe('inspection_drand_signature_invalid')
    const drawn = await api('POST', `/api/inspections/draws/${committed.id}/run`, kunshan, {
      drand: { round: committed.drandRound, randomness: RANDOMNESS },
    })
    expect(drawn.status).toBe('drawn')
    expect(drawn.targetCount).toBe(2 + 3) // ceil(0.2 × 10) in A, 3 in B
    await api('POST', `/api/inspections/draws/${committed.id}/publish`, kunshan)
    const record = (await api(
      'GET',
      `/api/inspections/draws/${committed.id}/record`,
      undefined,
    )) as DrawRecord
    expect(DrawRecordSchema.parse(record)).toBeTruthy()
    expect(record.commitment).toBe(committed.commitment)
    expect(verifyDrawRecord(record)).toEqual({ ok: true })
    expect(record.result.targets.every((x) => x.inspectors.length === 2)).toBe(true)
    // The commitment was appended to the evidence log when it was made; the record names the entry.
    expect(record.log).toMatchObject({
      kind: 'evidence-statement',
      receipt: `/api/evidence/statements/${record.log!.entryId}/receipt`,
    })
    expect(record.log!.receivedAt).toBe(committed.committedAt)
    await integratePending(t.deps.db, { keys: loadLogKeys(t.deps.config) })
    const receipt = await api('GET', record.log!.receipt, undefined)
    const entry = JSON.parse(Buffer.from(receipt.entry, 'base64').toString('utf8'))
    expect(entry).toMatchObject({
      kind: 'inspection-commitment',
      digest: record.commitment,
      ref: committed.id,
    })
    // A record without the log reference (as published before it existed) still verifies.
    const { log: _log, ...older } = record
    expect(verifyDrawRecord(older)).toEqual({ ok: true })
    // Any change to a committed input changes the commitment.
    const changed = structuredClone(record.inputs)
    changed.entities[0]!.attributes.credit = changed.entities[0]!.attributes.credit === 'A' ? 'B' : 'A'
    expect(commitInputs(changed)).not.toBe(record.commitment)
    // A second draw of the same task is refused (no silent re-draws).
    const again = await t.request({
      method: 'POST',
      url: `/api/inspections/tasks/${task.id}/draw`,
      as: kunshan,
      payload: { drandRound: round(), observers: [] },
    })
    expect(again.json().code).toBe('inspection_task_not_draft')
  })

  it('is reproducible from the served record; an entity inspected within 12 months is excluded and its inspectors tied to it', async () => {
    const a = await completeDraw(await newTask({ code: 'KS-REPRO' }))
    const recordA = (await api('GET', `/api/inspections/draws/${a.id}/record`, kunshan)) as DrawRecord
    // Re-running the same committed inputs with the same randomness gives the same record.
    expect(verifyDrawRecord(recordA)).toEqual({ ok: true })
    const { log: _log, ...verified } = recordA
    expect(createDrawRecord(recordA.inputs, recordA.randomness)).toEqual({ ok: true, record: verified })
    // The targets stored for results are the record's, in draw order.
    const stored = (await api('GET', `/api/inspections/draws/${a.id}/targets`, kunshan)) as InspectionTarget[]
    expect(stored.map((x) => [x.uscc, x.inspectors.map((i) => i.badge)])).toEqual(
      recordA.result.targets.map((x) => [x.entity, x.inspectors]),
    )
    // Entering a result excludes that entity from the next draw of the same item.
    const targets = (await api(
      'GET',
      `/api/inspections/draws/${a.id}/targets`,
      kunshan,
    )) as InspectionTarget[]
    await api('POST', `/api/inspections/targets/${targets[0]!.id}/result`, kunshan, { outcome: 'noProblem' })
    const b = await commit(await newTask())
    const inputs = (
      await t.database.db
        .selectFrom('inspection_draws')
        .select('inputs')
        .where('id', '=', b.id)
        .executeTakeFirstOrThrow()
    ).inputs
    const excluded = (JSON.parse(inputs) as DrawRecord['inputs']).entities.filter((e) => e.excluded !== null)
    expect(excluded.map((e) => e.id)).toContain(targets[0]!.uscc)
    expect(excluded.every((e) => e.excluded === 'inspectedWithin12Months')).toBe(true)
    // Its inspectors are tied to it (rotation), so they would not be sent to it again.
    const ties = (JSON.parse(inputs) as DrawRecord['inputs']).ties
    expect(
      ties
        .filter((x) => x.entity === targets[0]!.uscc)
        .map((x) => x.inspector)
        .sort(),
    ).toEqual(targets[0]!.inspectors.map((i) => i.badge).sort())
    expect(ties.every((x) => x.kind === 'previousInspector')).toBe(true)
  })

  it('refuses impossible draws with a clear error and stores nothing', async () => {
    const before = await countDraws()
    // Empty population: no entity in that category.
    const empty = await newTask({
      population: {
        districts: [],
        categories: ['不存在的行业'],
        creditLevels: [],
        keyEnterprisesOnly: false,
      },
    })
    const r1 = await t.request({
      method: 'POST',
      url: `/api/inspections/tasks/${empty.id}/draw`,
      as: kunshan,
      payload: { drandRound: round(), observers: [] },
      headers: { 'accept-language': 'en' },
    })
    expect(r1.statusCode).toBe(422)
    expect(r1.json()).toMatchObject({
      code: 'inspection_draw_empty_population',
      title: expect.stringContaining('no eligible entity'),
    })
    // Too few inspectors: three per target, but only the agency's roster of one district.
    const few = await newTask({ agencyIds: [orgs.get('samr-wujiang')] })
    const r2 = await t.request({
      method: 'POST',
      url: `/api/inspections/tasks/${few.id}/draw`,
      as: kunshan,
      payload: { drandRound: round(), observers: [] },
    })
    expect(r2.json().code).toBe('inspection_draw_insufficient_inspectors')
    expect(r2.json().title).toContain('检查人员不足')
    expect(await countDraws()).toBe(before)
    const status = await api('GET', `/api/inspections/tasks/${few.id}`, kunshan)
    expect(status.status).toBe('draft')
  })

  it('a conflict that leaves a drawn target with too few inspectors fails the run: no targets, no record', async () => {
    // One entity, drawn with certainty; six inspectors, five of them conflicted with it.
    const lone = uscc(200)
    await upload(
      '/api/inspections/directory/import',
      kunshan,
      'lone.csv',
      csv([[lone, '孤例企业', 'kunshan', '孤例', 'C', '否']]),
    )
    const inspectors = (await api('GET', '/api/inspections/inspectors', kunshan)) as {
      id: string
      badge: string
    }[]
    for (const r of inspectors.filter((x) => x.badge.startsWith('KS')).slice(0, 5))
      await api('POST', `/api/inspections/inspectors/${r.id}/conflicts`, kunshan, {
        uscc: lone,
        reason: '亲属关系',
      })
    const task = await newTask({
      population: { districts: [], categories: ['孤例'], creditLevels: [], keyEnterprisesOnly: false },
      strata: [{ stratum: 'C', count: 1 }],
    })
    const draw = (await commit(task)) as InspectionDraw
    await api('POST', `/api/inspections/draws/${draw.id}/reveals`, kunshan, {
      observer: OBSERVER.name,
      value: OBSERVER.value,
    })
    const run = await t.request({
      method: 'POST',
      url: `/api/inspections/draws/${draw.id}/run`,
      as: kunshan,
      payload: { drand: { round: draw.drandRound, randomness: RANDOMNESS } },
    })
    expect(run.statusCode).toBe(422)
    expect(run.json()).toMatchObject({
      code: 'inspection_draw_target_unassignable',
      detail: { reason: 'targetUnassignable' },
    })
    const row = await t.database.db
      .selectFrom('inspection_draws')
      .selectAll()
      .where('id', '=', draw.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('committed')
    expect(row.record).toBeNull()
    // The failed attempt is visible in the audit trail.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'inspection.draw.runFailed')
      .where('target_id', '=', draw.id)
      .execute()
    expect(audit).toHaveLength(1)
    // The operator abandons the draw: it stays, public, with its reason; the task cannot be drawn again.
    const aborted = await api('POST', `/api/inspections/draws/${draw.id}/abort`, kunshan, {
      reason: '被抽中对象因回避无足够检查人员',
    })
    expect(aborted).toMatchObject({
      status: 'aborted',
      published: true,
      abortReason: '被抽中对象因回避无足够检查人员',
    })
    const publicDraws = await api('GET', '/api/inspections/draws?pageSize=200', undefined)
    expect(publicDraws.items.find((x: InspectionDraw) => x.id === draw.id)).toMatchObject({
      status: 'aborted',
    })
    expect(
      (await t.request({ method: 'GET', url: `/api/inspections/draws/${draw.id}/record` })).statusCode,
    ).toBe(404)
    expect((await api('GET', `/api/inspections/tasks/${task.id}`, kunshan)).status).toBe('aborted')
    const targets = await t.database.db
      .selectFrom('inspection_targets')
      .select('id')
      .where('draw_id', '=', draw.id)
      .execute()
    expect(targets).toHaveLength(0)
  })

  it('a problem found opens a penalty case in the entity’s matter, with the 90-day decision and 5-day statement clocks', async () => {
    const draw = await completeDraw(await newTask())
    const [first, second] = (await api(
      'GET',
      `/api/inspections/draws/${draw.id}/targets`,
      kunshan,
    )) as InspectionTarget[]
    // An earlier matter about the entity: the penalty case joins it.
    await t.database.db
      .insertInto('matters')
      .values({
        id: `m-${first!.id}`,
        number: 'SZ-2026-990001',
        title: '既有事项',
        district_id: first!.districtId,
        owner_entity_id: null,
        owner_user_id: null,
        respondent_uscc: first!.uscc,
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      })
      .execute()
    await api('POST', `/api/inspections/targets/${second!.id}/result`, kunshan, {
      outcome: 'noProblem',
      evidenceRefs: [],
    })
    const none = await t.request({
      method: 'POST',
      url: `/api/inspections/targets/${second!.id}/penalty-case`,
      as: kunshan,
    })
    expect(none.json().code).toBe('inspection_penalty_no_problem')
    await api('POST', `/api/inspections/targets/${first!.id}/result`, kunshan, {
      outcome: 'problemFound',
      notes: '商标使用不规范',
      evidenceRefs: [],
    })
    const opened = await api(
      'POST',
      `/api/inspections/targets/${first!.id}/penalty-case`,
      kunshan,
      undefined,
      201,
    )
    expect(opened.matterNumber).toBe('SZ-2026-990001')
    expect(opened.number).toMatch(/^CF-2026-/)
    expect(opened.target).toMatchObject({ penaltyCaseId: opened.caseId, penaltyCaseNumber: opened.number })
    const twice = await t.request({
      method: 'POST',
      url: `/api/inspections/targets/${first!.id}/penalty-case`,
      as: kunshan,
    })
    expect(twice.json().code).toBe('inspection_penalty_exists')
    let c = await api('GET', `/api/cases/${opened.caseId}`, kunshan)
    expect(c).toMatchObject({ type: 'penalty', state: 'filed' })
    expect(c.data.source).toMatchObject({ kind: 'inspectionResult', targetId: first!.id })
    // 立案 2026-05-06: the decision is due 90 calendar days later (rules.md 5.18).
    expect(c.clocks).toEqual([
      expect.objectContaining({ ruleId: '5.18', status: 'running', dueDate: '2026-08-04' }),
    ])
    const step = async (transition: string, input: object = {}) => {
      c = await api('POST', `/api/cases/${opened.caseId}/transitions/${transition}`, kunshan, {
        input,
        version: c.version,
      })
      return c
    }
    await step('investigate')
    // Deciding before the notice and the statement window is not offered.
    const tooEarly = await t.request({
      method: 'POST',
      url: `/api/cases/${opened.caseId}/transitions/decide`,
      as: kunshan,
      payload: { input: { outcome: 'penalty', decision: '罚款' }, version: c.version },
    })
    expect(tooEarly.statusCode).toBeGreaterThanOrEqual(400)
    await step('notify', {
      facts: '未规范使用注册商标',
      proposedPenalty: '警告',
      legalBasis: '《商标法》第49条',
    })
    const window = c.clocks.find((k: { ruleId: string }) => k.ruleId === '5.22')
    expect(window).toMatchObject({ status: 'running', unverified: false })
    await step('requestHearing')
    expect(c.clocks.find((k: { ruleId: string }) => k.ruleId === '5.18').status).toBe('suspended')
    await step('holdHearing')
    await step('decide', { outcome: 'penalty', decision: '警告' })
    expect(c.clocks.find((k: { ruleId: string }) => k.ruleId === '5.18').status).toBe('met')
    await step('close')
    expect(c.state).toBe('closed')
    // The public sees the published result, not the penalty case.
    await api('POST', `/api/inspections/draws/${draw.id}/publish`, kunshan)
    const publicTargets = (await api(
      'GET',
      `/api/inspections/draws/${draw.id}/targets`,
      undefined,
    )) as InspectionTarget[]
    expect(publicTargets.every((x) => x.penaltyCaseId === null && x.penaltyCaseNumber === null)).toBe(true)
  })

  it('sets the publication deadline 20 working days after the result on the holiday calendar, reviews and publishes', async () => {
    const draw = await completeDraw(await newTask({ itemIds: [items.get('ks-patent')!] }))
    await api('POST', `/api/inspections/draws/${draw.id}/publish`, kunshan)
    const [first, second] = (await api(
      'GET',
      `/api/inspections/draws/${draw.id}/targets`,
      kunshan,
    )) as InspectionTarget[]
    // 2026-09-25 + 20 working days crosses the National Day holiday (rules.md §10).
    const entered = await api('POST', `/api/inspections/targets/${first!.id}/result`, kunshan, {
      outcome: 'problemFound',
      notes: '未按规定标注专利标识',
      evidenceRefs: ['现场照片 3 张'],
      resultOn: '2026-09-25',
    })
    expect(entered.publishDue).toBe(
      new WorkingDayCalendar(STATE_COUNCIL_SCHEDULES).addWorkingDays('2026-09-25', 20),
    )
    expect(entered.publishDue).toBe('2026-10-29')
    expect(entered.reviewStatus).toBe('pending')
    const early = await t.request({
      method: 'POST',
      url: `/api/inspections/targets/${first!.id}/publish`,
      as: kunshan,
    })
    expect(early.json().code).toBe('inspection_publish_not_ready')
    const self = await t.request({
      method: 'POST',
      url: `/api/inspections/targets/${first!.id}/review`,
      as: kunshan,
      payload: { approved: true },
    })
    expect(self.json().code).toBe('inspection_review_self')
    await api('POST', `/api/inspections/targets/${first!.id}/review`, city, { approved: true })
    const published = await api('POST', `/api/inspections/targets/${first!.id}/publish`, kunshan)
    expect(published).toMatchObject({
      published: true,
      enteredBy: '周执法（昆山）',
      reviewedBy: '张执法',
      publishedBy: '周执法（昆山）',
    })
    // A published result can no longer change.
    const change = await t.request({
      method: 'POST',
      url: `/api/inspections/targets/${first!.id}/result`,
      as: kunshan,
      payload: { outcome: 'noProblem' },
    })
    expect(change.json().code).toBe('inspection_result_published')
    await api('POST', `/api/inspections/targets/${second!.id}/result`, kunshan, {
      outcome: 'noProblem',
      resultOn: '2026-04-01',
    })
    const stats = await api('GET', `/api/inspections/stats?planId=${plan.id}`, kunshan)
    expect(stats.byItem.find((x: { itemId: string }) => x.itemId === 'ks-patent')).toMatchObject({
      problems: 1,
    })
    expect(stats.publication.publishedOnTime).toBeGreaterThanOrEqual(1)
    expect(stats.publication.overdue).toBeGreaterThanOrEqual(1) // 2026-04-01 + 20 WD passed before 2026-05-06
    expect(stats.strata.length).toBeGreaterThan(0)
  })

  it('keeps each district to its own tasks; the public sees only published draws', async () => {
    const tasks = await api('GET', '/api/inspections/tasks?pageSize=200', kunshan)
    expect(tasks.items.length).toBeGreaterThan(0)
    const gusuTasks = await api('GET', '/api/inspections/tasks?pageSize=200', gusu)
    expect(gusuTasks.items.some((x: InspectionTask) => x.code.startsWith('KS-'))).toBe(false)
    const one = tasks.items[0] as InspectionTask
    expect(
      (await t.request({ method: 'GET', url: `/api/inspections/tasks/${one.id}`, as: gusu })).statusCode,
    ).toBe(404)
    const write = await t.request({
      method: 'POST',
      url: `/api/inspections/plans/${plan.id}/tasks`,
      as: gusu,
      payload: {
        code: 'X',
        title: 'x',
        itemIds: ['x'],
        stratifyBy: ['credit'],
        strata: [{ stratum: 'A', count: 1 }],
        agencyIds: ['x'],
        periodStart: '2026-01-01',
        periodEnd: '2026-02-01',
      },
    })
    expect(write.statusCode).toBe(404)
    const publicList = await api('GET', '/api/inspections/draws?pageSize=200', undefined)
    expect(publicList.items.every((d: InspectionDraw) => d.published)).toBe(true)
    const staffList = await api('GET', '/api/inspections/draws?pageSize=200', kunshan)
    expect(staffList.items.some((d: InspectionDraw) => !d.published)).toBe(true)
    expect((await t.request({ method: 'GET', url: '/api/inspections/tasks' })).statusCode).toBe(401)
    expect((await t.request({ method: 'POST', url: `/api/inspections/plans`, payload: {} })).statusCode).toBe(
      401,
    )
  })
})
