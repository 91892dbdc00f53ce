import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { ClassroomSession, Registration } from '../../../contracts/classroom/index.ts'
import { ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaDateTime } from './format.ts'

/** Workbench: a session's check-in list (names and phones masked) with bulk attendance marking. */
export function AttendancePage() {
  const { t } = useTranslation('classroom')
  const { message } = App.useApp()
  const { id = '' } = useParams()
  const session = useFetch(
    () => api.get<ClassroomSession>(`/api/classroom/sessions/${encodeURIComponent(id)}`),
    [id],
  )
  const list = useFetch(
    () =>
      api.get<{ items: Registration[] }>(`/api/classroom/sessions/${encodeURIComponent(id)}/registrations`),
    [id],
  )
  const [selected, setSelected] = useState<string[]>([])
  const [error, setError] = useState<ApiError | undefined>()
  const [busy, setBusy] = useState(false)
  const mark = async (attended: boolean) => {
    setBusy(true)
    setError(undefined)
    try {
      const r = await api.post<{ updated: number }>(
        `/api/classroom/sessions/${encodeURIComponent(id)}/attendance`,
        {
          registrationIds: selected,
          attended,
        },
      )
      message.success(t('attendance.updated', { count: r.updated }))
      setSelected([])
      void list.reload()
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }
  const s = session.data
  const items = list.data?.items ?? []
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('attendance.title')}
          {s && ` · ${s.courseTitle}`}
        </Typography.Title>
      }
      extra={<Link to="/workbench/classroom">{t('attendance.back')}</Link>}
    >
      <ProblemAlert error={session.error ?? list.error} />
      {s && (
        <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('session.startsAt')}>{chinaDateTime(s.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('session.place')}>{s.place || t('session.online')}</Descriptions.Item>
          <Descriptions.Item label={t('attendance.count')}>
            {t('attendance.summary', {
              attended: items.filter((r) => r.attended).length,
              registered: items.filter((r) => r.status === 'registered').length,
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          disabled={selected.length === 0}
          loading={busy}
          onClick={() => mark(true)}
          data-testid="mark-attended"
        >
          {t('attendance.mark', { count: selected.length })}
        </Button>
        <Button
          disabled={selected.length === 0}
          loading={busy}
          onClick={() => mark(false)}
          data-testid="unmark-attended"
        >
          {t('attendance.unmark')}
        </Button>
      </Space>
      <ProblemAlert error={error} />
      <Table<Registration>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (r) => ({
            disabled: r.status !== 'registered',
            'aria-label': t('attendance.select', { name: r.name }),
          }),
        }}
        columns={[
          { title: t('register.name'), dataIndex: 'name' },
          { title: t('register.phone'), dataIndex: 'phone' },
          { title: t('register.organization'), dataIndex: 'organization' },
          {
            title: t('mine.status'),
            render: (_, r) => <Tag>{t(`status.${r.status}`)}</Tag>,
          },
          {
            title: t('attendance.attended'),
            render: (_, r) =>
              r.attended ? (
                <Tag color="green">{t('status.attended')}</Tag>
              ) : (
                <Tag>{t('attendance.absent')}</Tag>
              ),
          },
          { title: t('mine.certificate'), render: (_, r) => r.certificateNumber ?? '—' },
        ]}
      />
    </Card>
  )
}
