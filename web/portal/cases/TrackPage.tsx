import { Button, Card, Form, Input, List, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { trackRequest, type trackResponse } from '../../../contracts/cases.ts'
import { ApiError, api, type Problem } from '../../app/api.ts'
import { applyProblemToForm, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { currentLanguage } from '../../i18n/index.ts'
import { PartyCaseCard } from './PartyCaseCard.tsx'

type Tracked = z.infer<typeof trackResponse>

/** Downloads a notice with the code and secret in the body (never in a URL) and saves it. */
async function downloadTracked(
  documentId: string,
  fileName: string,
  credentials: { code: string; secret: string },
) {
  const response = await fetch(`/api/cases/track/documents/${encodeURIComponent(documentId)}/file`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': currentLanguage() },
    body: JSON.stringify(credentials),
  })
  if (!response.ok) {
    const p = (await response.json().catch(() => ({}))) as Partial<Problem>
    throw new ApiError({
      code: p.code ?? 'http_error',
      title: p.title ?? `HTTP ${response.status}`,
      status: response.status,
    })
  }
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Portal: follow an anonymous submission with the tracking code and secret given at intake. */
export function TrackPage() {
  const { t, i18n } = useTranslation('cases')
  const [form] = Form.useForm<{ code: string; secret: string }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [found, setFound] = useState<Tracked | null>(null)
  const [credentials, setCredentials] = useState<{ code: string; secret: string } | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(values: { code: string; secret: string }) {
    setBusy(true)
    setError(null)
    setFound(null)
    try {
      setFound(await api.post<Tracked>('/api/cases/track', values))
      setCredentials(values)
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
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t('portal.trackDocuments')}
          </Typography.Title>
          <List
            data-testid="tracked-documents"
            locale={{ emptyText: t('documents.none') }}
            dataSource={found.documents}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    type="link"
                    aria-label={t('portal.trackDownload', { title: d.title })}
                    onClick={() =>
                      credentials &&
                      downloadTracked(d.id, d.fileName, credentials).catch((e) => {
                        if (e instanceof ApiError) setError(e)
                      })
                    }
                  >
                    {t('portal.download')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={d.title}
                  description={[d.number, d.createdAt.slice(0, 10)].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  )
}
