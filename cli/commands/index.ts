import type { CliCommand } from '../registry.ts'
import { auditVerifyCommand } from './audit-verify.ts'
import { consistencyCommand } from './consistency.ts'
import { createUserCommand } from './create-user.ts'
import { migrateCommand } from './migrate.ts'
import { monitorCommand } from './monitor.ts'
import { searchReindexCommand } from './search-reindex.ts'
import { seedCommand } from './seed.ts'
import { verifyCommand } from './verify.ts'
import { verifyDrawCommand } from './verify-draw.ts'

/** Every command of `zhibao`, in the order `zhibao help` lists them; a new command is one line here. */
export const commands: CliCommand[] = [
  migrateCommand,
  seedCommand,
  createUserCommand,
  auditVerifyCommand,
  searchReindexCommand,
  verifyDrawCommand,
  verifyCommand,
  monitorCommand,
  consistencyCommand,
]
