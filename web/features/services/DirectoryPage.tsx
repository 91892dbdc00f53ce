import { Card, Col, Empty, Form, Input, List, Row, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import {
  POINT_KIND_LABELS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  type ServicePoint,
} from '../../../contracts/services/index.ts'
import { api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { PointsMap } from './PointsMap.tsx'
import { label, loadDistricts } from './shared.ts'

const FILTERS = ['service', 'districtId', 'q'] as const

/** Portal: the service directory, filtered by service, district and text (kept in the URL), on a map and in a list. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation('services')
  const lang = i18n.language
  usePageMeta(`${t('portal.title')} · ${t('site')}`, t('portal.description'))
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const query: Record<string, string> = { pageSize: '200' }
  for (const f of FILTERS) {
    const v = params.get(f)
    if (v) query[f] = v
  }
  const points = useFetch(() => api.get<Page<ServicePoint>>('/api/service-points', query), [query, lang])
  const districts = useFetch(loadDistricts, [])
  const set = (name: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next)
  }
  const items = points.data?.items ?? []

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('portal.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.description')}</Typography.Paragraph>
      <Form layout="inline" aria-label={t('portal.filters')} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('portal.service')} htmlFor="directory-service">
          <Select
            id="directory-service"
            style={{ minWidth: 200 }}
            value={params.get('service') ?? ''}
            onChange={(v: string) => set('service', v || undefined)}
            options={[
              { value: '', label: t('portal.anyService') },
              ...SERVICE_KINDS.map((s) => ({ value: s, label: label(SERVICE_KIND_LABELS[s], lang) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('portal.district')} htmlFor="directory-district">
          <Select
            id="directory-district"
            style={{ minWidth: 200 }}
            value={params.get('districtId') ?? ''}
            onChange={(v: string) => set('districtId', v || undefined)}
            options={[
              { value: '', label: t('portal.anyDistrict') },
              ...(districts.data ?? []).map((d) => ({
                value: d.id,
                label: lang === 'en' ? d.nameEn : d.nameZh,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('portal.text')} htmlFor="directory-text">
          <Input.Search
            id="directory-text"
            type="search"
            allowClear
            defaultValue={params.get('q') ?? ''}
            key={params.get('q') ?? ''}
            onSearch={(v) => set('q', v.trim() || undefined)}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={points.error} />
      <p aria-live="polite" data-testid="directory-count">
        {points.data ? t('portal.count', { count: points.data.total }) : ''}
      </p>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <PointsMap
              points={items}
              districts={districts.data ?? []}
              lang={lang}
              label={t('portal.map', { count: items.length })}
              onOpen={(id) => navigate(`/directory/${id}`)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <section aria-label={t('portal.list')}>
            <List
              loading={points.loading}
              dataSource={items}
              locale={{ emptyText: <Empty description={t('portal.empty')} /> }}
              renderItem={(p) => (
                <List.Item key={p.id}>
                  <article style={{ width: '100%' }}>
                    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                      <Link to={`/directory/${p.id}`}>{p.name}</Link>
                    </Typography.Title>
                    <Space wrap size={4} style={{ margin: '4px 0' }}>
                      <Tag color="red">{label(POINT_KIND_LABELS[p.kind], lang)}</Tag>
                      {p.districtName && <Tag>{p.districtName}</Tag>}
                    </Space>
                    <div>{p.address}</div>
                    <Space wrap size={12}>
                      {p.contacts.map((c) => (
                        <a key={c.phone} href={`tel:${c.phone}`}>
                          {c.label ? `${c.label} ` : ''}
                          {c.phone}
                        </a>
                      ))}
                      {p.openingHours && <Typography.Text type="secondary">{p.openingHours}</Typography.Text>}
                    </Space>
                    <div style={{ marginTop: 4 }}>
                      {p.services.map((s) => (
                        <Tag key={s} bordered={false}>
                          {label(SERVICE_KIND_LABELS[s], lang)}
                        </Tag>
                      ))}
                    </div>
                  </article>
                </List.Item>
              )}
            />
          </section>
        </Col>
      </Row>
    </>
  )
}
