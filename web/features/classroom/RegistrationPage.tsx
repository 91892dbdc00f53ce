import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { Registration } from '../../../contracts/classroom/index.ts'
import { ApiError, api, withQuery } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { chinaDateTime } from './format.ts'

/**
 * Portal: a public registrant's own registration, reached by the link shown after registering (its
 * access code in the query): status, cancellation and the certificate once attended.
 */
export function RegistrationPage() {
  const { t } = useTranslation('classroom')
  const { message } = App.useApp()
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const code = params.get('code') ?? undefined
  usePageMeta(`${t('registration.title')} · ${t('site')}`, t('portal.description'))
  const reg = useFetch(
    () => api.get<Registration>(`/api/classroom/registrations/${encodeURIComponent(id)}`, { code }),
    [id, code],
  )
  const r = reg.data
  const cancel = async () => {
    try {
      await api.post(`/api/classroom/registrations/${encodeURIComponent(id)}/cancellation`, { code })
      message.success(t('mine.cancelled'))
      void reg.reload()
    } catch (e) {
      message.error(e instanceof ApiError ? e.problem.title : String(e))
    }
  }
  return (
    <Card
      loading={reg.loading}
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('registration.title')}
        </Typography.Title>
      }
      extra={<Link to="/classroom">{t('session.back')}</Link>}
    >
      <ProblemAlert error={reg.error} />
      {r && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('registration.keepLink')} />
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('course.title')}>
              <Link to={`/classroom/sessions/${r.sessionId}`}>{r.courseTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('session.startsAt')}>{chinaDateTime(r.startsAt)}</Descriptions.Item>
            <Descriptions.Item label={t('session.place')}>{r.place || t('session.online')}</Descriptions.Item>
            <Descriptions.Item label={t('register.name')}>{r.name}</Descriptions.Item>
            <Descriptions.Item label={t('register.phone')}>{r.phone}</Descriptions.Item>
            <Descriptions.Item label={t('mine.status')}>
              <Tag color={r.status === 'cancelled' ? undefined : 'blue'}>
                {r.attended ? t('status.attended') : t(`status.${r.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('mine.certificate')}>
              {r.attended && r.certificateNumber ? (
                <a
                  href={withQuery(`/api/classroom/registrations/${r.id}/certificate`, { code })}
                  download={`certificate-${r.certificateNumber}.pdf`}
                  aria-label={t('mine.downloadLabel', { course: r.courseTitle })}
                >
                  {t('mine.download')}（{r.certificateNumber}）
                </a>
              ) : (
                t('registration.noCertificate')
              )}
            </Descriptions.Item>
          </Descriptions>
          {r.status !== 'cancelled' && !r.attended && (
            <Popconfirm title={t('mine.cancelConfirm')} onConfirm={cancel}>
              <Button danger>{t('mine.cancel')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Card>
  )
}
