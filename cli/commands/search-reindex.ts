import { reindexAll } from '../../server/modules/search/index.ts'
import { parseOptions } from '../args.ts'
import { withDatabase } from '../database.ts'
import { type CliCommand, EXIT } from '../registry.ts'

export const searchReindexCommand: CliCommand = {
  name: 'search reindex',
  usage: 'zhibao search reindex',
  summary: 'Rebuild the search index from the registry and the articles (after a dictionary change)',
  async run({ args, config, out }) {
    parseOptions(args, {})
    const counts = await withDatabase(config(), (database) => reindexAll(database.db, new Date()))
    out(
      `search index rebuilt: ${Object.entries(counts)
        .map(([source, n]) => `${n} ${source}(s)`)
        .join(', ')}`,
    )
    return EXIT.ok
  },
}
