import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'

const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

// ESCAPE is spelled out: SQLite has no default escape character, and PostgreSQL's default
// backslash must not depend on standard_conforming_strings.
const like = (target: RawBuilder<unknown>, pattern: string) =>
  sql<SqlBool>`${target} like ${pattern} escape ${'\\'}` as Expression<SqlBool>

/**
 * `column` contains `text` literally: a % or _ typed by a user is not a wildcard. With `ignoreCase`,
 * both sides are lower-cased, so SQLite (whose LIKE ignores ASCII case) and PostgreSQL agree.
 */
export function containsText(column: string, text: string, options?: { ignoreCase?: boolean }) {
  return options?.ignoreCase
    ? like(sql`lower(${sql.ref(column)})`, `%${literal(text.toLowerCase())}%`)
    : like(sql.ref(column), `%${literal(text)}%`)
}

/** `column` starts with `text` literally. */
export const startsWithText = (column: string, text: string) => like(sql.ref(column), `${literal(text)}%`)
