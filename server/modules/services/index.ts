// The services module's public face: the protection navigation and the service directory.
import type { AppModule } from '../../kernel/module.ts'
import { seedServicesDemo } from './seed.ts'
import { servicesRoutes } from './services.routes.ts'

export { indexServicePoint, publicServicePointsCount } from './directory.service.ts'
export { servicesErrors } from './errors.ts'
export { NAVIGATION_TREE } from './navigation-tree.ts'

export const servicesModule: AppModule = {
  name: 'services',
  routes: (app, deps) => servicesRoutes(app, deps),
  seedDemo: (context) => seedServicesDemo(context),
}
