import { PlusOutlined } from '@ant-design/icons'
import { Card, Form, Select, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import {
  type Article,
  CONTENT_KINDS,
  CONTENT_STATES,
  type ContentState,
} from '../../../../contracts/content.ts'
import { api, type Page } from '../../../app/api.ts'
import { useAuth } from '../../../app/auth.tsx'
import { useFetch } from '../../../app/useFetch.ts'
import { ButtonLink } from '../../../components/ButtonLink.tsx'
import { ProblemAlert } from '../../../components/ProblemAlert.tsx'
import { kindLabel } from '../labels.ts'

export const STATE_COLORS: Record<ContentState, string> = {
  draft: 'default',
  in_review: 'gold',
  scheduled: 'purple',
  published: 'green',
  archived: 'default',
}

/**
 * Workbench: content items in the caller's scope, filtered by kind and state; as the review queue
 * (`review`), the items waiting for a reviewer.
 */
export function ContentListPage({ review = false }: { review?: boolean }) {
  const { t, i18n } = useTranslation('content')
  const { can } = useAuth()
  const [params, setParams] = useSearchParams()
  const kind = params.get('kind') ?? undefined
  const status = review ? 'in_review' : (params.get('status') ?? undefined)
  const page = Number(params.get('page') ?? 1) || 1
  const set = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'page') next.delete('page')
    setParams(next)
  }
  const result = useFetch(
    () => api.get<Page<Article>>('/api/articles', { kind, status, page, pageSize: 20 }),
    [kind, status, page, i18n.language],
  )
  const title = review ? t('workbench.reviewQueue') : t('workbench.title')
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {!review && can('content.manage') && (
          <ButtonLink
            to="/workbench/content/new"
            type="primary"
            icon={<PlusOutlined />}
            data-testid="content-new"
          >
            {t('workbench.new')}
          </ButtonLink>
        )}
      </Space>
      <Card size="small">
        <Form layout="inline" aria-label={t('workbench.filters')}>
          <Form.Item label={t('field.kind')} htmlFor="content-filter-kind">
            <Select
              id="content-filter-kind"
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('portal.all')}
              value={kind}
              onChange={(v) => set('kind', v)}
              options={CONTENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, i18n.language) }))}
            />
          </Form.Item>
          {!review && (
            <Form.Item label={t('field.status')} htmlFor="content-filter-status">
              <Select
                id="content-filter-status"
                allowClear
                style={{ minWidth: 140 }}
                placeholder={t('portal.all')}
                value={status}
                onChange={(v) => set('status', v)}
                options={CONTENT_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      <ProblemAlert error={result.error} />
      <Table<Article>
        rowKey="id"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: result.data?.total,
          showSizeChanger: false,
          onChange: (p) => set('page', String(p)),
        }}
        columns={[
          {
            title: t('field.title'),
            dataIndex: 'title',
            render: (v: string, a) => <Link to={`/workbench/content/${a.id}`}>{v}</Link>,
          },
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: Article['kind']) => kindLabel(k, i18n.language),
          },
          {
            title: t('field.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: ContentState) => <Tag color={STATE_COLORS[s]}>{t(`state.${s}`)}</Tag>,
          },
          {
            title: t('field.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (v: string) => new Date(v).toLocaleString(i18n.language),
          },
        ]}
      />
    </Space>
  )
}
