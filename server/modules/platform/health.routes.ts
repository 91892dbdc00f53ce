import { sql } from 'kysely'
import { z } from 'zod'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'

export function healthRoutes(app: ZodApp) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: '200 when the database answers',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(app.deps.db)
      } catch {
        throw new AppError(kernelErrors.unavailable)
      }
      return { status: 'ok' as const, database: app.deps.dialect }
    },
  )
}
