import { z } from 'zod'
import { PERMISSIONS, ROLES } from './access.ts'
import { divisionCodeSchema, mobilePhoneSchema, usccSchema } from './identifiers/index.ts'

/** API shapes of the identity module: sign-in, accounts, organizations, registration, tokens. */
export const roleSchema = z.enum(ROLES)
export const permissionSchema = z.enum(PERMISSIONS)

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .refine((v) => /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/.test(v), {
    params: {
      zh: '用户名只能包含字母、数字、点、下划线和连字符',
      en: 'Use letters, digits, dots, underscores and hyphens only',
    },
  })

export const passwordSchema = z
  .string()
  .max(200)
  .refine((v) => v.length >= 10, {
    params: { zh: '密码至少 10 个字符', en: 'The password needs at least 10 characters' },
  })

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
})

export const organizationKindSchema = z.enum([
  'city',
  'district',
  'zone',
  'agency',
  'center',
  'branchCenter',
  'workstation',
  'court',
  'procuratorate',
  'police',
  'mediationOrg',
  'other',
])

export const organizationSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: organizationKindSchema,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  divisionCode: z.string().nullable(),
  functionalZone: z.boolean(),
  sort: z.number(),
  active: z.boolean(),
  /** The district (or functional zone) this organization belongs to; null at city level. */
  districtId: z.string().nullable(),
})
export type Organization = z.infer<typeof organizationSchema>

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  districtId: z.string().nullable(),
  entityId: z.string().nullable(),
  entityName: z.string().nullable(),
  /** Where e-mail notifications go; the user changes it on the account page. */
  email: z.string().nullable(),
})
export type SessionUser = z.infer<typeof sessionUserSchema>

export const meResponse = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
})
export const loginResponse = z.object({ user: sessionUserSchema, csrfToken: z.string() })

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
})

/** The caller's own e-mail address, confirmed by the current password. */
export const changeEmailRequest = z.object({
  email: z.email().max(200),
  currentPassword: z.string().min(1).max(200),
})

export const registrationRequest = z.object({
  uscc: usccSchema,
  entityName: z.string().trim().min(2).max(100),
  contactName: z.string().trim().min(1).max(50),
  phone: mobilePhoneSchema,
  email: z.email().max(200).optional(),
  username: usernameSchema,
  password: passwordSchema,
})

export const userStatusSchema = z.enum(['pending', 'active', 'disabled', 'rejected'])
export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: userStatusSchema,
  roles: z.array(roleSchema),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  entityId: z.string().nullable(),
  entityName: z.string().nullable(),
  entityUscc: z.string().nullable(),
  /** Masked unless the viewer manages users. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
})
export type UserSummary = z.infer<typeof userSummarySchema>

export const createUserRequest = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(50),
  password: passwordSchema,
  roles: z.array(roleSchema.exclude(['enterprise'])).min(1),
  orgId: z.string().min(1),
  phone: mobilePhoneSchema.optional(),
  email: z.email().max(200).optional(),
})

export const reviewRegistrationRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
})

export const createOrganizationRequest = z.object({
  parentId: z.string().min(1),
  kind: organizationKindSchema.exclude(['city']),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  divisionCode: divisionCodeSchema.optional(),
  functionalZone: z.boolean().optional(),
  sort: z.number().int().optional(),
})
export const updateOrganizationRequest = createOrganizationRequest
  .omit({ code: true, kind: true })
  .partial()
  .extend({ active: z.boolean().optional() })

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  scopes: z.array(permissionSchema),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})
export const createApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100),
  userId: z.string().min(1),
  scopes: z.array(permissionSchema).min(1),
  expiresAt: z.iso.datetime().optional(),
})
export const createApiTokenResponse = apiTokenSchema.extend({ token: z.string() })
