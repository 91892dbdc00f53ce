import {
  deadlineRuleList,
  deadlineRuleSchema,
  putDeadlineRuleRequest,
  ruleIdParams,
} from '../../../contracts/cases.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { changeDeadlineRule, listDeadlineRules } from './deadline-rules.service.ts'
import { forgetKeptRules } from './deadline-rules.ts'

export function deadlineRuleRoutes(app: ZodApp) {
  app.get(
    '/api/deadline-rules',
    {
      config: { permission: 'workbench.access' },
      schema: {
        tags: ['cases'],
        summary: 'Deadline rules, every effective-dated version; unverified ones flagged',
        response: { 200: deadlineRuleList },
      },
    },
    async (request) => listDeadlineRules(request.readContext()),
  )
  app.put(
    '/api/deadline-rules/:id',
    {
      config: { permission: 'deadlineRule.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Add a new version of a deadline rule, for clocks started from its effective date',
        params: ruleIdParams,
        body: putDeadlineRuleRequest,
        response: { 200: deadlineRuleSchema },
      },
    },
    async (request) => {
      const rule = await request.write((c) => changeDeadlineRule(c, request.params.id, request.body))
      // Again once committed: a clock start between the insert and the commit may have kept the old versions.
      forgetKeptRules(request.readContext().db)
      return rule
    },
  )
}
