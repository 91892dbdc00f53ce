import { Card, Col, Empty, Input, List, Pagination, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { FACET_SAMPLE, type SearchResponse } from '../../../contracts/search.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { classroomPath } from '../classroom/paths.ts'
import { contentPath } from '../content/paths.ts'
import { Highlight } from './Highlight.tsx'

const FILTERS = ['type', 'district', 'ipc', 'nice', 'from', 'to'] as const
type FacetName = keyof SearchResponse['facets']
const FACET_PARAM: Record<FacetName, string> = {
  type: 'type',
  district: 'district',
  year: 'year',
  ipc: 'ipc',
  nice: 'nice',
}

/**
 * Portal: one search box over the registry, the published articles and (for staff) cases, with facets
 * and pages; each hit links to its own page (a case to the workbench case page).
 */
export function SearchPage() {
  const { t, i18n } = useTranslation('search')
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = Number(params.get('page') ?? 1) || 1
  const query: Record<string, string> = { q, page: String(page), pageSize: '10' }
  for (const f of FILTERS) {
    const v = params.get(f)
    if (v) query[f] = v
  }
  const year = params.get('year')
  if (year) {
    query.from = `${year}-01-01`
    query.to = `${year}-12-31`
  }
  const result = useFetch(() => api.get<SearchResponse>('/api/search', query), [query])

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k)
      else next.set(k, v)
    }
    if (!('page' in changes)) next.delete('page')
    setParams(next)
  }
  const data = result.data
  const active = (name: FacetName, value: string) => params.get(FACET_PARAM[name]) === value

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <search>
        <Input.Search
          aria-label={t('box')}
          placeholder={t('placeholder')}
          defaultValue={q}
          key={q}
          enterButton={t('submit')}
          size="large"
          allowClear
          onSearch={(value) => update({ q: value.trim() || null })}
        />
      </search>
      <ProblemAlert error={result.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={7}>
          <nav aria-label={t('facets')}>
            {data?.facetsSampled && (
              <Typography.Paragraph type="secondary">
                {t('facetsSampled', { sample: FACET_SAMPLE.toLocaleString(i18n.language) })}
              </Typography.Paragraph>
            )}
            {data &&
              (['type', 'district', 'year', 'ipc', 'nice'] as FacetName[]).map((name) =>
                data.facets[name].length === 0 ? null : (
                  <Card key={name} size="small" title={t(`facet.${name}`)} style={{ marginBottom: 12 }}>
                    <Space wrap>
                      {data.facets[name].map((f) => (
                        <Tag.CheckableTag
                          key={f.value}
                          checked={active(name, f.value)}
                          onChange={(checked) => update({ [FACET_PARAM[name]]: checked ? f.value : null })}
                        >
                          {f.label} ({f.count})
                        </Tag.CheckableTag>
                      ))}
                    </Space>
                  </Card>
                ),
              )}
          </nav>
        </Col>
        <Col xs={24} md={17}>
          {data && (
            <Typography.Paragraph aria-live="polite">
              {data.identifier
                ? t('identifierHits', { count: data.total })
                : data.totalIsLowerBound
                  ? t('hitsAtLeast', { total: data.total.toLocaleString(i18n.language) })
                  : t('hits', { count: data.total })}
            </Typography.Paragraph>
          )}
          <List
            loading={result.loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={t('empty')} /> }}
            renderItem={(item) => (
              <List.Item key={`${item.source}:${item.id}`}>
                <article style={{ width: '100%' }}>
                  <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
                    {item.source === 'asset' ? (
                      <Link to={`/registry/assets/${item.id}`}>
                        <Highlight value={item.title} />
                      </Link>
                    ) : item.source === 'service' ? (
                      <Link to={`/directory/${item.id}`}>
                        <Highlight value={item.title} />
                      </Link>
                    ) : item.source === 'article' ? (
                      <Link to={contentPath(item.kind, item.id)}>
                        <Highlight value={item.title} />
                      </Link>
                    ) : item.source === 'case' ? (
                      <Link to={`/workbench/cases/${item.id}`}>
                        <Highlight value={item.title} />
                      </Link>
                    ) : item.source === 'classroom' || item.source === 'talent' ? (
                      <Link to={classroomPath(item.source, item.kind, item.id)}>
                        <Highlight value={item.title} />
                      </Link>
                    ) : (
                      <Highlight value={item.title} />
                    )}
                  </Typography.Title>
                  <Space wrap size={4} style={{ margin: '4px 0' }}>
                    <Tag color="blue">
                      {data?.facets.type.find((f) => f.value === item.kind)?.label ?? item.kind}
                    </Tag>
                    {item.number && <Tag>{item.number}</Tag>}
                    <Typography.Text type="secondary">{item.date}</Typography.Text>
                  </Space>
                  {item.names.text && (
                    <div>
                      <Typography.Text type="secondary">{t('holders')}：</Typography.Text>
                      <Highlight value={item.names} />
                    </div>
                  )}
                  {item.snippet.text && (
                    <Typography.Paragraph style={{ margin: 0 }}>
                      <Highlight value={item.snippet} />
                    </Typography.Paragraph>
                  )}
                </article>
              </List.Item>
            )}
          />
          {data && data.total > 10 && (
            <Pagination
              style={{ marginTop: 16 }}
              current={page}
              total={Math.min(data.total, 5000)}
              pageSize={10}
              showSizeChanger={false}
              onChange={(p) => update({ page: String(p) })}
            />
          )}
        </Col>
      </Row>
    </Space>
  )
}
