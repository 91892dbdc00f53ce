import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import type { ClassroomSession, Course, registrationCreated } from '../../../contracts/classroom/index.ts'
import { mobilePhoneSchema } from '../../../contracts/identifiers/index.ts'
import { ApiError, api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'
import { chinaDateTime } from './format.ts'

type Created = z.infer<typeof registrationCreated>
type FormValues = { name: string; phone: string; organization?: string; waitlist?: boolean }

/** Portal: one session of a course, with registration (signed-in users and the public). */
export function SessionPage() {
  const { t } = useTranslation('classroom')
  const { id = '' } = useParams()
  const { user } = useAuth()
  const session = useFetch(
    () => api.get<ClassroomSession>(`/api/classroom/sessions/${encodeURIComponent(id)}`),
    [id],
  )
  const s = session.data
  const course = useFetch(
    () =>
      s
        ? api.get<Course>(`/api/classroom/courses/${encodeURIComponent(s.courseId)}`)
        : Promise.resolve(undefined),
    [s?.courseId],
  )
  const c = course.data
  usePageMeta(
    s ? `${s.courseTitle} · ${t('portal.title')} · ${t('site')}` : undefined,
    s ? `${chinaDateTime(s.startsAt)} ${s.place} · ${c?.summary ?? ''}`.trim() : undefined,
  )
  const [form] = Form.useForm<FormValues>()
  const [error, setError] = useState<ApiError | undefined>()
  const [created, setCreated] = useState<Created | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (values: FormValues) => {
    setBusy(true)
    setError(undefined)
    try {
      const r = await api.post<Created>(`/api/classroom/sessions/${encodeURIComponent(id)}/registrations`, {
        name: values.name,
        phone: values.phone,
        organization: values.organization ?? '',
        waitlist: values.waitlist ?? false,
      })
      setCreated(r)
      void session.reload()
    } catch (e) {
      if (!applyProblemToForm(form, e)) setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card
      loading={session.loading}
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {s?.courseTitle ?? t('session.title')}
        </Typography.Title>
      }
      extra={<Link to="/classroom">{t('session.back')}</Link>}
    >
      <ProblemAlert error={session.error} />
      {s && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('course.title')}>
              <Link to={`/classroom/courses/${s.courseId}`}>{s.courseTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('course.category')}>{t(`category.${s.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('course.lecturer')}>{s.lecturer}</Descriptions.Item>
            {c && (
              <Descriptions.Item label={t('course.audience')}>
                {t(`audience.${c.audience}`)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('session.startsAt')}>
              {chinaDateTime(s.startsAt)} – {chinaDateTime(s.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('session.place')}>
              {s.place}
              {s.onlineUrl && (
                <>
                  {s.place && ' · '}
                  <a href={s.onlineUrl} rel="noopener noreferrer" target="_blank">
                    {t('session.onlineLink')}
                  </a>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('session.organizer')}>{s.organizer}</Descriptions.Item>
            <Descriptions.Item label={t('session.deadline')}>
              {chinaDateTime(s.registrationDeadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t('session.seatsLeft')}>
              <span data-testid="seats-left">
                {s.seatsLeft > 0
                  ? t('session.seatsOf', { count: s.seatsLeft, capacity: s.capacity })
                  : t('session.full')}
              </span>
              {s.waitlisted > 0 && ` · ${t('session.waitlisted', { count: s.waitlisted })}`}
            </Descriptions.Item>
          </Descriptions>
          {c?.summary && <Typography.Paragraph>{c.summary}</Typography.Paragraph>}
          {c?.materials && (
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
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('register.title')}
          </Typography.Title>
          {created ? (
            <Alert
              type="success"
              showIcon
              role="status"
              title={created.status === 'waitlisted' ? t('register.waitlisted') : t('register.done')}
              description={
                <Space direction="vertical">
                  {created.accessCode && (
                    <>
                      <span>
                        {t('register.accessCode')}{' '}
                        <Typography.Text code copyable>
                          {created.accessCode}
                        </Typography.Text>
                      </span>
                      <Link
                        to={`/classroom/registrations/${created.id}?code=${encodeURIComponent(created.accessCode)}`}
                      >
                        {t('registration.link')}
                      </Link>
                    </>
                  )}
                  {user && <Link to="/classroom/mine">{t('mine.link')}</Link>}
                </Space>
              }
            />
          ) : !s.registrationOpen ? (
            <Alert type="info" showIcon title={t('register.closed')} />
          ) : (
            <Form<FormValues>
              form={form}
              layout="vertical"
              style={{ maxWidth: 480 }}
              initialValues={{ name: user?.displayName ?? '' }}
              onFinish={submit}
            >
              {!user && (
                <Typography.Paragraph type="secondary">{t('register.publicNote')}</Typography.Paragraph>
              )}
              <Form.Item
                name="name"
                label={t('register.name')}
                rules={[{ required: true, message: t('register.nameRequired') }]}
              >
                <Input autoComplete="name" />
              </Form.Item>
              <Form.Item name="phone" label={t('register.phone')} rules={[zodRule(mobilePhoneSchema)]}>
                <Input autoComplete="tel" inputMode="tel" />
              </Form.Item>
              <Form.Item name="organization" label={t('register.organization')}>
                <Input autoComplete="organization" />
              </Form.Item>
              {s.seatsLeft === 0 && (
                <Form.Item name="waitlist" valuePropName="checked">
                  <Checkbox>{t('register.waitlist')}</Checkbox>
                </Form.Item>
              )}
              <ProblemAlert error={error} />
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                data-testid="register-submit"
                style={{ marginTop: 8 }}
              >
                {t('register.submit')}
              </Button>
            </Form>
          )}
          {s.seatsLeft === 0 && !created && <Tag color="red">{t('session.full')}</Tag>}
        </Space>
      )}
    </Card>
  )
}
