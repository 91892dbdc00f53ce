// The cases module's public face.
import type { AppModule } from '../../kernel/module.ts'
import { caseRoutes } from './cases.routes.ts'
import { deadlineRuleRoutes } from './deadline-rules.routes.ts'
import { documentRoutes } from './documents.routes.ts'
import { clockJobs } from './engine/clocks.ts'
import { expireByDeclaration } from './engine/expiry.ts'
import { intakeRoutes } from './intake.routes.ts'
import { matterRoutes } from './matters.routes.ts'
import { peopleRoutes } from './people.routes.ts'
import { supervisionRoutes } from './supervision.routes.ts'
import { supervisionHooks } from './supervision.ts'

export { assistanceType } from './assistance.workflow.ts'
export { complaintType } from './complaint.workflow.ts'
export { ruleInForce } from './deadline-rules.ts'
export { relationTo as caseRelation } from './documents.ts'
export { defineCaseType } from './engine/declaration.ts'
export { applyTransition, availableActions, openCase } from './engine/engine.ts'
export { appendCaseEvent } from './engine/timeline.ts'
export { openPenaltyCase, penaltyType } from './penalty.workflow.ts'
export { reportType } from './report.workflow.ts'
export { reindexCases } from './search-document.ts'
export { type CaseRef, caseClosureStatistics, enterprisesServedByAssistance } from './statistics.ts'
export { takedownType } from './takedown.workflow.ts'

export const casesModule: AppModule = {
  name: 'cases',
  routes: (app, deps) => {
    deadlineRuleRoutes(app)
    intakeRoutes(app)
    matterRoutes(app)
    peopleRoutes(app)
    documentRoutes(app, deps)
    supervisionRoutes(app)
    caseRoutes(app)
  },
  jobs: () => clockJobs(expireByDeclaration, supervisionHooks),
}
