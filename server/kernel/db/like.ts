import { type Expression, type SqlBool, sql } from 'kysely'

const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

// ESCAPE is spelled out: SQLite has no default escape character, and PostgreSQL's default
// backslash must not depend on standard_conforming_strings.
const like = (column: string, pattern: string) =>
  sql<SqlBool>`${sql.ref(column)} like ${pattern} escape ${'\\'}` as Expression<SqlBool>

/** `column` contains `text` literally: a % or _ typed by a user is not a wildcard. */
export const containsText = (column: string, text: string) => like(column, `%${literal(text)}%`)

/** `column` starts with `text` literally. */
export const startsWithText = (column: string, text: string) => like(column, `${literal(text)}%`)
