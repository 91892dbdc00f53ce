import { pathToFileURL } from 'node:url'
import { ConfigError, loadConfig } from '../server/kernel/config.ts'
import { commands } from './commands/index.ts'
import { type CliCommand, type CommandInput, EXIT, UsageError } from './registry.ts'

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help'.length)
  return [
    'ZhiBao (知保) administration',
    '',
    'Usage: zhibao <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show this list, or a command's usage: zhibao help <command>`,
    '',
    'Configuration comes from the environment, as for the server (DATA_DIR, DATABASE_URL, NODE_ENV, …).',
  ].join('\n')
}

/** The command whose (one- or two-word) name starts `argv`, with the remaining arguments. */
function resolve(argv: string[]): { command: CliCommand; args: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ')
    const command = commands.find((c) => c.name === name)
    if (command && argv.length >= words) return { command, args: argv.slice(words) }
  }
  return undefined
}

/**
 * Runs `zhibao <argv…>` and returns the exit code; never calls process.exit, so tests can call it.
 * @example process.exitCode = await main(['audit', 'verify'])
 */
export async function main(
  argv: string[],
  io: Pick<CommandInput, 'out' | 'err'> = { out: console.log, err: console.error },
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    const topic = argv[0] === 'help' && argv.length > 1 ? resolve(argv.slice(1)) : undefined
    io.out(topic ? `Usage: ${topic.command.usage}\n\n${topic.command.summary}` : helpText())
    return EXIT.ok
  }
  const found = resolve(argv)
  if (!found) {
    io.err(`zhibao: unknown command "${argv.join(' ')}"\n\n${helpText()}`)
    return EXIT.usage
  }
  let config: ReturnType<typeof loadConfig> | undefined
  try {
    return await found.command.run({
      args: found.args,
      config: () => {
        config ??= loadConfig(env)
        return config
      },
      ...io,
    })
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`zhibao ${found.command.name}: ${error.message}\nUsage: ${found.command.usage}`)
      return EXIT.usage
    }
    if (error instanceof ConfigError) {
      io.err(error.message)
      return EXIT.config
    }
    io.err(`zhibao ${found.command.name} failed: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}

// Run when executed directly (`npx tsx cli/main.ts …`); bin/zhibao.mjs imports the bundle and calls main.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
