// The calendar module's public face: its AppModule and the working-day calendar other modules use.
import type { AppModule } from '../../kernel/module.ts'
import { calendarRoutes } from './calendar.routes.ts'

export { workingDayCalendar } from './calendar.repository.ts'
export { SCHEDULE_LOADED_EVENT } from './calendar.service.ts'

export const calendarModule: AppModule = {
  name: 'calendar',
  routes: (app) => calendarRoutes(app),
}
