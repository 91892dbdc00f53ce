import type { Config } from '../server/kernel/config.ts'

/** What a command receives: its arguments (after the command words) and a lazily loaded config. */
export interface CommandInput {
  args: string[]
  /** The configuration from the environment (same variables as the server); throws ConfigError. */
  config(): Config
  out(line: string): void
  err(line: string): void
}

/**
 * One CLI command: `name` may be two words ("audit verify"). `run` returns the exit code.
 * Adding a command is one file in cli/commands/ and one line in cli/commands/index.ts.
 */
export interface CliCommand {
  name: string
  usage: string
  summary: string
  run(input: CommandInput): Promise<number>
}

/** Thrown for a bad command line; main prints it with the command's usage and exits 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const
