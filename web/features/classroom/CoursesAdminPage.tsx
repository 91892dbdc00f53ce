import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  type ClassroomSession,
  COURSE_AUDIENCES,
  COURSE_CATEGORIES,
  type Course,
} from '../../../contracts/classroom/index.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaDateTime, fromChinaLocalInput, toChinaLocalInput } from './format.ts'

type CourseValues = Omit<Course, 'id' | 'createdAt' | 'districtId'>
type SessionValues = {
  startsAt: string
  endsAt: string
  place?: string
  onlineUrl?: string
  capacity: number
  registrationDeadline: string
  organizer: string
}

/** Workbench: courses and their sessions (the organizer's district), with the way to attendance. */
export function CoursesAdminPage() {
  const { t } = useTranslation('classroom')
  const { message } = App.useApp()
  const courses = useFetch(() => api.get<Page<Course>>('/api/classroom/courses', { pageSize: 200 }), [])
  const sessions = useFetch(
    () => api.get<Page<ClassroomSession>>('/api/classroom/sessions', { when: 'all', pageSize: 200 }),
    [],
  )
  const [courseModal, setCourseModal] = useState<{ course: Course | null } | null>(null)
  const [sessionModal, setSessionModal] = useState<{
    course: Course
    session: ClassroomSession | null
  } | null>(null)
  const [courseForm] = Form.useForm<CourseValues>()
  const [sessionForm] = Form.useForm<SessionValues>()
  const [error, setError] = useState<ApiError | undefined>()
  const [busy, setBusy] = useState(false)

  const openCourse = (course: Course | null) => {
    setError(undefined)
    courseForm.resetFields()
    if (course) courseForm.setFieldsValue(course)
    setCourseModal({ course })
  }
  const openSession = (course: Course, session: ClassroomSession | null) => {
    setError(undefined)
    sessionForm.resetFields()
    if (session)
      sessionForm.setFieldsValue({
        ...session,
        onlineUrl: session.onlineUrl ?? '',
        startsAt: toChinaLocalInput(session.startsAt),
        endsAt: toChinaLocalInput(session.endsAt),
        registrationDeadline: toChinaLocalInput(session.registrationDeadline),
      })
    setSessionModal({ course, session })
  }

  const saveCourse = async (values: CourseValues) => {
    setBusy(true)
    setError(undefined)
    try {
      const body = { ...values, summary: values.summary ?? '', materials: values.materials ?? '' }
      if (courseModal?.course) await api.patch(`/api/classroom/courses/${courseModal.course.id}`, body)
      else await api.post('/api/classroom/courses', body)
      message.success(t('admin.saved'))
      setCourseModal(null)
      void courses.reload()
      void sessions.reload()
    } catch (e) {
      if (!applyProblemToForm(courseForm, e)) setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }
  const saveSession = async (values: SessionValues) => {
    if (!sessionModal) return
    setBusy(true)
    setError(undefined)
    try {
      const body = {
        startsAt: fromChinaLocalInput(values.startsAt),
        endsAt: fromChinaLocalInput(values.endsAt),
        registrationDeadline: fromChinaLocalInput(values.registrationDeadline),
        place: values.place ?? '',
        onlineUrl: values.onlineUrl ? values.onlineUrl : null,
        capacity: values.capacity,
        organizer: values.organizer,
      }
      if (sessionModal.session) await api.patch(`/api/classroom/sessions/${sessionModal.session.id}`, body)
      else await api.post(`/api/classroom/courses/${sessionModal.course.id}/sessions`, body)
      message.success(t('admin.saved'))
      setSessionModal(null)
      void sessions.reload()
    } catch (e) {
      if (!applyProblemToForm(sessionForm, e)) setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }

  const courseById = new Map((courses.data?.items ?? []).map((c) => [c.id, c]))
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('admin.courses')}
          </Typography.Title>
        }
        extra={
          <Button type="primary" onClick={() => openCourse(null)} data-testid="new-course">
            {t('admin.newCourse')}
          </Button>
        }
      >
        <ProblemAlert error={courses.error} />
        <Table<Course>
          rowKey="id"
          loading={courses.loading}
          dataSource={courses.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('course.title'), dataIndex: 'title' },
            { title: t('course.category'), render: (_, c) => t(`category.${c.category}`) },
            { title: t('course.audience'), render: (_, c) => t(`audience.${c.audience}`) },
            { title: t('course.lecturer'), dataIndex: 'lecturer' },
            {
              title: t('course.published'),
              render: (_, c) =>
                c.published ? <Tag color="green">{t('admin.published')}</Tag> : <Tag>{t('admin.draft')}</Tag>,
            },
            {
              title: t('mine.actions'),
              render: (_, c) => (
                <Space>
                  <Button size="small" onClick={() => openCourse(c)}>
                    {t('admin.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => openSession(c, null)}
                    aria-label={t('admin.newSessionFor', { title: c.title })}
                  >
                    {t('admin.newSession')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('admin.sessions')}
          </Typography.Title>
        }
      >
        <ProblemAlert error={sessions.error} />
        <Table<ClassroomSession>
          rowKey="id"
          loading={sessions.loading}
          dataSource={sessions.data?.items ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('course.title'), dataIndex: 'courseTitle' },
            { title: t('session.startsAt'), render: (_, s) => chinaDateTime(s.startsAt) },
            { title: t('session.place'), render: (_, s) => s.place || t('session.online') },
            { title: t('session.capacity'), dataIndex: 'capacity' },
            { title: t('session.seatsLeft'), dataIndex: 'seatsLeft' },
            { title: t('session.organizer'), dataIndex: 'organizer' },
            {
              title: t('mine.actions'),
              render: (_, s) => (
                <Space>
                  <Link
                    to={`/workbench/classroom/sessions/${s.id}`}
                    aria-label={t('admin.attendanceFor', {
                      title: s.courseTitle,
                      date: chinaDateTime(s.startsAt),
                    })}
                  >
                    {t('admin.attendance')}
                  </Link>
                  {courseById.has(s.courseId) && (
                    <Button size="small" onClick={() => openSession(courseById.get(s.courseId)!, s)}>
                      {t('admin.edit')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        open={courseModal !== null}
        title={courseModal?.course ? t('admin.editCourse') : t('admin.newCourse')}
        onCancel={() => setCourseModal(null)}
        onOk={() => courseForm.submit()}
        confirmLoading={busy}
        okText={t('admin.save')}
        destroyOnHidden
      >
        <Form<CourseValues>
          form={courseForm}
          layout="vertical"
          onFinish={saveCourse}
          initialValues={{ published: true, category: 'protection', audience: 'public' }}
        >
          <Form.Item name="title" label={t('course.title')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('course.category')} rules={[{ required: true }]}>
            <Select options={COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="audience" label={t('course.audience')} rules={[{ required: true }]}>
            <Select options={COURSE_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))} />
          </Form.Item>
          <Form.Item name="lecturer" label={t('course.lecturer')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summary" label={t('course.summary')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="materials" label={t('course.materials')} extra={t('admin.materialsHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="published" label={t('course.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <ProblemAlert error={error} />
        </Form>
      </Modal>

      <Modal
        open={sessionModal !== null}
        title={
          sessionModal
            ? `${sessionModal.session ? t('admin.editSession') : t('admin.newSession')} · ${sessionModal.course.title}`
            : ''
        }
        onCancel={() => setSessionModal(null)}
        onOk={() => sessionForm.submit()}
        confirmLoading={busy}
        okText={t('admin.save')}
        destroyOnHidden
      >
        <Form<SessionValues>
          form={sessionForm}
          layout="vertical"
          onFinish={saveSession}
          initialValues={{ capacity: 30, organizer: t('admin.defaultOrganizer') }}
        >
          <Form.Item
            name="startsAt"
            label={`${t('session.startsAt')}（${t('admin.chinaTime')}）`}
            rules={[{ required: true }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={`${t('session.endsAt')}（${t('admin.chinaTime')}）`}
            rules={[{ required: true }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="registrationDeadline"
            label={`${t('session.deadline')}（${t('admin.chinaTime')}）`}
            rules={[{ required: true }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="place" label={t('session.place')}>
            <Input />
          </Form.Item>
          <Form.Item name="onlineUrl" label={t('session.onlineLink')}>
            <Input type="url" />
          </Form.Item>
          <Form.Item name="capacity" label={t('session.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="organizer" label={t('session.organizer')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <ProblemAlert error={error} />
        </Form>
      </Modal>
    </Space>
  )
}
