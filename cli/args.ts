import { parseArgs } from 'node:util'
import { UsageError } from './registry.ts'

/**
 * Parses `--name value` options (and boolean flags) strictly: an unknown option or a stray
 * positional argument is a usage error, not silently ignored.
 */
export function parseOptions<const T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  options: T,
): { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean } {
  try {
    const { values } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    })
    return values as never
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
