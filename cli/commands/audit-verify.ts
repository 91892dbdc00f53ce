import { verifyAuditChain } from '../../server/kernel/audit.ts'
import { parseOptions } from '../args.ts'
import { withDatabase } from '../database.ts'
import { type CliCommand, EXIT } from '../registry.ts'

const problems = {
  hash: 'the record does not match its hash (edited)',
  link: 'the record does not link to the previous one (edited or replaced)',
  gap: 'a record is missing (deleted)',
  head: 'the chain does not end at the recorded head (last records deleted or head edited)',
} as const

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  usage: 'zhibao audit verify',
  summary: 'Verify the audit hash chain; exit code 0 when intact, 1 when broken',
  async run({ args, config, out, err }) {
    parseOptions(args, {})
    const result = await withDatabase(config(), (database) => verifyAuditChain(database.db))
    if (result.ok) {
      out(`audit chain ok: ${result.rows} record(s), head ${result.headHash}`)
      return EXIT.ok
    }
    err(`audit chain broken at seq ${result.seq}: ${result.problem} — ${problems[result.problem]}`)
    err(`${result.rows} record(s) before it verified`)
    return EXIT.failed
  },
}
