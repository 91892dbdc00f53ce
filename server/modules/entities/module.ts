import type { AppModule } from '../../kernel/module.ts'
import { entitiesRoutes } from './entities.routes.ts'

export const entitiesModule: AppModule = {
  name: 'entities',
  routes: (app) => entitiesRoutes(app),
}
