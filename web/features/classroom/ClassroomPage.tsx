import { Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import {
  type ClassroomSession,
  COURSE_CATEGORIES,
  type certificateVerification,
} from '../../../contracts/classroom/index.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { chinaDateTime } from './format.ts'

type Verification = z.infer<typeof certificateVerification>

/** Portal: upcoming classroom sessions with seats left, and the certificate check. */
export function ClassroomPage() {
  const { t } = useTranslation('classroom')
  const { user } = useAuth()
  const [page, setPage] = useState(1)
  const [category, setCategory] = useState<string | undefined>()
  usePageMeta(`${t('portal.title')} · ${t('site')}`, t('portal.description'))
  const list = useFetch(
    () => api.get<Page<ClassroomSession>>('/api/classroom/sessions', { page, pageSize: 20, category }),
    [page, category],
  )
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
        }
        extra={
          <Space>
            {user && <Link to="/classroom/mine">{t('mine.link')}</Link>}
            <Link to="/talent">{t('talent.link')}</Link>
          </Space>
        }
      >
        <Typography.Paragraph>{t('portal.intro')}</Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="classroom-category">{t('course.category')}</label>
          <Select
            id="classroom-category"
            style={{ minWidth: 180 }}
            value={category ?? ''}
            onChange={(v) => {
              setCategory(v || undefined)
              setPage(1)
            }}
            options={[
              { value: '', label: t('portal.allCategories') },
              ...COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
            ]}
          />
        </Space>
        <ProblemAlert error={list.error} />
        <Table<ClassroomSession>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('portal.empty') }}
          pagination={{
            current: page,
            total: list.data?.total ?? 0,
            pageSize: 20,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('course.title'),
              render: (_, s) => <Link to={`/classroom/sessions/${s.id}`}>{s.courseTitle}</Link>,
            },
            { title: t('course.category'), render: (_, s) => <Tag>{t(`category.${s.category}`)}</Tag> },
            { title: t('session.startsAt'), render: (_, s) => chinaDateTime(s.startsAt) },
            { title: t('session.place'), render: (_, s) => s.place || t('session.online') },
            { title: t('session.organizer'), dataIndex: 'organizer' },
            {
              title: t('session.seatsLeft'),
              render: (_, s) =>
                s.seatsLeft > 0 ? (
                  <Tag color="blue">{t('session.seats', { count: s.seatsLeft })}</Tag>
                ) : (
                  <Tag color="red">{t('session.full')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <CertificateCheck />
    </Space>
  )
}

function CertificateCheck() {
  const { t } = useTranslation('classroom')
  const [result, setResult] = useState<Verification | null>(null)
  const [error, setError] = useState<ApiError | undefined>()
  const [busy, setBusy] = useState(false)
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('verify.title')}
        </Typography.Title>
      }
    >
      <Form
        layout="inline"
        onFinish={async (v: { number: string }) => {
          setBusy(true)
          setResult(null)
          setError(undefined)
          try {
            setResult(
              await api.get<Verification>(
                `/api/classroom/certificates/${encodeURIComponent(v.number.trim())}`,
              ),
            )
          } catch (e) {
            setError(e instanceof ApiError ? e : undefined)
          } finally {
            setBusy(false)
          }
        }}
      >
        <Form.Item
          name="number"
          label={t('verify.number')}
          rules={[{ required: true, message: t('verify.required') }]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="verify-certificate">
          {t('verify.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }} aria-live="polite">
        <ProblemAlert error={error} />
        {result && (
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('verify.status')}>
              {result.valid ? (
                <Tag color="blue">{t('verify.valid')}</Tag>
              ) : (
                <Tag color="red">{t('verify.invalid')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.holder')}>{result.name}</Descriptions.Item>
            <Descriptions.Item label={t('course.title')}>{result.courseTitle}</Descriptions.Item>
            <Descriptions.Item label={t('verify.date')}>{result.sessionDate}</Descriptions.Item>
            <Descriptions.Item label={t('session.organizer')}>{result.organizer}</Descriptions.Item>
          </Descriptions>
        )}
      </div>
    </Card>
  )
}
