// The inspections module's public face (双随机、一公开).
import type { AppModule } from '../../kernel/module.ts'
import { inspectionsRoutes } from './inspections.routes.ts'
import { seedInspections } from './seed.ts'

export { inspectionsErrors } from './errors.ts'

export const inspectionsModule: AppModule = {
  name: 'inspections',
  routes: (app) => inspectionsRoutes(app),
  seedDemo: (context) => seedInspections(context),
}
