import { describe, expect, it } from 'vitest'
import type { Organization } from '../../../contracts/identity.ts'
import { buildOrgTree, subtreeIds } from './orgTree.ts'

const org = (id: string, parentId: string | null, sort = 0): Organization => ({
  id,
  parentId,
  kind: parentId ? 'district' : 'city',
  code: id,
  nameZh: `机构${id}`,
  nameEn: `Org ${id}`,
  divisionCode: null,
  functionalZone: false,
  sort,
  active: true,
  districtId: null,
})

describe('organization tree', () => {
  const list = [
    org('b', 'root', 2),
    org('root', null),
    org('a', 'root', 1),
    org('a1', 'a'),
    org('orphan', 'gone'),
  ]

  it('nests children under parents in sort order and keeps orphans as roots', () => {
    const tree = buildOrgTree(list, 'en')
    expect(tree.map((n) => n.key)).toEqual(['orphan', 'root'])
    const root = tree.find((n) => n.key === 'root')!
    expect(root.children.map((n) => n.key)).toEqual(['a', 'b'])
    expect(root.children[0]!.children.map((n) => n.title)).toEqual(['Org a1'])
    expect(buildOrgTree(list, 'zh-CN')[1]!.title).toBe('机构root')
  })

  it('collects a subtree', () => {
    expect([...subtreeIds(list, 'a')].sort()).toEqual(['a', 'a1'])
  })
})
