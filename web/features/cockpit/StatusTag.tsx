import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { STATUS_COLORS } from './charts.tsx'

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('plan')
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>
}

export function MilestoneTag({ state }: { state: string }) {
  const { t } = useTranslation('plan')
  const color = { pending: 'default', done: 'green', late: 'orange', overdue: 'red' }[state] ?? 'default'
  return <Tag color={color}>{t(`milestone.${state}`)}</Tag>
}
