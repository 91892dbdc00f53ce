import { searchQuery, searchResponse } from '../../../contracts/search.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { searchEverything } from './search.service.ts'

export function searchRoutes(app: ZodApp) {
  app.get(
    '/api/search',
    {
      config: { public: true },
      schema: {
        tags: ['search'],
        summary:
          'Unified search over what the caller may see: published registry assets and articles; staff also their scope',
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (request) => searchEverything(request.readContext(), request.query),
  )
}
