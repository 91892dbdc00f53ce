// The cases module's public face.
import type { AppModule } from '../../kernel/module.ts'
import { deadlineRuleRoutes } from './deadline-rules.routes.ts'

export { ruleInForce } from './deadline-rules.ts'

export const casesModule: AppModule = {
  name: 'cases',
  routes: (app) => {
    deadlineRuleRoutes(app)
  },
}
