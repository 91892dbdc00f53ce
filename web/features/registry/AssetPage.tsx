import { Card, Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ASSET_KIND_LABELS, ASSET_STATUS_LABELS, type Asset } from '../../../contracts/registry.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { currentLanguage } from '../../i18n/index.ts'

/** Portal: one registered IP asset (published ones for the public; staff and holders see their own). */
export function AssetPage() {
  const { t } = useTranslation('search')
  const { id = '' } = useParams()
  const asset = useFetch(() => api.get<Asset>(`/api/registry/assets/${encodeURIComponent(id)}`), [id])
  const lang = currentLanguage() === 'en' ? 'en' : 'zh'
  const a = asset.data
  return (
    <Card
      loading={asset.loading}
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {a?.title ?? t('asset.title')}
        </Typography.Title>
      }
      extra={<Link to="/search">{t('asset.back')}</Link>}
    >
      <ProblemAlert error={asset.error} />
      {a && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('asset.kind')}>
              {ASSET_KIND_LABELS[a.kind][lang]}
              {a.subtype && ` · ${t(`asset.subtype.${a.subtype}`)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('asset.number')}>{a.number}</Descriptions.Item>
            <Descriptions.Item label={t('asset.status')}>
              {ASSET_STATUS_LABELS[a.status][lang]}
            </Descriptions.Item>
            <Descriptions.Item label={t('asset.holders')}>
              {a.holders.map((h) => (h.uscc ? `${h.name}（${h.uscc}）` : h.name)).join('；')}
            </Descriptions.Item>
            {a.districtName && (
              <Descriptions.Item label={t('asset.district')}>{a.districtName}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('asset.filedOn')}>{a.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('asset.grantedOn')}>{a.grantedOn ?? '—'}</Descriptions.Item>
            {a.ipc.length > 0 && (
              <Descriptions.Item label="IPC">
                {a.ipc.map((c) => (
                  <Tag key={c}>{c}</Tag>
                ))}
              </Descriptions.Item>
            )}
            {a.locarno.length > 0 && (
              <Descriptions.Item label={t('registry:assets.locarno')}>
                {a.locarno.map((c) => (
                  <Tag key={c}>{c}</Tag>
                ))}
              </Descriptions.Item>
            )}
            {a.niceClasses.length > 0 && (
              <Descriptions.Item label={t('asset.nice')}>
                {a.niceClasses.map((c) => (
                  <Tag key={c}>{c}</Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
          {a.abstract && <Typography.Paragraph>{a.abstract}</Typography.Paragraph>}
        </Space>
      )}
    </Card>
  )
}
