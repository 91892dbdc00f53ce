import type { AppModule } from '../../kernel/module.ts'
import { contentRoutes } from './content.routes.ts'

export { reindexArticles } from './search-document.ts'

export const contentModule: AppModule = {
  name: 'content',
  routes: (app) => contentRoutes(app),
}
