import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { ClassroomSession, Course } from '../../../contracts/classroom/index.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { chinaDateTime } from './format.ts'

/** Portal: one course with all its sessions (where search results for a course lead). */
export function CoursePage() {
  const { t } = useTranslation('classroom')
  const { id = '' } = useParams()
  const course = useFetch(
    () =>
      api.get<Course & { sessions: ClassroomSession[] }>(`/api/classroom/courses/${encodeURIComponent(id)}`),
    [id],
  )
  const c = course.data
  usePageMeta(c ? `${c.title} · ${t('portal.title')} · ${t('site')}` : undefined, c?.summary || undefined)
  return (
    <Card
      loading={course.loading}
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {c?.title ?? t('course.title')}
        </Typography.Title>
      }
      extra={<Link to="/classroom">{t('session.back')}</Link>}
    >
      <ProblemAlert error={course.error} />
      {c && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('course.category')}>{t(`category.${c.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('course.audience')}>{t(`audience.${c.audience}`)}</Descriptions.Item>
            <Descriptions.Item label={t('course.lecturer')}>{c.lecturer}</Descriptions.Item>
          </Descriptions>
          {c.summary && <Typography.Paragraph>{c.summary}</Typography.Paragraph>}
          {c.materials && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('course.materials')}
              </Typography.Title>
              <ul>
                {c.materials.split('\n').map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('course.sessions')}
          </Typography.Title>
          <Table<ClassroomSession>
            rowKey="id"
            dataSource={c.sessions}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('session.startsAt'),
                render: (_, s) => <Link to={`/classroom/sessions/${s.id}`}>{chinaDateTime(s.startsAt)}</Link>,
              },
              { title: t('session.place'), render: (_, s) => s.place || t('session.online') },
              { title: t('session.organizer'), dataIndex: 'organizer' },
              {
                title: t('session.seatsLeft'),
                render: (_, s) =>
                  s.registrationOpen ? (
                    s.seatsLeft > 0 ? (
                      <Tag color="blue">{t('session.seats', { count: s.seatsLeft })}</Tag>
                    ) : (
                      <Tag color="red">{t('session.full')}</Tag>
                    )
                  ) : (
                    <Tag>{t('register.closed')}</Tag>
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  )
}
