import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Registration } from '../../../contracts/classroom/index.ts'
import { ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaDateTime } from './format.ts'

const statusColor = { registered: 'blue', waitlisted: 'red', cancelled: 'default' } as const

/** Portal: the signed-in user's registrations, cancellation, and certificates once attended. */
export function MyRegistrationsPage() {
  const { t } = useTranslation('classroom')
  const { message } = App.useApp()
  const list = useFetch(() => api.get<{ items: Registration[] }>('/api/classroom/registrations/mine'), [])
  const cancel = async (id: string) => {
    try {
      await api.post(`/api/classroom/registrations/${id}/cancellation`, {})
      message.success(t('mine.cancelled'))
      void list.reload()
    } catch (e) {
      message.error(e instanceof ApiError ? e.problem.title : String(e))
    }
  }
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('mine.title')}
        </Typography.Title>
      }
      extra={<Link to="/classroom">{t('session.back')}</Link>}
    >
      <ProblemAlert error={list.error} />
      <Table<Registration>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('mine.empty') }}
        columns={[
          {
            title: t('course.title'),
            render: (_, r) => <Link to={`/classroom/sessions/${r.sessionId}`}>{r.courseTitle}</Link>,
          },
          { title: t('session.startsAt'), render: (_, r) => chinaDateTime(r.startsAt) },
          { title: t('session.place'), dataIndex: 'place' },
          {
            title: t('mine.status'),
            render: (_, r) => (
              <Tag color={statusColor[r.status]}>
                {r.attended ? t('status.attended') : t(`status.${r.status}`)}
              </Tag>
            ),
          },
          {
            title: t('mine.certificate'),
            render: (_, r) =>
              r.attended && r.certificateNumber ? (
                <a
                  href={`/api/classroom/registrations/${r.id}/certificate`}
                  download={`certificate-${r.certificateNumber}.pdf`}
                  aria-label={t('mine.downloadLabel', { course: r.courseTitle })}
                >
                  {t('mine.download')}（{r.certificateNumber}）
                </a>
              ) : (
                '—'
              ),
          },
          {
            title: t('mine.actions'),
            render: (_, r) =>
              r.status !== 'cancelled' && !r.attended ? (
                <Popconfirm title={t('mine.cancelConfirm')} onConfirm={() => cancel(r.id)}>
                  <Button size="small" danger>
                    {t('mine.cancel')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  )
}
