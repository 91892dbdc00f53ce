import { Card, Col, Empty, Input, Pagination, Row, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { IPC_SECTIONS, TALENT_KINDS, type TalentProfile } from '../../../contracts/classroom/index.ts'
import { api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'

/** Portal: the talent showcase — experts, patent agents and examiners who consented to be listed. */
export function TalentPage() {
  const { t } = useTranslation('classroom')
  usePageMeta(`${t('talent.title')} · ${t('site')}`, t('talent.description'))
  const [kind, setKind] = useState<string | undefined>()
  const [section, setSection] = useState<string | undefined>()
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const list = useFetch(
    () =>
      api.get<Page<TalentProfile>>('/api/talent/profiles', {
        kind,
        ipcSection: section,
        q,
        page,
        pageSize: 12,
      }),
    [kind, section, q, page],
  )
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('talent.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t('talent.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="talent-kind">{t('talent.kind')}</label>
        <Select
          id="talent-kind"
          style={{ minWidth: 160 }}
          value={kind ?? ''}
          onChange={(v) => {
            setKind(v || undefined)
            setPage(1)
          }}
          options={[
            { value: '', label: t('talent.allKinds') },
            ...TALENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          ]}
        />
        <label htmlFor="talent-section">{t('talent.ipcSection')}</label>
        <Select
          id="talent-section"
          style={{ minWidth: 200 }}
          value={section ?? ''}
          onChange={(v) => {
            setSection(v || undefined)
            setPage(1)
          }}
          options={[
            { value: '', label: t('talent.allSections') },
            ...IPC_SECTIONS.map((s) => ({ value: s, label: `${s} · ${t(`ipc.${s}`)}` })),
          ]}
        />
        <Input.Search
          aria-label={t('talent.search')}
          placeholder={t('talent.search')}
          allowClear
          onSearch={(v) => {
            setQ(v.trim())
            setPage(1)
          }}
          style={{ width: 240 }}
        />
      </Space>
      <ProblemAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Empty description={t('talent.empty')} />}
      <Row gutter={[16, 16]}>
        {(list.data?.items ?? []).map((p) => (
          <Col key={p.id} xs={24} md={12} lg={8}>
            <Card
              size="small"
              title={
                <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                  <Link to={`/talent/${p.id}`}>{p.name}</Link>
                </Typography.Title>
              }
              extra={<Tag>{t(`kind.${p.kind}`)}</Tag>}
            >
              {p.photoUrl && (
                <img
                  src={p.photoUrl}
                  alt={t('talent.photoAlt', { name: p.name })}
                  style={{
                    float: 'right',
                    width: 72,
                    height: 90,
                    objectFit: 'cover',
                    marginLeft: 8,
                    borderRadius: 4,
                  }}
                />
              )}
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {[p.title, p.organization].filter(Boolean).join(' · ')}
              </Typography.Paragraph>
              <Space wrap size={4} style={{ marginBottom: 8 }}>
                {p.ipcSections.map((s) => (
                  <Tag key={s} color="blue" title={t(`ipc.${s}`)}>
                    IPC {s}
                  </Tag>
                ))}
                {p.topics.map((topic) => (
                  <Tag key={topic}>{topic}</Tag>
                ))}
              </Space>
              {p.bio && <Typography.Paragraph type="secondary">{p.bio}</Typography.Paragraph>}
              {(p.phone || p.email) && (
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {t('talent.contact')}：{[p.phone, p.email].filter(Boolean).join(' · ')}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {(list.data?.total ?? 0) > 12 && (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={12}
          total={list.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </Card>
  )
}
