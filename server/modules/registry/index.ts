// The registry module's public face.
import type { AppModule } from '../../kernel/module.ts'
import { registryRoutes } from './registry.routes.ts'
import { seedRegistryDemo } from './seed.ts'

export { assetSearchDocument, assetSummaries, reindexAssets } from './assets.repository.ts'
export { registryErrors } from './errors.ts'

export const registryModule: AppModule = {
  name: 'registry',
  routes: (app) => registryRoutes(app),
  seedDemo: (context) => seedRegistryDemo(context),
}
