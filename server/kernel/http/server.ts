import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import helmet from 'helmet'
import type { Db } from '../../database.ts'
import { type Actor, anonymousActor, requirePermission } from '../access.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import { AppError, kernelErrors, langFrom } from '../errors.ts'
import { makeWriteContext } from './context.ts'
import { sendProblem } from './problem.ts'
import { registerResponseCache } from './response-cache.ts'

/** The Fastify instance as modules see it: routes typed from their Zod schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>

export interface HttpOptions {
  config: Config
  db: Db
  clock: Clock
  /** Resolves the caller from the request's cookie or bearer token. */
  authenticate(request: FastifyRequest): Promise<Actor>
  /** Directory of the built web app; served with an SPA fallback when present. */
  webRoot?: string
  logger?: boolean
  /** The database's change marker (connection.ts); where given, cacheByScope routes are cached. */
  dataVersion?: () => string
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Builds the Fastify instance with every cross-cutting concern; modules add their routes to it. */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const { config, db, clock } = options
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ajv: undefined,
  })
  app.setValidatorCompiler(validatorCompiler)
  // Responses are checked against their schemas in development and tests, where drift is caught;
  // production serializes the presenters' output directly (zod encoding costs ~30% of a list request).
  if (config.production) app.setSerializerCompiler(() => (data) => JSON.stringify(data))
  else app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler((error, request, reply) => sendProblem(error as Error, request, reply))
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api/') && options.webRoot && request.method === 'GET') {
      return reply.type('text/html').sendFile('index.html', options.webRoot)
    }
    return sendProblem(new AppError(kernelErrors.route_not_found), request, reply)
  })

  // Built once: @fastify/helmet rebuilds the middleware (and re-parses the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.cookieSecure,
  })
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  )
  await app.register(cookie)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError(kernelErrors.rate_limited),
  })
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 20 } })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ZhiBao API',
        description: 'ZhiBao (知保) one-stop IP-protection platform. Errors are application/problem+json.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zb_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.decorateRequest('actor', null as unknown as Actor)
  app.decorateRequest('lang', 'zh-CN')
  app.decorateRequest('audited', false)
  app.decorateRequest('write', function <T>(this: FastifyRequest, work: (c: never) => Promise<T>) {
    return db.transaction().execute(async (trx) => {
      const context = makeWriteContext(trx, this.actor, clock.now(), this.lang, {
        ip: this.ip,
        requestId: this.id,
      })
      const audit = context.audit
      context.audit = async (event, as) => {
        this.audited = true
        await audit(event, as)
      }
      return work(context as never)
    })
  })
  app.decorateRequest('readContext', function (this: FastifyRequest) {
    return { db, actor: this.actor, now: clock.now(), lang: this.lang }
  })

  app.addHook('onRequest', async (request) => {
    request.lang = langFrom(request.headers['accept-language'])
    if (!request.url.startsWith('/api/')) {
      request.actor = anonymousActor
      return
    }
    request.actor = await options.authenticate(request)
    const access = request.routeOptions.config
    if (UNSAFE.has(request.method)) checkCsrf(request)
    const isDocs = request.url.startsWith('/api/docs')
    if (!access.public && !isDocs && request.actor.kind === 'anonymous' && request.routeOptions.url) {
      throw new AppError(kernelErrors.unauthenticated)
    }
    if (access.permission) requirePermission(request.actor, access.permission)
  })

  if (config.env !== 'production') {
    // Every state change must leave an audit record; catch a route that forgets, loudly, in tests.
    app.addHook('onSend', async (request, reply, payload) => {
      if (
        UNSAFE.has(request.method) &&
        reply.statusCode < 400 &&
        request.url.startsWith('/api/') &&
        !request.audited
      ) {
        request.log.error({ url: request.url }, 'state-changing request wrote no audit record')
        reply.header('x-zhibao-unaudited', '1')
      }
      return payload
    })
  }

  if (options.dataVersion) registerResponseCache(app, options.dataVersion)

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    })
  }
  return app
}

/**
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`; token-based
 * integrations are exempt (a browser never sends a bearer token by itself). Anonymous writes
 * (sign-in, registration) must not come from another origin.
 */
function checkCsrf(request: FastifyRequest) {
  const actor = request.actor
  if (actor.kind === 'user') {
    if (request.headers['x-csrf-token'] !== actor.csrfToken) throw new AppError(kernelErrors.csrf_failed)
    return
  }
  if (actor.kind === 'anonymous') {
    const origin = request.headers.origin
    if (origin && origin !== 'null' && new URL(origin).host !== request.headers.host) {
      throw new AppError(kernelErrors.csrf_failed)
    }
  }
}
