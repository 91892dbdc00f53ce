import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { scopeKey } from '../access.ts'

interface Entry {
  version: string
  contentType: string
  body: string
}

const MAX_BODY = 256 * 1024

/**
 * Keeps the last responses of GET routes declared with `config: { cacheByScope: true }` — routes
 * whose 200 body is a function of the URL, the caller's data scope (`scopeKey`) and the data alone
 * (no clock, no per-user fields) — and answers a repeat from memory while the database's version
 * is unchanged. The version moves with every write this process makes and every commit by another
 * connection, so a cached answer is never older than the data; without a version (PostgreSQL,
 * where other instances write unseen) nothing is cached. Authentication and the route's permission
 * are checked before the cache is consulted, as for any request.
 */
export function registerResponseCache(app: FastifyInstance, dataVersion: () => string, limit = 1000) {
  const entries = new Map<string, Entry>()
  const pending = new WeakMap<FastifyRequest, { key: string; version: string }>()

  async function answerFromCache(request: FastifyRequest, reply: FastifyReply) {
    if (request.method !== 'GET') return
    const key = `${request.url}\n${scopeKey(request.actor)}\n${request.lang}`
    const version = dataVersion()
    const entry = entries.get(key)
    if (entry?.version === version) {
      return reply.header('content-type', entry.contentType).send(entry.body)
    }
    pending.set(request, { key, version })
  }

  async function remember(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const miss = pending.get(request)
    if (miss && reply.statusCode === 200 && typeof payload === 'string' && payload.length <= MAX_BODY) {
      if (!entries.has(miss.key) && entries.size >= limit) entries.delete(entries.keys().next().value!)
      entries.set(miss.key, {
        version: miss.version,
        contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        body: payload,
      })
    }
    return payload
  }

  app.addHook('onRoute', (route) => {
    if (!route.config?.cacheByScope) return
    route.preHandler = [...toArray(route.preHandler), answerFromCache]
    route.onSend = [...toArray(route.onSend), remember]
  })
}

function toArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}
