import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult, Selectable } from 'kysely'
import type { Database } from '../../database.ts'

type Executor = Kysely<Database>

/** A marker a placeholder carries, so that it is found among the compiled statement's parameters. */
const MARK = '\u0000zhibao-parameter:'

interface Template {
  query: CompiledQuery
  /** Per compiled parameter: the name of the value to bind, or null for a constant of the statement. */
  names: (string | null)[]
  constants: unknown[]
}

function compileTemplate(build: (p: Record<string, unknown>) => Compilable<unknown>): Template {
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
  ) as Record<string, unknown>
  const query = build(placeholders).compile()
  const names = query.parameters.map((v) =>
    typeof v === 'string' && v.startsWith(MARK) ? v.slice(MARK.length) : null,
  )
  const unbound = [...used].filter((key) => !names.includes(key))
  if (unbound.length || query.sql.includes(MARK)) {
    throw new Error(`prepared statement: ${unbound.join(', ') || 'a placeholder'} is not a plain parameter`)
  }
  return { query, names, constants: [...query.parameters] }
}

// Keyed by the Kysely instance's adapter, which its transactions share: templates per database
// (tests open many) and thereby per dialect.
function templateOf(
  cache: WeakMap<object, Map<string, Template>>,
  db: Executor,
  key: string,
  build: (p: Record<string, unknown>) => Compilable<unknown>,
): Template {
  const executor = db.getExecutor()
  // A plugin (withSchema, …) changes the compiled text: such an instance compiles every time.
  if (executor.plugins.length) return compileTemplate(build)
  const adapter = executor.adapter
  let byKey = cache.get(adapter)
  if (!byKey) {
    byKey = new Map()
    cache.set(adapter, byKey)
  }
  let template = byKey.get(key)
  if (!template) {
    template = compileTemplate(build)
    byKey.set(key, template)
  }
  return template
}

function run<R>(db: Executor, template: Template, parameters: unknown[]): Promise<QueryResult<R>> {
  return db.executeQuery<R>({ ...template.query, parameters } as CompiledQuery<R>)
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
  const templates = new WeakMap<object, Map<string, Template>>()
  return async (db: Executor, values: P, shape = ''): Promise<QueryResult<R>> => {
    const template = templateOf(templates, db, shape, (p) => build(db, p as P, shape))
    const { names, constants } = template
    const parameters = new Array(names.length)
    for (let i = 0; i < names.length; i++) {
      const name = names[i] ?? null
      parameters[i] = name === null ? constants[i] : ((values as Record<string, unknown>)[name] ?? null)
    }
    return run<R>(db, template, parameters)
  }
}

const insertTemplates = new WeakMap<object, Map<string, Template>>()
/** Per insert template: the row and column of each parameter (-1: a constant). */
const insertSlots = new WeakMap<Template, { rows: number[]; columns: string[] }>()

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
  const returning = options.returning ?? []
  const conflictColumn = options.ignoreConflictOn
  const key = `${table}|${columns.join(',')}|${rows.length}|${returning.join(',')}|${conflictColumn ?? ''}`
  const template = templateOf(insertTemplates, db, key, (p) => {
    let query = db
      .insertInto(table)
      .values(
        Array.from({ length: rows.length }, (_, i) =>
          Object.fromEntries(columns.map((c) => [c, p[`${i}.${c}`]])),
        ) as never,
      )
    if (conflictColumn) query = query.onConflict((oc) => oc.column(conflictColumn as never).doNothing())
    return returning.length ? query.returning(returning as never) : query
  })
  let slots = insertSlots.get(template)
  if (!slots) {
    const at = template.names.map((n) => (n === null ? null : n.split('.')))
    slots = { rows: at.map((a) => (a ? Number(a[0]) : -1)), columns: at.map((a) => (a ? a[1]! : '')) }
    insertSlots.set(template, slots)
  }
  const parameters = new Array(slots.rows.length)
  for (let i = 0; i < parameters.length; i++) {
    const row = slots.rows[i]!
    parameters[i] =
      row < 0 ? template.constants[i] : ((rows[row] as Record<string, unknown>)[slots.columns[i]!] ?? null)
  }
  const result = await run<Pick<Selectable<Database[T]>, K>>(db, template, parameters)
  return result.rows as Pick<Selectable<Database[T]>, K>[]
}
