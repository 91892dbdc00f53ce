// The cockpit module's public face: plans as data, unit reports, computed indicators, supervision.
import type { AppModule } from '../../kernel/module.ts'
import { cockpitRoutes } from './cockpit.routes.ts'
import { sweepJobs } from './supervision.service.ts'

export { DEFAULT_PLAN, SWEEP_JOB } from './default-plan.ts'
export { type IndicatorSource, indicatorSource, indicatorSources } from './sources.ts'
export { sweep } from './supervision.service.ts'

export const cockpitModule: AppModule = {
  name: 'cockpit',
  routes: (app) => cockpitRoutes(app),
  jobs: () => sweepJobs(),
}
