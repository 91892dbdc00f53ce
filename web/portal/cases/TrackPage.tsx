import { Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { trackRequest } from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import type { PartyCase } from '../../features/cases/model.ts'
import { PartyCaseCard } from './PartyCaseCard.tsx'

/** Portal: follow an anonymous submission with the tracking code and secret given at intake. */
export function TrackPage() {
  const { t, i18n } = useTranslation('cases')
  const [form] = Form.useForm<{ code: string; secret: string }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [found, setFound] = useState<PartyCase | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(values: { code: string; secret: string }) {
    setBusy(true)
    setError(null)
    setFound(null)
    try {
      setFound(await api.post<PartyCase>('/api/cases/track', values))
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('portal.trackTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.trackIntro')}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form key={i18n.language} form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('submitted.trackingCode')}
          name="code"
          required
          rules={[zodRule(trackRequest.shape.code)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('submitted.trackingSecret')}
          name="secret"
          required
          rules={[zodRule(trackRequest.shape.secret)]}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('portal.trackSubmit')}
        </Button>
      </Form>
      {found && (
        <div style={{ marginTop: 24 }}>
          <PartyCaseCard item={found} />
        </div>
      )}
    </Card>
  )
}
