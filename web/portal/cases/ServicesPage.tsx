import { Card, Col, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth.tsx'
import { ButtonLink } from '../../components/ButtonLink.tsx'
import { INTAKE_KINDS } from './IntakePage.tsx'

/** Portal: the services hub — intake forms, the deadline calculator, following a submission. */
export function ServicesPage() {
  const { t } = useTranslation('cases')
  const { user } = useAuth()
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('services.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {INTAKE_KINDS.map((k) => (
          <Col key={k} xs={24} sm={12} lg={6}>
            <Card title={t(`intake.${k}.title`)} style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">{t(`intake.${k}.short`)}</Typography.Paragraph>
              <ButtonLink to={`/services/${k}`} type="primary" block>
                {t('services.start')}
              </ButtonLink>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} sm={8}>
          <ButtonLink to="/deadline-calculator" block>
            {t('services.calculator')}
          </ButtonLink>
        </Col>
        <Col xs={24} sm={8}>
          <ButtonLink to="/services/track" block>
            {t('services.track')}
          </ButtonLink>
        </Col>
        {user && (
          <Col xs={24} sm={8}>
            <ButtonLink to="/services/mine" block>
              {t('services.mine')}
            </ButtonLink>
          </Col>
        )}
      </Row>
    </>
  )
}
