import type { AppModule } from '../kernel/module.ts'
import { calendarModule } from './calendar/index.ts'
import { casesModule } from './cases/index.ts'
import { classroomModule } from './classroom/index.ts'
import { cockpitModule } from './cockpit/index.ts'
import { contentModule } from './content/index.ts'
import { entitiesModule } from './entities/module.ts'
import { evidenceModule } from './evidence/index.ts'
import { inspectionsModule } from './inspections/index.ts'
import { notifyModule } from './notify/index.ts'
import { platformModule } from './platform/index.ts'
import { registryModule } from './registry/index.ts'
import { searchModule } from './search/index.ts'
import { servicesModule } from './services/index.ts'

/**
 * The modules the platform runs, in the order their demo data loads. Identity is wired by the
 * composition root itself (it authenticates every request); every other module is one line here.
 */
export const modules: AppModule[] = [
  platformModule,
  entitiesModule,
  contentModule,
  calendarModule,
  casesModule,
  notifyModule,
  inspectionsModule,
  cockpitModule,
  evidenceModule,
  registryModule,
  classroomModule,
  servicesModule,
  searchModule,
]
