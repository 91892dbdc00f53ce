import { prepareDatabase } from '../../server/start.ts'
import { parseOptions } from '../args.ts'
import { type CliCommand, EXIT } from '../registry.ts'

export const seedCommand: CliCommand = {
  name: 'seed',
  usage: 'zhibao seed [--no-demo]',
  summary: 'Migrate, then load reference data and (unless --no-demo or production) the demo data',
  async run({ args, config, out }) {
    const options = parseOptions(args, { demo: { type: 'boolean' } })
    const base = config()
    // --no-demo only ever narrows: loadConfig already refuses demo data in production.
    const demoData = base.demoData && options.demo !== false
    const database = await prepareDatabase({ ...base, demoData })
    await database.close()
    out(`database ready (${database.dialect}); demo data ${demoData ? 'loaded' : 'not loaded'}`)
    return EXIT.ok
  },
}
