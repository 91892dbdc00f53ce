/**
 * Roles and permissions: the one place where who may do what is decided. The server checks these
 * permissions on every route; the web app uses the same table to build each role's menu.
 */
export const ROLES = [
  'enterprise',
  'clerk',
  'examiner',
  'officer',
  'police',
  'prosecutor',
  'judge',
  'mediator',
  'expert',
  'leader',
  'planner',
  'admin',
] as const
export type Role = (typeof ROLES)[number]

/** Roles held by staff of an agency (as opposed to enterprises and the public). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'enterprise')

export const PERMISSIONS = [
  'workbench.access',
  'cockpit.access',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'registration.review',
  'token.manage',
  'audit.read',
  'entity.read',
  'entity.manage',
  'content.read',
  'content.manage',
  'content.review',
  'calendar.manage',
  'deadlineRule.manage',
  'case.read',
  'case.handle',
  'evidence.deposit',
  'cockpit.report',
  'cockpit.manage',
  'inspection.read',
  'inspection.plan',
  'inspection.result',
  'inspection.review',
  'inspection.publish',
  /** Act as a designated observer of a draw's commit–reveal (only on tasks naming the user). */
  'inspection.observe',
  'registry.manage',
  'directory.manage',
  'classroom.manage',
  'talent.manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const staffBasics: Permission[] = [
  'workbench.access',
  'org.read',
  'entity.read',
  'content.read',
  'evidence.deposit',
  'cockpit.report',
  'inspection.observe',
]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise: ['entity.read', 'evidence.deposit'],
  clerk: [
    ...staffBasics,
    'registration.review',
    'entity.manage',
    'content.manage',
    'registry.manage',
    'directory.manage',
    'user.read',
    'case.read',
    'case.handle',
    'classroom.manage',
    'talent.manage',
  ],
  examiner: [...staffBasics, 'case.read', 'case.handle', 'content.review'],
  officer: [
    ...staffBasics,
    'case.read',
    'case.handle',
    'inspection.read',
    'inspection.plan',
    'inspection.result',
    'inspection.review',
    'inspection.publish',
  ],
  police: [...staffBasics],
  prosecutor: [...staffBasics],
  judge: [...staffBasics],
  mediator: [...staffBasics, 'case.read'],
  expert: [...staffBasics],
  leader: [...staffBasics, 'cockpit.access', 'user.read', 'case.read', 'inspection.read', 'content.review'],
  planner: [...staffBasics, 'cockpit.access', 'cockpit.manage'],
  admin: [
    ...staffBasics,
    'cockpit.access',
    'cockpit.manage',
    'org.manage',
    'user.read',
    'user.manage',
    'registration.review',
    'token.manage',
    'audit.read',
    'entity.manage',
    'content.manage',
    'content.review',
    'registry.manage',
    'directory.manage',
    'calendar.manage',
    'deadlineRule.manage',
    'case.read',
    'case.handle',
    'inspection.read',
    'inspection.plan',
    'inspection.review',
    'classroom.manage',
    'talent.manage',
  ],
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  enterprise: { zh: '企业用户', en: 'Enterprise user' },
  clerk: { zh: '保护中心受理员', en: 'Center clerk' },
  examiner: { zh: '保护中心审查员', en: 'Center examiner' },
  officer: { zh: '执法人员', en: 'Enforcement officer' },
  police: { zh: '公安民警', en: 'Police officer' },
  prosecutor: { zh: '检察官', en: 'Prosecutor' },
  judge: { zh: '法官/书记员', en: 'Judge / court clerk' },
  mediator: { zh: '调解员', en: 'Mediator' },
  expert: { zh: '技术调查官/专家', en: 'Technical investigator / expert' },
  leader: { zh: '领导', en: 'Leader' },
  planner: { zh: '方案办公室', en: 'Plan office' },
  admin: { zh: '系统管理员', en: 'System administrator' },
}
