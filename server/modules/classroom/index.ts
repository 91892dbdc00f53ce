// The classroom module's public face: the IP classroom (courses, sessions, registrations,
// attendance, certificates) and the talent showcase.
import type { AppModule } from '../../kernel/module.ts'
import { classroomRoutes } from './classroom.routes.ts'
import { seedClassroomDemo } from './seed.ts'

export { classroomErrors } from './errors.ts'
export { trainingAttendance } from './registrations.service.ts'
export { reindexClassroom } from './search-document.ts'

export const classroomModule: AppModule = {
  name: 'classroom',
  routes: (app, deps) => classroomRoutes(app, deps),
  seedDemo: (context) => seedClassroomDemo(context),
}
