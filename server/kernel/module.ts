import type { Db, Tx } from '../database.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Dialect } from './db/connection.ts'
import type { ZodApp } from './http/server.ts'
import type { JobHandler } from './jobs.ts'

/** What every module receives from the composition root. */
export interface AppDeps {
  db: Db
  dialect: Dialect
  config: Config
  clock: Clock
  /** The built web app's directory, when served (public pages inject their metadata into it). */
  webRoot?: string
}

export interface SeedContext {
  trx: Tx
  now: Date
  /** Organization ids by code (e.g. 'gusu', 'samr-city'), from the identity seed. */
  orgs: ReadonlyMap<string, string>
  /** Demo user ids by username. */
  users: ReadonlyMap<string, string>
  /** Demo entity ids by USCC. */
  entities: ReadonlyMap<string, string>
}

/**
 * A module as the composition root sees it: its routes, its timers and event handlers, and its
 * demo data. Adding a module is one line in server/modules/index.ts.
 */
export interface AppModule {
  name: string
  routes?(app: ZodApp, deps: AppDeps): void
  jobs?(deps: AppDeps): JobHandler[]
  /** Loads demo data after the platform's own (organizations, users, entities); runs once. */
  seedDemo?(context: SeedContext): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
  }
}
