import { Card, Collapse, Empty, Form, List, Pagination, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Article, ContentKind } from '../../../../contracts/content.ts'
import { POLICY_VALIDITIES } from '../../../../contracts/content.ts'
import { api, type Page } from '../../../app/api.ts'
import { useFetch } from '../../../app/useFetch.ts'
import { ProblemAlert } from '../../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../../components/usePageMeta.ts'
import { contentPath } from '../paths.ts'
import { RichText } from '../RichText.tsx'

const PAGE_SIZE = 10
// Ant Design's green and orange tags fall below 4.5:1; blue and purple pass.
const validityColor = { in_force: 'blue', amended: 'purple', repealed: 'default' } as const

function usePage() {
  const [params, setParams] = useSearchParams()
  const page = Number(params.get('page') ?? 1) || 1
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k)
      else next.set(k, v)
    }
    if (!('page' in changes)) next.delete('page')
    setParams(next)
  }
  return { params, page, set }
}

/** Portal list of news and notices, or of how-to guides. */
export function ContentListPage({ section }: { section: 'news' | 'guides' }) {
  const { t, i18n } = useTranslation('content')
  const { page, set } = usePage()
  const kinds: ContentKind[] = section === 'news' ? ['news', 'notice'] : ['guide']
  usePageMeta(`${t(`portal.${section}.title`)} · ${t('site')}`, t(`portal.${section}.description`))
  const result = useFetch(
    () => api.get<Page<Article>>('/api/articles', { kind: kinds.join(','), page, pageSize: PAGE_SIZE }),
    [section, page, i18n.language],
  )
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t(`portal.${section}.title`)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(`portal.${section}.description`)}</Typography.Paragraph>
      </header>
      <ProblemAlert error={result.error} />
      <Card>
        <List<Article>
          loading={result.loading}
          dataSource={result.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('portal.empty')} /> }}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              extra={<Typography.Text type="secondary">{a.publishedAt?.slice(0, 10)}</Typography.Text>}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {a.kind === 'notice' && <Tag color="red">{t('kind.notice')}</Tag>}
                    <Link to={contentPath(a.kind, a.id)}>{a.title}</Link>
                  </Space>
                }
                description={a.summary}
              />
            </List.Item>
          )}
        />
        {(result.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={result.data?.total}
            showSizeChanger={false}
            onChange={(p) => set({ page: String(p) })}
          />
        )}
      </Card>
    </Space>
  )
}

/** Portal list of policy documents, filtered by issuing authority, validity and year of issue. */
export function PolicyListPage() {
  const { t, i18n } = useTranslation('content')
  const { params, page, set } = usePage()
  usePageMeta(`${t('portal.policies.title')} · ${t('site')}`, t('portal.policies.description'))
  const authority = params.get('authority') ?? undefined
  const validity = params.get('validity') ?? undefined
  const year = params.get('year') ?? undefined
  const facets = useFetch(
    () => api.get<{ authorities: string[]; years: number[] }>('/api/articles/policy-facets'),
    [],
  )
  const result = useFetch(
    () =>
      api.get<Page<Article>>('/api/articles', {
        kind: 'policy',
        authority,
        validity,
        year,
        page,
        pageSize: PAGE_SIZE,
      }),
    [authority, validity, year, page, i18n.language],
  )
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('portal.policies.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.policies.description')}</Typography.Paragraph>
      </header>
      <Card>
        <Form layout="inline" aria-label={t('portal.policies.filters')} style={{ rowGap: 12 }}>
          <Form.Item label={t('policy.authority')} htmlFor="policy-authority">
            <Select
              id="policy-authority"
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('portal.all')}
              value={authority}
              onChange={(v) => set({ authority: v ?? null })}
              options={(facets.data?.authorities ?? []).map((a) => ({ value: a, label: a }))}
            />
          </Form.Item>
          <Form.Item label={t('policy.validity')} htmlFor="policy-validity">
            <Select
              id="policy-validity"
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('portal.all')}
              value={validity}
              onChange={(v) => set({ validity: v ?? null })}
              options={POLICY_VALIDITIES.map((v) => ({ value: v, label: t(`validity.${v}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('policy.year')} htmlFor="policy-year">
            <Select
              id="policy-year"
              allowClear
              style={{ minWidth: 110 }}
              placeholder={t('portal.all')}
              value={year}
              onChange={(v) => set({ year: v ?? null })}
              options={(facets.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <ProblemAlert error={result.error} />
      <Card>
        <List<Article>
          loading={result.loading}
          dataSource={result.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('portal.empty')} /> }}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <List.Item.Meta
                title={<Link to={contentPath(a.kind, a.id)}>{a.title}</Link>}
                description={
                  a.policy && (
                    <Space wrap size={8}>
                      <span>{a.policy.authority}</span>
                      {a.policy.documentNumber && <span>{a.policy.documentNumber}</span>}
                      <span>
                        {t('policy.issueDate')}：{a.policy.issueDate}
                      </span>
                      <Tag color={validityColor[a.policy.validity]}>{t(`validity.${a.policy.validity}`)}</Tag>
                    </Space>
                  )
                }
              />
            </List.Item>
          )}
        />
        {(result.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={result.data?.total}
            showSizeChanger={false}
            onChange={(p) => set({ page: String(p) })}
          />
        )}
      </Card>
    </Space>
  )
}

/** Portal FAQ: questions grouped by category, each answer in a collapsible panel (keyboard operable). */
export function FaqPage() {
  const { t, i18n } = useTranslation('content')
  usePageMeta(`${t('portal.faq.title')} · ${t('site')}`, t('portal.faq.description'))
  const result = useFetch(
    () => api.get<Page<Article>>('/api/articles', { kind: 'faq', pageSize: 200 }),
    [i18n.language],
  )
  const groups = new Map<string, Article[]>()
  for (const item of result.data?.items ?? []) {
    const key = item.category ?? t('portal.faq.other')
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('portal.faq.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.faq.description')}</Typography.Paragraph>
      </header>
      <ProblemAlert error={result.error} />
      {!result.loading && groups.size === 0 && <Empty description={t('portal.empty')} />}
      {[...groups.entries()].map(([category, items]) => (
        <section key={category} aria-labelledby={`faq-${category}`}>
          <Typography.Title level={2} id={`faq-${category}`} style={{ fontSize: 18 }}>
            {category}
          </Typography.Title>
          <Collapse
            items={items.map((item) => ({
              key: item.id,
              label: <span id={item.id}>{item.title}</span>,
              children: <RichText html={item.body} />,
            }))}
          />
        </section>
      ))}
    </Space>
  )
}
