import type { AppModule } from '../../kernel/module.ts'
import { auditRoutes } from './audit.routes.ts'
import { healthRoutes } from './health.routes.ts'

export const platformModule: AppModule = {
  name: 'platform',
  routes: (app) => {
    healthRoutes(app)
    auditRoutes(app)
  },
}
