import { Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { ROLE_LABELS, type Role } from '../../contracts/access.ts'

export function roleLabel(role: Role, lang: string): string {
  return lang === 'en' ? ROLE_LABELS[role].en : ROLE_LABELS[role].zh
}

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { i18n } = useTranslation()
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color="red">
          {roleLabel(r, i18n.language)}
        </Tag>
      ))}
    </Space>
  )
}
