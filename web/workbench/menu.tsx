import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CrownOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  KeyOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import type { Permission } from '../../contracts/access.ts'

export type MenuEntry = {
  path: string
  labelKey: string
  icon: ReactNode
  permission: Permission
  group?: 'admin'
}

/**
 * The workbench menu: each entry names the permission it needs, so a role's menu is computed from
 * the same table (contracts/access.ts) the server enforces. Later modules append their entries.
 */
export const MENU: MenuEntry[] = [
  { path: '/workbench', labelKey: 'menu.myWork', icon: <HomeOutlined />, permission: 'workbench.access' },
  {
    path: '/workbench/inbox',
    labelKey: 'menu.inbox',
    icon: <BellOutlined />,
    permission: 'workbench.access',
  },
  {
    path: '/workbench/registrations',
    labelKey: 'menu.registrations',
    icon: <FileDoneOutlined />,
    permission: 'registration.review',
  },
  {
    path: '/workbench/entities',
    labelKey: 'menu.entities',
    icon: <ShopOutlined />,
    permission: 'entity.read',
  },
  { path: '/workbench/cases', labelKey: 'menu.cases', icon: <FolderOpenOutlined />, permission: 'case.read' },
  {
    path: '/workbench/deadlines',
    labelKey: 'menu.deadlines',
    icon: <FieldTimeOutlined />,
    permission: 'case.read',
  },
  {
    path: '/workbench/supervision',
    labelKey: 'menu.supervision',
    icon: <AlertOutlined />,
    permission: 'case.read',
  },
  {
    path: '/workbench/case-statistics',
    labelKey: 'menu.caseStatistics',
    icon: <BarChartOutlined />,
    permission: 'case.read',
  },
  {
    path: '/workbench/evidence',
    labelKey: 'menu.evidence',
    icon: <SafetyCertificateOutlined />,
    permission: 'case.read',
  },
  {
    path: '/workbench/content',
    labelKey: 'content:menu.content',
    icon: <ReadOutlined />,
    permission: 'content.manage',
  },
  {
    path: '/workbench/content-review',
    labelKey: 'content:menu.review',
    icon: <CheckSquareOutlined />,
    permission: 'content.review',
  },
  {
    path: '/workbench/inspections',
    labelKey: 'menu.inspections',
    icon: <SearchOutlined />,
    permission: 'inspection.read',
  },
  {
    path: '/workbench/inspections/observer',
    labelKey: 'inspections:menu.observer',
    icon: <AuditOutlined />,
    permission: 'inspection.observe',
  },
  {
    path: '/workbench/classroom',
    labelKey: 'classroom:menu.classroom',
    icon: <BookOutlined />,
    permission: 'classroom.manage',
  },
  {
    path: '/workbench/talent',
    labelKey: 'classroom:menu.talent',
    icon: <TeamOutlined />,
    permission: 'talent.manage',
  },
  {
    path: '/workbench/service-points',
    labelKey: 'services:menu.directory',
    icon: <EnvironmentOutlined />,
    permission: 'directory.manage',
  },
  {
    path: '/workbench/registry',
    labelKey: 'registry:menu.assets',
    icon: <DatabaseOutlined />,
    permission: 'registry.manage',
  },
  {
    path: '/workbench/key-enterprises',
    labelKey: 'registry:menu.keyEnterprises',
    icon: <CrownOutlined />,
    permission: 'registry.manage',
  },
  {
    path: '/workbench/admin/organizations',
    labelKey: 'menu.organizations',
    icon: <ApartmentOutlined />,
    permission: 'org.read',
    group: 'admin',
  },
  {
    path: '/workbench/admin/users',
    labelKey: 'menu.users',
    icon: <UserOutlined />,
    permission: 'user.read',
    group: 'admin',
  },
  {
    path: '/workbench/admin/tokens',
    labelKey: 'menu.tokens',
    icon: <KeyOutlined />,
    permission: 'token.manage',
    group: 'admin',
  },
  {
    path: '/workbench/admin/audit',
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    group: 'admin',
  },
  { path: '/cockpit', labelKey: 'menu.cockpit', icon: <DashboardOutlined />, permission: 'cockpit.access' },
  {
    path: '/cockpit/plan',
    labelKey: 'plan:menu.overview',
    icon: <BarChartOutlined />,
    permission: 'cockpit.access',
  },
  {
    path: '/cockpit/unit',
    labelKey: 'plan:menu.myUnit',
    icon: <FlagOutlined />,
    permission: 'cockpit.report',
  },
  {
    path: '/cockpit/office',
    labelKey: 'plan:menu.office',
    icon: <ProfileOutlined />,
    permission: 'cockpit.manage',
  },
]

/** The entries a holder of `permissions` may see, in menu order. */
export function menuFor(permissions: readonly Permission[]): MenuEntry[] {
  const held = new Set(permissions)
  return MENU.filter((e) => held.has(e.permission))
}
