import { migrateToLatest } from '../../server/kernel/db/migrate.ts'
import { migrations } from '../../server/migrations/index.ts'
import { schemaOf } from '../../server/start.ts'
import { parseOptions } from '../args.ts'
import { withDatabase } from '../database.ts'
import { type CliCommand, EXIT } from '../registry.ts'

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'zhibao migrate',
  summary: 'Bring the database schema up to date (loads no data)',
  async run({ args, config, out }) {
    parseOptions(args, {})
    const settings = config()
    const results = await withDatabase(settings, (database) =>
      migrateToLatest(database.db, migrations, schemaOf(settings)),
    )
    for (const r of results) out(`${r.status === 'Success' ? 'applied' : r.status}  ${r.migrationName}`)
    out(results.length ? `${results.length} migration(s) applied` : 'schema already up to date')
    return EXIT.ok
  },
}
