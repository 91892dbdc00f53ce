// The notify module's public face: in-app inbox, e-mail by SMTP when configured, other channels.
import type { AppModule } from '../../kernel/module.ts'
import { notifyRoutes } from './notify.routes.ts'
import { closeNotificationChannels, configureNotificationChannels, notifyJobs } from './notify.ts'
import { smtpChannel } from './smtp.ts'

export {
  type NotificationChannel,
  type NotificationInput,
  notifyUsers,
  registerNotificationChannel,
} from './notify.ts'

export const notifyModule: AppModule = {
  name: 'notify',
  routes: (app, deps) => {
    notifyRoutes(app)
    app.addHook('onClose', async () => closeNotificationChannels(deps.config))
  },
  jobs: (deps) => {
    configureNotificationChannels(deps.config, smtpChannel)
    return notifyJobs()
  },
}
