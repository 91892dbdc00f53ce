import { Alert, Card, Descriptions, Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { ButtonLink } from '../../components/ButtonLink.tsx'
import type { IntakeResult } from '../../features/cases/model.ts'

/** Portal: what an intake returned — the case and matter numbers, and a one-time tracking secret. */
export function IntakeSubmittedPage() {
  const { t } = useTranslation('cases')
  const state = useLocation().state as { kind?: string; result?: IntakeResult } | null
  if (!state?.result) return <Navigate to="/services" replace />
  const { result } = state
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Result status="success" title={t('submitted.title')} subTitle={t('submitted.subtitle')} />
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('submitted.caseNumber')}>
          <Typography.Text strong copyable data-testid="case-number">
            {result.number}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('submitted.matterNumber')}>
          <Typography.Text copyable>{result.matterNumber}</Typography.Text>
        </Descriptions.Item>
        {result.tracking && (
          <>
            <Descriptions.Item label={t('submitted.trackingCode')}>
              <Typography.Text strong copyable data-testid="tracking-code">
                {result.tracking.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('submitted.trackingSecret')}>
              <Typography.Text strong copyable data-testid="tracking-secret">
                {result.tracking.secret}
              </Typography.Text>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {result.tracking && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('submitted.keepSecret')} />
      )}
      <div style={{ marginTop: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <ButtonLink to={result.tracking ? '/services/track' : '/services/mine'} type="primary">
          {result.tracking ? t('submitted.track') : t('submitted.mine')}
        </ButtonLink>
        <ButtonLink to="/services">{t('submitted.back')}</ButtonLink>
      </div>
    </Card>
  )
}
