import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../app/api.ts'
import { homeOf, useAuth } from '../app/auth.tsx'
import { ProblemAlert } from '../components/ProblemAlert.tsx'

export function LoginPage() {
  const { t } = useTranslation('portal')
  const { login } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(values: { username: string; password: string }) {
    setBusy(true)
    setError(null)
    try {
      const user = await login(values.username, values.password)
      const next = params.get('next')
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : homeOf(user), { replace: true })
    } catch (e) {
      setError(e instanceof ApiError ? e : null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card style={{ maxWidth: 420, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      <ProblemAlert error={error} />
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, message: t('login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </Typography.Paragraph>
    </Card>
  )
}
