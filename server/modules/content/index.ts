import type { AppModule } from '../../kernel/module.ts'
import { contentRoutes } from './content.routes.ts'
import { contentJobs } from './content.service.ts'
import { seedDemoContent } from './seed.ts'

export { reindexArticles } from './search-document.ts'

/** Portal content: news, notices, policy documents, how-to guides and FAQ, with review and scheduling. */
export const contentModule: AppModule = {
  name: 'content',
  routes: (app, deps) => contentRoutes(app, deps),
  jobs: () => contentJobs(),
  seedDemo: (context) => seedDemoContent(context),
}
