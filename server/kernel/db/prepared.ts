import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult, Selectable } from 'kysely'
import type { Database } from '../../database.ts'

type Executor = Kysely<Database>

/** A marker a placeholder carries, so that it is found among the compiled statement's parameters. */
const MARK = '\u0000zhibao-parameter:'

interface Template {
  query: CompiledQuery
  /** Per compiled parameter: the name of the value to bind, or a constant of the statement. */
  slots: ({ name: string } | { constant: unknown })[]
}

function compileTemplate<P>(
  db: Executor,
  build: (db: Executor, p: P, shape: string) => Compilable<unknown>,
  shape: string,
): Template {
  const used = new Set<string>()
  const placeholders = new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== 'string') return undefined
        used.add(key)
        return MARK + key
      },
      ownKeys() {
        throw new Error('prepared statement: name each placeholder, do not spread them')
      },
    },
  ) as P
  const query = build(db, placeholders, shape).compile()
  const slots = query.parameters.map((v) =>
    typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { constant: v },
  )
  const bound = new Set(slots.flatMap((s) => ('name' in s ? [s.name] : [])))
  const unbound = [...used].filter((key) => !bound.has(key))
  if (unbound.length || query.sql.includes(MARK)) {
    throw new Error(`prepared statement: ${unbound.join(', ') || 'a placeholder'} is not a plain parameter`)
  }
  return { query, slots }
}

/**
 * A statement that Kysely builds and compiles once per database and shape, then runs with fresh
 * values: for the hottest writes (a complaint intake runs about 15 statements), where building and
 * compiling cost more than SQLite's own work (perf-limits.md §a, bench/results/cases.md). `build`
 * gets placeholders by name and may use them only where a value goes (no identifiers, no
 * `sql.lit`); `shape` tells statements of different text apart (e.g. a row count).
 * @example
 * const bump = preparedStatement((db, p: { id: string }) => db.updateTable('t').set({ n: 1 }).where('id', '=', p.id))
 * await bump(trx, { id })
 */
export function preparedStatement<P extends object, R = unknown>(
  build: (db: Executor, p: P, shape: string) => Compilable<R>,
) {
  // Keyed by the Kysely instance's adapter, which its transactions share: one template per
  // database (tests open many) and thereby per dialect.
  const templates = new WeakMap<object, Map<string, Template>>()
  return async (db: Executor, values: P, shape = ''): Promise<QueryResult<R>> => {
    const adapter = db.getExecutor().adapter
    let byShape = templates.get(adapter)
    if (!byShape) {
      byShape = new Map()
      templates.set(adapter, byShape)
    }
    let template = byShape.get(shape)
    if (!template) {
      template = compileTemplate(
        db,
        build as (db: Executor, p: P, shape: string) => Compilable<unknown>,
        shape,
      )
      byShape.set(shape, template)
    }
    const parameters = template.slots.map((s) =>
      'name' in s ? ((values as Record<string, unknown>)[s.name] ?? null) : s.constant,
    )
    return db.executeQuery<R>({ ...template.query, parameters } as CompiledQuery<R>)
  }
}

interface InsertShape {
  table: keyof Database & string
  columns: string[]
  rows: number
  returning: string[]
  ignoreConflictOn: string | null
}

const insert = preparedStatement((db, p: Record<string, unknown>, shape) => {
  const s = JSON.parse(shape) as InsertShape
  const rows = Array.from({ length: s.rows }, (_, i) =>
    Object.fromEntries(s.columns.map((c) => [c, p[`${i}.${c}`]])),
  )
  let query = db.insertInto(s.table).values(rows as never)
  const conflictColumn = s.ignoreConflictOn
  if (conflictColumn) query = query.onConflict((oc) => oc.column(conflictColumn as never).doNothing())
  return s.returning.length ? query.returning(s.returning as never) : query
})

/** Statements of more rows are built as usual: imports, seldom repeated with the same count. */
const MAX_PREPARED_ROWS = 10

/**
 * Inserts rows (all with the same columns, in the same order) with a statement compiled once per
 * table, columns and row count; what `db.insertInto(table).values(rows)` does, for hot paths.
 * @example await insertRows(trx, 'case_submissions', [{ case_id, created_at, … }])
 */
export async function insertRows<
  T extends keyof Database & string,
  K extends keyof Selectable<Database[T]> & string = never,
>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: { returning?: readonly K[]; ignoreConflictOn?: keyof Database[T] & string } = {},
): Promise<Pick<Selectable<Database[T]>, K>[]> {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0]!).filter((c) => (rows[0] as Record<string, unknown>)[c] !== undefined)
  if (rows.length > MAX_PREPARED_ROWS) {
    let query = db.insertInto(table).values(rows as never)
    const conflictColumn = options.ignoreConflictOn
    if (conflictColumn) query = query.onConflict((oc) => oc.column(conflictColumn as never).doNothing())
    if (options.returning?.length)
      return (await query.returning(options.returning as never).execute()) as never
    await query.execute()
    return []
  }
  const values: Record<string, unknown> = {}
  rows.forEach((row, i) => {
    for (const c of columns) values[`${i}.${c}`] = (row as Record<string, unknown>)[c]
  })
  const shape: InsertShape = {
    table,
    columns,
    rows: rows.length,
    returning: [...(options.returning ?? [])],
    ignoreConflictOn: options.ignoreConflictOn ?? null,
  }
  const result = await insert(db, values, JSON.stringify(shape))
  return result.rows as Pick<Selectable<Database[T]>, K>[]
}
