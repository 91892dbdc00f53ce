import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, loadConfig } from './kernel/config.ts'
import { startServer } from './start.ts'

// The built bundle lives in dist/, next to dist/web; from source, the web build is in dist/web too.
const here = path.dirname(fileURLToPath(import.meta.url))
const webRoot = path.resolve(here, here.endsWith('dist') ? 'web' : '../dist/web')

try {
  const config = loadConfig()
  await startServer(config, webRoot)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(78)
  }
  console.error(error)
  process.exit(1)
}
