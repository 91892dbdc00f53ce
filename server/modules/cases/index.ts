// The cases module's public face.
import type { AppModule } from '../../kernel/module.ts'
import { caseRoutes } from './cases.routes.ts'
import { complaintRoutes } from './complaint.routes.ts'
import { deadlineRuleRoutes } from './deadline-rules.routes.ts'
import { clockJobs } from './engine/clocks.ts'

export { complaintType } from './complaint.workflow.ts'
export { ruleInForce } from './deadline-rules.ts'
export { defineCaseType } from './engine/declaration.ts'
export { applyTransition, availableActions, openCase } from './engine/engine.ts'

export const casesModule: AppModule = {
  name: 'cases',
  routes: (app) => {
    deadlineRuleRoutes(app)
    complaintRoutes(app)
    caseRoutes(app)
  },
  jobs: () => clockJobs(),
}
