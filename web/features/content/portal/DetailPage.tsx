import { PaperClipOutlined } from '@ant-design/icons'
import { Breadcrumb, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Article } from '../../../../contracts/content.ts'
import { api } from '../../../app/api.ts'
import { useFetch } from '../../../app/useFetch.ts'
import { ButtonLink } from '../../../components/ButtonLink.tsx'
import { ProblemAlert } from '../../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../../components/usePageMeta.ts'
import { kindLabel } from '../labels.ts'
import { RichText } from '../RichText.tsx'

type Section = 'news' | 'policies' | 'guides'
const KINDS: Record<Section, readonly string[]> = {
  news: ['news', 'notice'],
  policies: ['policy'],
  guides: ['guide'],
}

function description(a: Article): string {
  if (a.summary) return a.summary
  return (new DOMParser().parseFromString(a.body, 'text/html').body.textContent ?? '').slice(0, 160)
}

const bytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`

/** A published news item, notice, policy document or guide on the portal. */
export function ContentDetailPage({ section }: { section: Section }) {
  const { t, i18n } = useTranslation('content')
  const { id = '' } = useParams()
  const result = useFetch(() => api.get<Article>(`/api/articles/${id}`), [id, i18n.language])
  const a = result.data && KINDS[section].includes(result.data.kind) ? result.data : undefined
  usePageMeta(
    a ? `${a.title} · ${kindLabel(a.kind, i18n.language)} · ${t('site')}` : undefined,
    a && description(a),
  )

  if (result.loading && !result.data) return <Skeleton active />
  if (result.error?.status === 404 || (result.data && !a))
    return (
      <Result
        status="404"
        title={t('portal.notFound')}
        extra={<Link to={`/${section}`}>{t(`portal.${section}.back`)}</Link>}
      />
    )
  if (!a) return <ProblemAlert error={result.error} />
  return (
    <article aria-labelledby="content-title">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/">{t('portal.home')}</Link> },
          { title: <Link to={`/${section}`}>{t(`portal.${section}.title`)}</Link> },
          { title: a.title },
        ]}
      />
      <Card>
        <Typography.Title id="content-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {a.title}
        </Typography.Title>
        <Space wrap size={8} style={{ marginBottom: 16 }}>
          <Tag color="blue">{kindLabel(a.kind, i18n.language)}</Tag>
          {a.publishedAt && (
            <Typography.Text type="secondary">
              {t('portal.publishedOn')}：{a.publishedAt.slice(0, 10)}
            </Typography.Text>
          )}
        </Space>
        {a.policy && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'authority', label: t('policy.authority'), children: a.policy.authority },
              { key: 'number', label: t('policy.documentNumber'), children: a.policy.documentNumber ?? '—' },
              { key: 'issue', label: t('policy.issueDate'), children: a.policy.issueDate },
              { key: 'effective', label: t('policy.effectiveDate'), children: a.policy.effectiveDate ?? '—' },
              {
                key: 'expiry',
                label: t('policy.expiryDate'),
                children: a.policy.expiryDate ?? t('policy.noExpiry'),
              },
              { key: 'validity', label: t('policy.validity'), children: t(`validity.${a.policy.validity}`) },
            ]}
          />
        )}
        {a.summary && <Typography.Paragraph strong>{a.summary}</Typography.Paragraph>}
        <RichText html={a.body} />
        {a.guide && (
          <>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('guide.steps')}
            </Typography.Title>
            <ol className="zhibao-guide-steps" style={{ paddingLeft: 24, lineHeight: 1.8 }}>
              {a.guide.steps.map((s) => (
                <li key={`${s.title}-${s.description}`} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  {s.description && <div>{s.description}</div>}
                </li>
              ))}
            </ol>
            <Descriptions
              bordered
              size="small"
              column={1}
              style={{ margin: '16px 0' }}
              items={[
                {
                  key: 'materials',
                  label: t('guide.materials'),
                  children: a.guide.materials.length ? (
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {a.guide.materials.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  ),
                },
                { key: 'time', label: t('guide.timeLimit'), children: a.guide.timeLimit || '—' },
                { key: 'fees', label: t('guide.fees'), children: a.guide.fees || '—' },
              ]}
            />
            {a.guide.applyOnline.length > 0 && (
              <nav aria-label={t('guide.applyOnline')}>
                <Typography.Title level={2} style={{ fontSize: 18 }}>
                  {t('guide.applyOnline')}
                </Typography.Title>
                <Space wrap>
                  {a.guide.applyOnline.map((l) =>
                    l.href.startsWith('/') ? (
                      <ButtonLink key={l.href} to={l.href} type="primary">
                        {l.label}
                      </ButtonLink>
                    ) : (
                      <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer">
                        {l.label}
                      </a>
                    ),
                  )}
                </Space>
              </nav>
            )}
          </>
        )}
        {a.attachments.length > 0 && (
          <section aria-labelledby="attachments-title" style={{ marginTop: 16 }}>
            <Typography.Title id="attachments-title" level={2} style={{ fontSize: 18 }}>
              {t('attachments.title')}
            </Typography.Title>
            <ul style={{ paddingLeft: 20 }}>
              {a.attachments.map((f) => (
                <li key={f.id}>
                  <PaperClipOutlined aria-hidden />{' '}
                  <a href={`/api/articles/${a.id}/attachments/${f.id}/file`} download={f.fileName}>
                    {f.fileName}
                  </a>{' '}
                  <Typography.Text type="secondary">({bytes(f.size)})</Typography.Text>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Card>
    </article>
  )
}
