// The evidence module's public face (存证): deposits, the transparency log and its read API.
import type { AppModule } from '../../kernel/module.ts'
import { depositRoutes } from './deposits.routes.ts'
import { blobStoreOf } from './deposits.service.ts'
import { evidenceJobs } from './integrator.ts'
import { logRoutes } from './log.routes.ts'
import { orphanJob } from './orphans.ts'

export { integratePending, integratorOf } from './integrator.ts'
export { loadLogKeys } from './keys.ts'
export {
  type AppendedStatement,
  appendStatement,
  getStatement,
  type StatementInput,
  type StatementView,
  statementReceipt,
} from './statements.service.ts'

export const evidenceModule: AppModule = {
  name: 'evidence',
  routes: (app, deps) => {
    depositRoutes(app, deps)
    logRoutes(app, deps)
  },
  jobs: (deps) => [...evidenceJobs(deps), orphanJob(deps, () => blobStoreOf(deps.config))],
}
