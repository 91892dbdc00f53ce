import type { Organization } from '../../../contracts/identity.ts'

export type OrgNode = {
  key: string
  title: string
  org: Organization
  children: OrgNode[]
}

/**
 * Builds the organization tree from the API's flat list (parentId links), siblings ordered by
 * `sort` then code. An organization whose parent is missing is kept as a root, never dropped.
 */
export function buildOrgTree(list: readonly Organization[], lang: string): OrgNode[] {
  const nodes = new Map<string, OrgNode>()
  for (const org of list)
    nodes.set(org.id, { key: org.id, title: lang === 'en' ? org.nameEn : org.nameZh, org, children: [] })
  const roots: OrgNode[] = []
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const order = (a: OrgNode, b: OrgNode) => a.org.sort - b.org.sort || a.org.code.localeCompare(b.org.code)
  const sortDeep = (items: OrgNode[]) => {
    items.sort(order)
    for (const item of items) sortDeep(item.children)
  }
  sortDeep(roots)
  return roots
}

/** The ids of `id` and all its descendants (a node cannot move under one of these). */
export function subtreeIds(list: readonly Organization[], id: string): Set<string> {
  const out = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const o of list)
      if (o.parentId && out.has(o.parentId) && !out.has(o.id)) {
        out.add(o.id)
        grew = true
      }
  }
  return out
}

export type OrgOption = { value: string; title: string; disabled?: boolean; children: OrgOption[] }

/** TreeSelect options for choosing an organization; `disabled` ids are shown but not selectable. */
export function orgOptions(
  nodes: readonly OrgNode[],
  disabled: ReadonlySet<string> = new Set(),
): OrgOption[] {
  return nodes.map((n) => ({
    value: n.key,
    title: n.title,
    disabled: disabled.has(n.key),
    children: orgOptions(n.children, disabled),
  }))
}
