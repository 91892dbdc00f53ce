import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../testing/harness.ts'
import type { DatabaseHandle } from './connection.ts'
import { insertRows, preparedStatement } from './prepared.ts'

const job = (id: string, dedupeKey: string | null, payload = '{}') => ({
  id,
  kind: 'test.prepared',
  dedupe_key: dedupeKey,
  payload,
  run_at: '2026-01-05T00:00:00.000Z',
  status: 'pending' as const,
  attempts: 0,
  locked_by: null,
  locked_until: null,
  last_error: null,
  created_at: '2026-01-05T00:00:00.000Z',
  finished_at: null,
})

describe('statements compiled once', () => {
  let database: DatabaseHandle
  const db = () => database.db
  const jobs = () =>
    db()
      .selectFrom('jobs')
      .select(['id', 'dedupe_key', 'payload'])
      .where('kind', '=', 'test.prepared')
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.close())

  it('insert each call’s own rows, skip conflicts when asked, return columns, and take many rows too', async () => {
    await insertRows(db(), 'jobs', [job('a1', 'k1', '{"n":1}')])
    await insertRows(db(), 'jobs', [job('a2', 'k2', '{"n":2}'), job('a3', null)])
    await db()
      .transaction()
      .execute((trx) =>
        insertRows(trx, 'jobs', [job('a4', 'k1'), job('a5', 'k5')], { ignoreConflictOn: 'dedupe_key' }),
      )
    await expect(insertRows(db(), 'jobs', [job('a6', 'k2')])).rejects.toThrow()
    const many = Array.from({ length: 25 }, (_, i) => job(`b${String(i).padStart(2, '0')}`, `m${i}`))
    await insertRows(db(), 'jobs', many, { ignoreConflictOn: 'dedupe_key' })
    expect(await jobs()).toEqual([
      { id: 'a1', dedupe_key: 'k1', payload: '{"n":1}' },
      { id: 'a2', dedupe_key: 'k2', payload: '{"n":2}' },
      { id: 'a3', dedupe_key: null, payload: '{}' },
      { id: 'a5', dedupe_key: 'k5', payload: '{}' },
      ...many.map((j) => ({ id: j.id, dedupe_key: j.dedupe_key, payload: '{}' })),
    ])
    const returned = await insertRows(db(), 'case_counters', [{ type: 'test', year: 2026, last: 7 }], {
      returning: ['type', 'last'],
    })
    expect(returned).toEqual([{ type: 'test', last: 7 }])
  })

  it('bind fresh values by name on every run, in each shape', async () => {
    const bump = preparedStatement((db, p: { type: string; by: number }, shape) =>
      db
        .updateTable('case_counters')
        .set((eb) => ({ last: eb('last', shape === 'down' ? '-' : '+', p.by) }))
        .where('type', '=', p.type)
        .returning('last'),
    )
    expect((await bump(db(), { type: 'test', by: 3 })).rows).toEqual([{ last: 10 }])
    expect((await bump(db(), { type: 'test', by: 5 }, 'down')).rows).toEqual([{ last: 5 }])
    expect((await bump(db(), { type: 'none', by: 1 })).rows).toEqual([])
  })

  it('follow a plugin such as withSchema, which changes the text', async () => {
    const count = preparedStatement((db, p: { kind: string }) =>
      db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', p.kind),
    )
    expect((await count(db(), { kind: 'test.prepared' })).rows).toEqual([{ n: 29 }])
    await expect(count(db().withSchema('no_such_schema'), { kind: 'test.prepared' })).rejects.toThrow()
  })

  it('refuse a placeholder used where no value goes', async () => {
    const asName = preparedStatement((db, p: { column: string }) =>
      db.selectFrom('jobs').select(sql.ref(p.column).as('x')),
    )
    await expect(asName(db(), { column: 'id' })).rejects.toThrow('not a plain parameter')
    const spread = preparedStatement((db, p: { id: string }) =>
      db
        .selectFrom('jobs')
        .select('id')
        .where('id', '=', { ...p }.id),
    )
    await expect(spread(db(), { id: 'a1' })).rejects.toThrow('do not spread')
  })
})
