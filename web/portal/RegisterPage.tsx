import { Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { registrationRequest } from '../../contracts/identity.ts'
import { ApiError, api } from '../app/api.ts'
import { applyProblemToForm, compact, zodRule } from '../components/forms.ts'
import { ProblemAlert } from '../components/ProblemAlert.tsx'

const shape = registrationRequest.shape

/** Enterprise self-registration; the account stays pending until the center approves it. */
export function RegisterPage() {
  const { t, i18n } = useTranslation('portal')
  const [form] = Form.useForm()
  const navigate = useNavigate()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(values: Record<string, string>) {
    setBusy(true)
    setError(null)
    const { confirmPassword: _, ...rest } = values
    try {
      await api.post('/api/registrations', compact({ ...rest, uscc: rest.uscc?.trim().toUpperCase() }))
      navigate('/register/submitted', { state: { entityName: rest.entityName } })
    } catch (e) {
      // Field messages go onto their fields; the alert then carries only the summary title.
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  // Rules close over the language so their messages follow a switch.
  const lang = i18n.language
  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form key={lang} form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('register.entitySection')}
        </Typography.Title>
        <Form.Item
          label={t('register.uscc')}
          name="uscc"
          required
          extra={t('register.usccHelp')}
          rules={[zodRule(shape.uscc)]}
          normalize={(v: string) => v?.toUpperCase()}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('register.entityName')}
          name="entityName"
          required
          rules={[zodRule(shape.entityName)]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('register.contactSection')}
        </Typography.Title>
        <Form.Item
          label={t('register.contactName')}
          name="contactName"
          required
          rules={[zodRule(shape.contactName)]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item label={t('register.phone')} name="phone" required rules={[zodRule(shape.phone)]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          label={t('register.email')}
          name="email"
          rules={[zodRule(shape.email.unwrap(), { optional: true })]}
        >
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('register.accountSection')}
        </Typography.Title>
        <Form.Item label={t('register.username')} name="username" required rules={[zodRule(shape.username)]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          label={t('register.password')}
          name="password"
          required
          extra={t('register.passwordHelp')}
          rules={[zodRule(shape.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('register.confirmPassword')}
          name="confirmPassword"
          required
          dependencies={['password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (!value || value !== getFieldValue('password'))
                  throw new Error(t('register.passwordMismatch'))
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('register.submit')}
        </Button>
      </Form>
    </Card>
  )
}
