import { describe, expect, it } from 'vitest'
import { permissionsOf } from '../../contracts/access.ts'
import { menuFor } from './menu.tsx'

describe('workbench menu', () => {
  it('follows the role permissions', () => {
    const paths = (role: Parameters<typeof permissionsOf>[0]) =>
      menuFor([...permissionsOf(role)]).map((e) => e.path)
    expect(paths(['admin'])).toContain('/workbench/admin/audit')
    expect(paths(['clerk'])).toContain('/workbench/registrations')
    expect(paths(['clerk'])).not.toContain('/workbench/admin/tokens')
    expect(paths(['officer'])).not.toContain('/workbench/registrations')
    expect(paths(['leader'])).toContain('/cockpit')
    expect(paths(['leader'])).toContain('/cockpit/plan')
    expect(paths(['clerk'])).toContain('/cockpit/unit')
    expect(paths(['clerk'])).not.toContain('/cockpit/office')
    expect(paths(['planner'])).toContain('/cockpit/office')
    expect(paths(['enterprise'])).not.toContain('/workbench')
    expect(paths(['clerk'])).toContain('/workbench/service-points')
    expect(paths(['officer'])).not.toContain('/workbench/service-points')
    expect(paths(['clerk'])).toEqual(
      expect.arrayContaining(['/workbench/registry', '/workbench/key-enterprises']),
    )
    expect(paths(['officer'])).not.toContain('/workbench/registry')
  })
})
