/** Test-only barrel: the public API plus a UTF-8 helper. Imports through index.ts on purpose. */

export { utf8 as utf8Bytes } from './bytes.ts'
export * from './index.ts'
