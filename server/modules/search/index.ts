// The search module's public face: GET /api/search over the sources in sources.ts.
import type { AppModule } from '../../kernel/module.ts'
import { searchRoutes } from './search.routes.ts'

export { reindexAll } from './reindex.ts'
export { type SearchSource, searchSources } from './sources.ts'

export const searchModule: AppModule = {
  name: 'search',
  routes: (app) => searchRoutes(app),
}
