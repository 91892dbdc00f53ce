import { Card, Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { TalentProfile } from '../../../contracts/classroom/index.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'

/** Portal: one published talent profile (contact details only where consented). */
export function TalentProfilePage() {
  const { t } = useTranslation('classroom')
  const { id = '' } = useParams()
  const profile = useFetch(
    () => api.get<TalentProfile>(`/api/talent/profiles/${encodeURIComponent(id)}`),
    [id],
  )
  const p = profile.data
  usePageMeta(
    p ? `${p.name} · ${t('talent.title')} · ${t('site')}` : undefined,
    p ? [p.title, p.organization, p.topics.join('、')].filter(Boolean).join(' · ') : undefined,
  )
  return (
    <Card
      loading={profile.loading}
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {p?.name ?? t('talent.title')}
        </Typography.Title>
      }
      extra={<Link to="/talent">{t('talent.back')}</Link>}
    >
      <ProblemAlert error={profile.error} />
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {p.photoUrl && (
            <img
              src={p.photoUrl}
              alt={t('talent.photoAlt', { name: p.name })}
              style={{ width: 160, height: 200, objectFit: 'cover', borderRadius: 4 }}
            />
          )}
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('talent.kind')}>{t(`kind.${p.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('talentAdmin.jobTitle')}>{p.title || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('talentAdmin.organization')}>
              {p.organization || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('talent.ipcSection')}>
              {p.ipcSections.map((s) => (
                <Tag key={s} color="blue">
                  {s} · {t(`ipc.${s}`)}
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('talentAdmin.topics')}>
              {p.topics.map((topic) => (
                <Tag key={topic}>{topic}</Tag>
              ))}
            </Descriptions.Item>
            {(p.phone || p.email) && (
              <Descriptions.Item label={t('talent.contact')}>
                {[p.phone, p.email].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            )}
          </Descriptions>
          {p.bio && <Typography.Paragraph>{p.bio}</Typography.Paragraph>}
        </Space>
      )}
    </Card>
  )
}
