import { permissionsOf } from '../../contracts/access.ts'
import { createUserRequest } from '../../contracts/identity.ts'
import type { Actor } from '../../server/kernel/access.ts'
import { systemClock } from '../../server/kernel/clock.ts'
import { AppError, messageOf } from '../../server/kernel/errors.ts'
import { makeWriteContext } from '../../server/kernel/http/context.ts'
import { createStaffUser } from '../../server/modules/identity/users.service.ts'
import { parseOptions } from '../args.ts'
import { withDatabase } from '../database.ts'
import { type CliCommand, EXIT, UsageError } from '../registry.ts'

/** Who the audit trail names for changes made from the command line. */
export const cliActor: Actor = Object.freeze({
  kind: 'user',
  userId: null,
  username: 'cli',
  displayName: 'ZhiBao CLI',
  roles: ['admin' as const],
  permissions: permissionsOf(['admin']),
  orgId: null,
  districtId: null,
  entityId: null,
})

export const createUserCommand: CliCommand = {
  name: 'create-user',
  usage:
    'zhibao create-user --username <name> --password <secret> --name <display name> --org <org code> --role <role>[,<role>]',
  summary: 'Create an active staff account in an organization (by its code, e.g. center or samr-gusu)',
  async run({ args, config, out, err }) {
    const o = parseOptions(args, {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
    })
    const missing = (['username', 'password', 'name', 'org', 'role'] as const).filter((k) => !o[k])
    if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`)

    return withDatabase(config(), async ({ db }) => {
      const org = await db
        .selectFrom('organizations')
        .select('id')
        .where('code', '=', o.org!)
        .executeTakeFirst()
      if (!org) {
        err(`--org: no organization with code "${o.org}"`)
        return EXIT.failed
      }
      const parsed = createUserRequest.safeParse({
        username: o.username,
        password: o.password,
        displayName: o.name,
        orgId: org.id,
        roles: o.role!.split(',').map((r) => r.trim()),
      })
      if (!parsed.success) {
        const flag = { displayName: 'name', orgId: 'org', roles: 'role' } as Record<string, string>
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '')
          const params = (issue as { params?: { en?: string } }).params
          err(`--${flag[field] ?? field}: ${params?.en ?? issue.message}`)
        }
        return EXIT.failed
      }
      try {
        const user = await db.transaction().execute((trx) => {
          const context = makeWriteContext(trx, cliActor, systemClock.now(), 'en', {
            ip: 'localhost',
            requestId: `cli-${crypto.randomUUID()}`,
          })
          return createStaffUser(context, parsed.data)
        })
        out(
          `created user ${user.username} (${user.id}) in ${user.orgName} with roles ${user.roles.join(', ')}`,
        )
        return EXIT.ok
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        err(
          error.options.errors?.map((e) => `${e.path}: ${e.message}`).join('\n') ??
            messageOf(error.code, 'en'),
        )
        return EXIT.failed
      }
    })
  },
}
