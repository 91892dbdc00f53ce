import type { Role } from '../../../contracts/access.ts'
import { computeUsccCheckChar } from '../../../contracts/identifiers/index.ts'
import type { Db, Tx } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'
import { insertEntity } from '../entities/index.ts'
import { hashPassword } from './passwords.ts'
import { referenceOrganizations } from './reference-organizations.ts'

export const DEMO_PASSWORD = 'zhibao-demo'

/** Loads the shipped organization tree into an empty table; returns ids by code. */
export async function seedOrganizations(trx: Tx, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const existing = await trx.selectFrom('organizations').select(['id', 'code']).execute()
  if (existing.length > 0) return new Map(existing.map((o) => [o.code, o.id]))
  for (const [index, o] of referenceOrganizations.entries()) ids.set(o.code, newId(now.getTime() + index))
  for (const [index, o] of referenceOrganizations.entries()) {
    await trx
      .insertInto('organizations')
      .values({
        id: ids.get(o.code)!,
        parent_id: o.parent ? ids.get(o.parent)! : null,
        kind: o.kind,
        code: o.code,
        name_zh: o.zh,
        name_en: o.en,
        division_code: o.division ?? null,
        functional_zone: o.functionalZone ? 1 : 0,
        sort: index,
        active: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
  }
  return ids
}

/** Builds a valid USCC from its first 17 characters. */
export function demoUscc(first17: string): string {
  return first17 + computeUsccCheckChar(first17)
}

export const demoEntities = [
  {
    uscc: demoUscc('91320508MA1MXQ6G0'),
    name: '苏州姑苏丝绸文创有限公司',
    district: 'gusu',
    industry: '文化创意',
  },
  {
    uscc: demoUscc('91320583MA1N2K8R3'),
    name: '昆山精密电子科技有限公司',
    district: 'kunshan',
    industry: '电子信息',
  },
  {
    uscc: demoUscc('91320594MA1P7H3L5'),
    name: '苏州园区新材料股份有限公司',
    district: 'sip',
    industry: '新材料',
  },
  {
    uscc: demoUscc('91320505MA1R4D9T2'),
    name: '苏州高新生物制品有限公司',
    district: 'huqiu',
    industry: '生物制品制造',
  },
  {
    uscc: demoUscc('91320581MA1T6W2Y8'),
    name: '常熟锦绣纺织服装有限公司',
    district: 'changshu',
    industry: '纺织服装',
  },
  {
    uscc: demoUscc('91320506MA1U8B5C1'),
    name: '苏州吴中智能制造有限公司',
    district: 'wuzhong',
    industry: '数字智能制造',
  },
] as const

export const demoUsers: {
  username: string
  name: string
  org: string | null
  roles: Role[]
  entity?: number
}[] = [
  { username: 'admin', name: '系统管理员', org: 'samr-city', roles: ['admin'] },
  { username: 'clerk', name: '王受理', org: 'center', roles: ['clerk'] },
  { username: 'examiner', name: '李审查', org: 'center', roles: ['examiner'] },
  { username: 'officer', name: '张执法', org: 'samr-city', roles: ['officer'] },
  { username: 'officer.gusu', name: '陈执法（姑苏）', org: 'samr-gusu', roles: ['officer'] },
  { username: 'officer.kunshan', name: '周执法（昆山）', org: 'samr-kunshan', roles: ['officer'] },
  { username: 'police', name: '赵警官', org: 'police-city', roles: ['police'] },
  { username: 'prosecutor', name: '钱检察官', org: 'procuratorate-city', roles: ['prosecutor'] },
  { username: 'judge', name: '孙法官', org: 'court-city', roles: ['judge'] },
  { username: 'mediator', name: '吴调解员', org: 'mediation-committee', roles: ['mediator'] },
  { username: 'expert', name: '郑技术调查官', org: 'center', roles: ['expert'] },
  { username: 'leader', name: '刘领导', org: 'joint-conference', roles: ['leader'] },
  { username: 'planner', name: '何方案办', org: 'samr-city', roles: ['planner'] },
  { username: 'enterprise', name: '冯经理', org: null, roles: ['enterprise'], entity: 1 },
]

let demoHash: Promise<string> | null = null

/** Demo entities and one user per role, all with the password `zhibao-demo`. */
export async function seedDemoIdentity(trx: Tx, now: Date, orgs: ReadonlyMap<string, string>) {
  demoHash ??= hashPassword(DEMO_PASSWORD)
  const passwordHash = await demoHash
  const entities = new Map<string, string>()
  const entityIds: string[] = []
  for (const e of demoEntities) {
    const row = await insertEntity(trx, now, {
      uscc: e.uscc,
      name: e.name,
      districtId: orgs.get(e.district) ?? null,
      industry: e.industry,
      address: `江苏省苏州市${e.name.slice(2, 4)}`,
    })
    entities.set(e.uscc, row.id)
    entityIds.push(row.id)
  }
  const users = new Map<string, string>()
  for (const [index, u] of demoUsers.entries()) {
    const id = newId(now.getTime() + index)
    users.set(u.username, id)
    await trx
      .insertInto('users')
      .values({
        id,
        username: u.username,
        password_hash: passwordHash,
        display_name: u.name,
        email: `${u.username}@demo.zhibao.invalid`,
        phone: `1380000${String(index).padStart(4, '0')}`,
        org_id: u.org ? orgs.get(u.org)! : null,
        entity_id: u.entity !== undefined ? entityIds[u.entity]! : null,
        status: 'active',
        review_note: null,
        reviewed_by: null,
        reviewed_at: now.toISOString(),
        failed_logins: 0,
        locked_until: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute()
    await trx
      .insertInto('user_roles')
      .values(u.roles.map((role) => ({ user_id: id, role })))
      .execute()
  }
  return { users, entities }
}

export async function hasDemoUsers(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst())
}
