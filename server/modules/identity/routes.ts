import { z } from 'zod'
import { idParams, okResponse, pageOf, pageQuery } from '../../../contracts/common.ts'
import {
  apiTokenSchema,
  changeEmailRequest,
  changePasswordRequest,
  createApiTokenRequest,
  createApiTokenResponse,
  createOrganizationRequest,
  createUserRequest,
  loginRequest,
  loginResponse,
  meResponse,
  organizationSchema,
  registrationRequest,
  reviewRegistrationRequest,
  updateOrganizationRequest,
  userStatusSchema,
  userSummarySchema,
} from '../../../contracts/identity.ts'
import type { Config } from '../../kernel/config.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import { type ActorResolver, describeUser, SESSION_COOKIE } from './actors.ts'
import { changeEmail, changePassword, login, logout } from './auth.service.ts'
import type { OrganizationCache } from './organizations.repository.ts'
import { createOrganization, listOrganizations, updateOrganization } from './organizations.service.ts'
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts'
import {
  createStaffUser,
  listUsers,
  registerEnterprise,
  reviewRegistration,
  setUserStatus,
} from './users.service.ts'

interface Deps {
  config: Config
  actors: ActorResolver
  organizations: OrganizationCache
}

export function identityRoutes(app: ZodApp, { config, actors, organizations }: Deps) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure }

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: loginRequest,
        response: { 200: loginResponse },
      },
    },
    async (request, reply) => {
      const outcome = await login(
        app.deps.db,
        organizations,
        {
          maxFailures: config.loginMaxFailures,
          lockMinutes: config.loginLockMinutes,
          sessionTtlHours: config.sessionTtlHours,
        },
        request.body,
        (work) => request.write(work),
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      )
      if (!outcome.ok) throw new AppError(outcome.error)
      reply.setCookie(SESSION_COOKIE, outcome.token, { ...cookieOptions, expires: outcome.expiresAt })
      return { user: await describeUser(app.deps.db, outcome.actor), csrfToken: outcome.csrfToken }
    },
  )

  app.get(
    '/api/auth/me',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and CSRF token, or nulls',
        response: { 200: meResponse },
      },
    },
    async (request) => {
      const actor = request.actor
      if (actor.kind === 'anonymous' || !actor.userId) return { user: null, csrfToken: null }
      return { user: await describeUser(app.deps.db, actor), csrfToken: actor.csrfToken ?? null }
    },
  )

  for (const everywhere of [false, true]) {
    app.post(
      everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout',
      { schema: { tags: ['auth'], response: { 200: okResponse } } },
      async (request, reply) => {
        await request.write((c) => logout(c, everywhere))
        if (everywhere) actors.forgetUser(request.actor.userId!)
        const token = request.cookies[SESSION_COOKIE]
        if (token) actors.forgetSession(token)
        reply.clearCookie(SESSION_COOKIE, cookieOptions)
        return { ok: true as const }
      },
    )
  }

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: changePasswordRequest, response: { 200: okResponse } } },
    async (request) => {
      await request.write((c) => changePassword(c, request.body))
      actors.forgetUser(request.actor.userId!)
      return { ok: true as const }
    },
  )

  app.post(
    '/api/auth/email',
    {
      schema: {
        tags: ['auth'],
        summary: "Change the caller's own e-mail address (confirmed by the current password)",
        body: changeEmailRequest,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await request.write((c) => changeEmail(c, request.body))
      return { ok: true as const }
    },
  )

  app.post(
    '/api/registrations',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['registration'],
        summary: 'An enterprise registers; the center approves',
        body: registrationRequest,
        response: { 201: z.object({ id: z.string(), status: z.literal('pending') }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => registerEnterprise(c, request.body))),
  )

  app.get(
    '/api/registrations',
    {
      config: { permission: 'registration.review' },
      schema: {
        tags: ['registration'],
        querystring: pageQuery.extend({ status: userStatusSchema.default('pending') }),
        response: { 200: pageOf(userSummarySchema) },
      },
    },
    async (request) => listUsers(request.readContext(), { ...request.query, enterprise: true }),
  )

  app.post(
    '/api/registrations/:id/review',
    {
      config: { permission: 'registration.review' },
      schema: {
        tags: ['registration'],
        params: idParams,
        body: reviewRegistrationRequest,
        response: { 200: userSummarySchema },
      },
    },
    async (request) => request.write((c) => reviewRegistration(c, request.params.id, request.body)),
  )

  app.get(
    '/api/organizations',
    {
      config: { public: true },
      schema: {
        tags: ['organizations'],
        summary: 'The organization tree, flat',
        response: { 200: z.array(organizationSchema) },
      },
    },
    async () => listOrganizations({ db: app.deps.db }),
  )

  app.post(
    '/api/organizations',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags: ['organizations'],
        body: createOrganizationRequest,
        response: { 201: organizationSchema },
      },
    },
    async (request, reply) => {
      const created = await request.write((c) => createOrganization(c, request.body))
      organizations.invalidate()
      return reply.code(201).send(created)
    },
  )

  app.patch(
    '/api/organizations/:id',
    {
      config: { permission: 'org.manage' },
      schema: {
        tags: ['organizations'],
        params: idParams,
        body: updateOrganizationRequest,
        response: { 200: organizationSchema },
      },
    },
    async (request) => {
      const updated = await request.write((c) => updateOrganization(c, request.params.id, request.body))
      organizations.invalidate()
      return updated
    },
  )

  app.get(
    '/api/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        querystring: pageQuery.extend({
          status: userStatusSchema.optional(),
          q: z.string().trim().max(50).optional(),
        }),
        response: { 200: pageOf(userSummarySchema) },
      },
    },
    async (request) => listUsers(request.readContext(), request.query),
  )

  app.post(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], body: createUserRequest, response: { 201: userSummarySchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createStaffUser(c, request.body))),
  )

  app.patch(
    '/api/users/:id/status',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        params: idParams,
        body: z.object({ status: z.enum(['active', 'disabled']) }),
        response: { 200: userSummarySchema },
      },
    },
    async (request) => {
      const user = await request.write((c) => setUserStatus(c, request.params.id, request.body.status))
      actors.forgetUser(request.params.id)
      return user
    },
  )

  app.get(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: { tags: ['tokens'], response: { 200: z.array(apiTokenSchema) } },
    },
    async (request) => listApiTokens(request.readContext()),
  )

  app.post(
    '/api/tokens',
    {
      config: { permission: 'token.manage' },
      schema: { tags: ['tokens'], body: createApiTokenRequest, response: { 201: createApiTokenResponse } },
    },
    async (request, reply) =>
      reply.code(201).send(await request.write((c) => createApiToken(c, organizations, request.body))),
  )

  app.post(
    '/api/tokens/:id/revoke',
    {
      config: { permission: 'token.manage' },
      schema: { tags: ['tokens'], params: idParams, response: { 200: apiTokenSchema } },
    },
    async (request) => {
      const token = await request.write((c) => revokeApiToken(c, request.params.id))
      actors.forgetToken(token.id)
      return token
    },
  )
}
