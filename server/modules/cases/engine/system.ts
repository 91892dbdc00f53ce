import { PERMISSIONS } from '../../../../contracts/access.ts'
import type { Actor } from '../../../kernel/access.ts'

/**
 * The engine acting on its own (expiry transitions): every permission, every district. Its role makes
 * it staff (city level) for `scopeCondition`.
 */
export const systemActor: Actor = Object.freeze({
  kind: 'user',
  userId: null,
  username: 'system',
  displayName: '系统',
  roles: ['admin'] as const,
  permissions: new Set(PERMISSIONS),
  orgId: null,
  districtId: null,
  entityId: null,
})
