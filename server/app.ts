import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { type Clock, systemClock } from './kernel/clock.ts'
import type { Config } from './kernel/config.ts'
import type { DatabaseHandle } from './kernel/db/connection.ts'
import { createHttpServer } from './kernel/http/server.ts'
import { JobRunner } from './kernel/jobs.ts'
import type { AppDeps } from './kernel/module.ts'
import { ActorResolver } from './modules/identity/actors.ts'
import { OrganizationCache } from './modules/identity/organizations.repository.ts'
import { identityRoutes } from './modules/identity/routes.ts'
import { modules } from './modules/index.ts'

export interface BuildOptions {
  config: Config
  database: DatabaseHandle
  clock?: Clock
  webRoot?: string
  logger?: boolean
}

export interface BuiltApp {
  app: FastifyInstance
  deps: AppDeps
  jobs: JobRunner
}

/** The composition root: wires the kernel and every module into one app, without listening. */
export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, database } = options
  const clock = options.clock ?? systemClock
  const deps: AppDeps = {
    db: database.db,
    dialect: database.dialect,
    config,
    clock,
    webRoot: options.webRoot,
  }
  const organizations = new OrganizationCache(database.db)
  const actors = new ActorResolver(database.db, organizations, clock)
  const app = await createHttpServer({
    config,
    db: database.db,
    clock,
    authenticate: (request) => actors.authenticate(request),
    webRoot: options.webRoot,
    logger: options.logger,
    dataVersion: database.dataVersion,
  })
  app.decorate('deps', deps)
  const routes = app.withTypeProvider<ZodTypeProvider>()
  identityRoutes(routes, { config, actors, organizations })
  for (const module of modules) module.routes?.(routes, deps)

  const jobs = new JobRunner({
    db: database.db,
    dialect: database.dialect,
    clock,
    handlers: modules.flatMap((m) => m.jobs?.(deps) ?? []),
    log: (message, error) => app.log.error({ err: error }, message),
  })
  return { app, deps, jobs }
}
