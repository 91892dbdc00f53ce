// The notify module's public face: in-app inbox, and the channel extension point for e-mail.
import type { AppModule } from '../../kernel/module.ts'
import { notifyRoutes } from './notify.routes.ts'
import { notifyJobs } from './notify.ts'

export {
  type NotificationChannel,
  type NotificationInput,
  notifyUsers,
  registerNotificationChannel,
} from './notify.ts'

export const notifyModule: AppModule = {
  name: 'notify',
  routes: (app) => notifyRoutes(app),
  jobs: () => notifyJobs(),
}
