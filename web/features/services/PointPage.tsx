import { Descriptions, Result, Spin, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import {
  POINT_KIND_LABELS,
  SERVICE_KIND_LABELS,
  type ServicePoint,
} from '../../../contracts/services/index.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { label } from './shared.ts'

/** Portal: one service point of the directory. */
export function PointPage() {
  const { t, i18n } = useTranslation('services')
  const lang = i18n.language
  const { id = '' } = useParams()
  const { data: p, error } = useFetch(() => api.get<ServicePoint>(`/api/service-points/${id}`), [id, lang])
  usePageMeta(
    p ? `${p.name} · ${t('portal.title')} · ${t('site')}` : undefined,
    p ? [p.address, p.openingHours].filter(Boolean).join(' · ') : undefined,
  )
  if (error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('point.notFound')}
        extra={<Link to="/directory">{t('point.back')}</Link>}
      />
    )
  }
  return (
    <>
      <Link to="/directory">{t('point.back')}</Link>
      <ProblemAlert error={error} />
      {!p && !error && <Spin />}
      {p && (
        <>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {p.name}
          </Typography.Title>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('point.kind')}>
              {label(POINT_KIND_LABELS[p.kind], lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('point.district')}>{p.districtName}</Descriptions.Item>
            <Descriptions.Item label={t('point.address')}>{p.address}</Descriptions.Item>
            <Descriptions.Item label={t('point.phones')}>
              {p.contacts.map((c) => (
                <div key={c.phone}>
                  {c.label ? `${c.label}：` : ''}
                  <a href={`tel:${c.phone}`}>{c.phone}</a>
                </div>
              ))}
            </Descriptions.Item>
            {p.email && (
              <Descriptions.Item label={t('point.email')}>
                <a href={`mailto:${p.email}`}>{p.email}</a>
              </Descriptions.Item>
            )}
            {p.openingHours && (
              <Descriptions.Item label={t('point.hours')}>{p.openingHours}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('point.services')}>
              {p.services.map((s) => (
                <Tag key={s}>{label(SERVICE_KIND_LABELS[s], lang)}</Tag>
              ))}
            </Descriptions.Item>
            {p.description && (
              <Descriptions.Item label={t('point.description')}>{p.description}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('point.coordinates')}>
              {p.lat.toFixed(4)}, {p.lng.toFixed(4)}
            </Descriptions.Item>
            {p.establishedOn && (
              <Descriptions.Item label={t('point.established')}>{p.establishedOn}</Descriptions.Item>
            )}
          </Descriptions>
        </>
      )}
    </>
  )
}
