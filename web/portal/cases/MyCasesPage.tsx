import { Card, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import type { MyCases } from '../../features/cases/model.ts'
import { PartyCaseCard } from './PartyCaseCard.tsx'

/**
 * Portal: the signed-in user's cases (those it or its enterprise submitted, and those naming the
 * enterprise as respondent), each with the notices addressed to it to download.
 */
export function MyCasesPage() {
  const { t } = useTranslation('cases')
  const mine = useFetch(() => api.get<MyCases>('/api/my/cases'), [])
  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }} loading={mine.loading && !mine.data}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('portal.mineTitle')}
      </Typography.Title>
      <ProblemAlert error={mine.error} />
      {mine.data?.items.length === 0 && <Empty description={t('portal.none')} />}
      {mine.data?.items.map((c) => (
        <PartyCaseCard key={c.id} item={c} documents />
      ))}
    </Card>
  )
}
