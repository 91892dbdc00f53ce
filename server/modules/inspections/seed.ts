/**
 * Demo data: items, inspectors, an entity directory in Gusu, and a 2026 plan whose task has a
 * completed, published draw. The randomness is FIXED DEMO DATA, not a real drand beacon: the round
 * and value are the drand test vector of docs/draw-algorithm.md §10, and the observer's value is public.
 */

import { permissionsOf } from '../../../contracts/access.ts'
import { computeUsccCheckChar } from '../../../contracts/identifiers/index.ts'
import { observerCommitment } from '../../../contracts/inspections/draw/index.ts'
import type { Actor } from '../../kernel/access.ts'
import { makeWriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import type { SeedContext } from '../../kernel/module.ts'
import { insertEntity } from '../entities/index.ts'
import { commitDraw, publishDraw, revealObserver, runCommittedDraw } from './draws.service.ts'
import { createPlan, createTask } from './plans.service.ts'
import { publishResult, recordResult } from './results.service.ts'

export const DEMO_RANDOMNESS = {
  drand: {
    round: 35_107_012,
    randomness: 'a40d3e0e7e3c71f28b7da2fd339f47f0bcf10910309f5253d7c323ec8cea3212',
  },
  observer: { name: '苏州市公证处（演示）', value: '00112233445566778899aabbccddeeff' },
} as const

export async function seedInspections({ trx, now, orgs, users, entities }: SeedContext): Promise<void> {
  const stamp = now.toISOString()
  const org = (code: string) => orgs.get(code)!
  const items = [
    {
      code: 'patent-marking',
      name: '专利标识标注情况检查',
      legalBasis: '《专利法》第十六条、第六十八条；《专利标识标注办法》',
      method: 'onSite',
      agency: 'samr-city',
      quals: ['law-enforcement'],
      review: 1,
    },
    {
      code: 'trademark-use',
      name: '注册商标使用行为检查',
      legalBasis: '《商标法》第四十九条、第五十七条',
      method: 'onSite',
      agency: 'samr-city',
      quals: ['law-enforcement'],
      review: 0,
    },
    {
      code: 'agency-filing',
      name: '专利代理机构执业情况检查',
      legalBasis: '《专利代理条例》第二十九条',
      method: 'written',
      agency: 'samr-city',
      quals: ['law-enforcement', 'patent'],
      review: 0,
    },
  ]
  const itemIds = new Map<string, string>()
  for (const i of items) {
    const id = newId(now.getTime())
    itemIds.set(i.code, id)
    await trx
      .insertInto('inspection_items')
      .values({
        id,
        code: i.code,
        name: i.name,
        legal_basis: i.legalBasis,
        method: i.method,
        agency_id: org(i.agency),
        required_qualifications: JSON.stringify(i.quals),
        legal_review: i.review,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute()
  }

  // Directory: the platform's demo entities plus thirty in Gusu, with inspection attributes.
  const credit = ['A', 'B', 'B', 'C', 'A', 'B']
  let n = 0
  for (const [, entityId] of entities) {
    await trx
      .insertInto('inspection_entity_profiles')
      .values({
        entity_id: entityId,
        category: '批发零售',
        credit_level: credit[n++ % credit.length]!,
        key_enterprise: 0,
        updated_at: stamp,
      })
      .execute()
  }
  const categories = ['批发零售', '制造业', '文化创意']
  for (let i = 1; i <= 30; i++) {
    const first17 = `91320508MA1DEMO${String(i).padStart(2, '0')}`.replace(/O/g, '0').replace(/I/g, '1')
    const e = await insertEntity(trx, now, {
      uscc: first17 + computeUsccCheckChar(first17),
      name: `苏州姑苏演示商贸有限公司第${i}号`,
      districtId: org('gusu'),
      address: `苏州市姑苏区演示路${i}号`,
      industry: categories[i % 3],
    })
    await trx
      .insertInto('inspection_entity_profiles')
      .values({
        entity_id: e.id,
        category: categories[i % 3]!,
        credit_level: i % 10 === 0 ? 'D' : i % 5 === 0 ? 'C' : i % 2 === 0 ? 'A' : 'B',
        key_enterprise: i % 7 === 0 ? 1 : 0,
        updated_at: stamp,
      })
      .execute()
  }

  // Inspector directory: Gusu's enforcement officers, one of them the demo user officer.gusu.
  const names = ['陈执法', '林检查', '黄志明', '徐晓燕', '马文博', '朱丽娟', '胡建国', '高雅琴']
  const inspectorIds: string[] = []
  for (const [i, name] of names.entries()) {
    const id = newId(now.getTime())
    inspectorIds.push(id)
    await trx
      .insertInto('inspectors')
      .values({
        id,
        user_id: i === 0 ? (users.get('officer.gusu') ?? null) : null,
        name,
        badge: `32050800${String(i + 1).padStart(2, '0')}`,
        agency_id: org('samr-gusu'),
        district_id: org('gusu'),
        qualifications: JSON.stringify(i % 3 === 0 ? ['law-enforcement', 'patent'] : ['law-enforcement']),
        capacity: 4,
        active: 1,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute()
  }
  const firstGusu = await trx
    .selectFrom('entities')
    .select('id')
    .where('district_id', '=', org('gusu'))
    .orderBy('uscc')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('inspector_conflicts')
    .values({
      inspector_id: inspectorIds[1]!,
      entity_id: firstGusu.id,
      reason: '近亲属在该企业任职',
      declared_at: stamp,
    })
    .execute()

  // The plan, its task and its completed, published draw.
  const officer = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('username', '=', 'officer')
    .executeTakeFirst()
  const actor: Actor = {
    kind: 'user',
    userId: officer?.id ?? null,
    username: 'officer',
    displayName: officer?.display_name ?? '张执法',
    roles: ['officer'],
    permissions: permissionsOf(['officer']),
    orgId: org('samr-city'),
    districtId: null,
    entityId: null,
  }
  const context = makeWriteContext(trx, actor, now, 'zh-CN', { ip: 'seed', requestId: 'seed:inspections' })
  const plan = await createPlan(context, {
    year: 2026,
    title: '2026年度苏州市知识产权领域“双随机、一公开”抽查计划（演示）',
    districtId: null,
  })
  const task = await createTask(context, plan.id, {
    code: 'SZ-2026-IP-01',
    title: '姑苏区专利标识与商标使用联合抽查（演示）',
    itemIds: [itemIds.get('patent-marking')!, itemIds.get('trademark-use')!],
    population: { districts: [org('gusu')], categories: [], creditLevels: [], keyEnterprisesOnly: false },
    stratifyBy: ['credit'],
    rounding: 'ceil',
    strata: [
      { stratum: 'A', ratio: '0.1', count: null },
      { stratum: 'B', ratio: '0.2', count: null },
      { stratum: 'C', ratio: '0.5', count: null },
      { stratum: 'D', ratio: '1', count: null },
    ],
    inspectorsPerTarget: 2,
    agencyIds: [org('samr-gusu')],
    periodStart: '2026-05-01',
    periodEnd: '2026-10-31',
  })
  const draw = await commitDraw(
    context,
    task.id,
    {
      drandRound: DEMO_RANDOMNESS.drand.round,
      observers: [
        {
          name: DEMO_RANDOMNESS.observer.name,
          commitment: observerCommitment(DEMO_RANDOMNESS.observer.value),
        },
      ],
    },
    { demo: true },
  )
  await revealObserver(context, draw.id, {
    observer: DEMO_RANDOMNESS.observer.name,
    value: DEMO_RANDOMNESS.observer.value,
  })
  await runCommittedDraw(context, draw.id, { drand: { ...DEMO_RANDOMNESS.drand } })
  await publishDraw(context, draw.id)
  const targets = await trx
    .selectFrom('inspection_targets')
    .select(['id', 'position'])
    .where('draw_id', '=', draw.id)
    .orderBy('position')
    .execute()
  const first = targets[0]
  const second = targets[1]
  if (first) {
    await recordResult(context, first.id, {
      outcome: 'noProblem',
      notes: '现场检查未发现问题。',
      evidenceRefs: ['现场检查笔录（演示）'],
    })
    await publishResult(context, first.id)
  }
  if (second)
    await recordResult(context, second.id, {
      outcome: 'notFoundAtAddress',
      notes: '登记住所无法联系。',
      evidenceRefs: [],
    })
}
