import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useParams } from 'react-router'
import type { z } from 'zod'
import {
  assistanceIntakeRequest,
  complaintIntakeRequest,
  RIGHT_KINDS,
  reportIntakeRequest,
  takedownIntakeRequest,
} from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm, issueMessage, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import type { IntakeResult } from '../../features/cases/model.ts'

export const INTAKE_KINDS = ['complaint', 'report', 'assistance', 'takedown'] as const
type IntakeKind = (typeof INTAKE_KINDS)[number]

const ENDPOINT: Record<IntakeKind, string> = {
  complaint: '/api/cases/complaints',
  report: '/api/cases/reports',
  assistance: '/api/cases/assistance',
  takedown: '/api/cases/takedowns',
}
const SCHEMA: Record<IntakeKind, z.ZodType> = {
  complaint: complaintIntakeRequest,
  report: reportIntakeRequest,
  assistance: assistanceIntakeRequest,
  takedown: takedownIntakeRequest,
}

/** Drops blank strings at any depth, so optional fields are omitted rather than sent empty. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const p = typeof v === 'string' ? v.trim() : prune(v)
      if (p !== '' && p !== undefined) out[k] = p
    }
    return out
  }
  return value
}

const cs = complaintIntakeRequest.shape
const rs = reportIntakeRequest.shape
const ts = takedownIntakeRequest.shape
const as = assistanceIntakeRequest.shape
const upper = (v: string) => v?.toUpperCase()

/** Portal: the intake forms — complaint, report (named or anonymous), assistance, takedown notice. */
export function IntakePage() {
  const { kind } = useParams()
  if (!INTAKE_KINDS.includes(kind as IntakeKind)) return <Navigate to="/services" replace />
  return <IntakeForm key={kind} kind={kind as IntakeKind} />
}

function IntakeForm({ kind }: { kind: IntakeKind }) {
  const { t, i18n } = useTranslation('cases')
  const [form] = Form.useForm()
  const navigate = useNavigate()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const anonymous = Form.useWatch('anonymous', form) as boolean | undefined
  const scope = Form.useWatch('scope', form) as string | undefined

  async function submit(values: Record<string, unknown>) {
    setError(null)
    const { anonymous: anon, ...rest } = values
    const body = prune(rest) as Record<string, unknown>
    if (kind === 'report' && anon) body.reporter = null
    // The whole body against the same schema the server uses (cross-field rules included).
    const checked = SCHEMA[kind].safeParse(body)
    if (!checked.success) {
      form.setFields(
        checked.error.issues.map((i) => ({ name: i.path.map(String), errors: [issueMessage(i)] })),
      )
      return
    }
    setBusy(true)
    try {
      const result = await api.post<IntakeResult>(ENDPOINT[kind], body)
      navigate('/services/submitted', { state: { kind, result } })
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  const rightFields = (numberRequired: boolean) => (
    <>
      <Form.Item
        label={t('intake.rightKind')}
        name={['right', 'kind']}
        required
        rules={[{ required: true, message: t('required') }]}
      >
        <Select options={RIGHT_KINDS.map((k) => ({ value: k, label: t(`rightKind.${k}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('intake.rightNumber')}
        name={['right', 'number']}
        required={numberRequired}
        rules={numberRequired ? [{ required: true, whitespace: true, message: t('required') }] : []}
        extra={t('intake.rightNumberHelp')}
      >
        <Input maxLength={100} />
      </Form.Item>
    </>
  )
  const respondentFields = (shape: typeof cs.respondent.shape) => (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('intake.respondentSection')}
      </Typography.Title>
      <Form.Item
        label={t('intake.respondentName')}
        name={['respondent', 'name']}
        required
        rules={[zodRule(shape.name)]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('intake.respondentAddress')}
        name={['respondent', 'address']}
        required
        rules={[zodRule(shape.address)]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('intake.respondentUscc')}
        name={['respondent', 'uscc']}
        normalize={upper}
        rules={[zodRule(shape.uscc.unwrap(), { optional: true })]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
    </>
  )

  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t(`intake.${kind}.title`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(`intake.${kind}.intro`)}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form
        key={i18n.language}
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          anonymous: false,
          scope: 'domestic',
          right: { kind: 'trademark' },
          listings: [{ platform: '', url: '' }],
        }}
      >
        {kind === 'complaint' && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('intake.complainantSection')}
            </Typography.Title>
            <Form.Item
              label={t('intake.name')}
              name={['complainant', 'name']}
              required
              rules={[zodRule(cs.complainant.shape.name)]}
            >
              <Input autoComplete="name" maxLength={100} />
            </Form.Item>
            <Form.Item
              label={t('intake.phone')}
              name={['complainant', 'phone']}
              required
              rules={[zodRule(cs.complainant.shape.phone)]}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
            <Form.Item
              label={t('intake.address')}
              name={['complainant', 'address']}
              required
              rules={[zodRule(cs.complainant.shape.address)]}
            >
              <Input autoComplete="street-address" maxLength={200} />
            </Form.Item>
            {respondentFields(cs.respondent.shape)}
            {rightFields(false)}
            <Form.Item label={t('intake.request')} name="request" required rules={[zodRule(cs.request)]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label={t('intake.facts')} name="facts" required rules={[zodRule(cs.facts)]}>
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          </>
        )}
        {kind === 'report' && (
          <>
            <Form.Item label={t('intake.reportAs')} name="anonymous">
              <Radio.Group
                options={[
                  { value: false, label: t('intake.named') },
                  { value: true, label: t('intake.anonymous') },
                ]}
              />
            </Form.Item>
            {anonymous ? (
              <Typography.Paragraph type="secondary">{t('intake.anonymousHelp')}</Typography.Paragraph>
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('intake.namedHelp')}</Typography.Paragraph>
                <Form.Item
                  label={t('intake.name')}
                  name={['reporter', 'name']}
                  required
                  rules={[zodRule(rs.reporter.unwrap().unwrap().shape.name)]}
                >
                  <Input autoComplete="name" maxLength={100} />
                </Form.Item>
                <Form.Item
                  label={t('intake.phone')}
                  name={['reporter', 'phone']}
                  required
                  rules={[zodRule(rs.reporter.unwrap().unwrap().shape.phone)]}
                >
                  <Input inputMode="tel" autoComplete="tel" maxLength={20} />
                </Form.Item>
              </>
            )}
            {respondentFields(rs.respondent.shape)}
            {rightFields(false)}
            <Form.Item label={t('intake.clue')} name="clue" required rules={[zodRule(rs.clue)]}>
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          </>
        )}
        {kind === 'assistance' && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('intake.enterpriseSection')}
            </Typography.Title>
            <Form.Item
              label={t('intake.enterpriseName')}
              name={['enterprise', 'name']}
              required
              rules={[zodRule(as.enterprise.shape.name)]}
            >
              <Input autoComplete="organization" maxLength={200} />
            </Form.Item>
            <Form.Item
              label={t('intake.uscc')}
              name={['enterprise', 'uscc']}
              required
              normalize={upper}
              rules={[zodRule(as.enterprise.shape.uscc)]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label={t('intake.contact')}
              name={['enterprise', 'contact']}
              required
              rules={[zodRule(as.enterprise.shape.contact)]}
            >
              <Input autoComplete="name" maxLength={100} />
            </Form.Item>
            <Form.Item
              label={t('intake.phone')}
              name={['enterprise', 'phone']}
              required
              rules={[zodRule(as.enterprise.shape.phone)]}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
            <Form.Item label={t('intake.scope')} name="scope">
              <Radio.Group
                options={[
                  { value: 'domestic', label: t('intake.domestic') },
                  { value: 'overseas', label: t('intake.overseas') },
                ]}
              />
            </Form.Item>
            {scope === 'overseas' && (
              <Form.Item
                label={t('intake.country')}
                name="country"
                required
                rules={[{ required: true, whitespace: true, message: t('intake.countryRequired') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            )}
            <Form.Item label={t('intake.counterparty')} name="counterparty">
              <Input maxLength={200} />
            </Form.Item>
            {rightFields(false)}
            <Form.Item
              label={t('intake.description')}
              name="description"
              required
              rules={[zodRule(as.description)]}
            >
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          </>
        )}
        {kind === 'takedown' && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('intake.rightsHolderSection')}
            </Typography.Title>
            <Form.Item
              label={t('intake.rightsHolderName')}
              name={['rightsHolder', 'name']}
              required
              rules={[zodRule(ts.rightsHolder.shape.name)]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              label={t('intake.uscc')}
              name={['rightsHolder', 'uscc']}
              normalize={upper}
              rules={[zodRule(ts.rightsHolder.shape.uscc.unwrap(), { optional: true })]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label={t('intake.phone')}
              name={['rightsHolder', 'phone']}
              required
              rules={[zodRule(ts.rightsHolder.shape.phone)]}
            >
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
            {rightFields(true)}
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('intake.listingsSection')}
            </Typography.Title>
            <Form.List name="listings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                      <Form.Item
                        label={t('intake.platform', { n: i + 1 })}
                        name={[f.name, 'platform']}
                        required
                        rules={[zodRule(ts.listings.element.shape.platform)]}
                      >
                        <Input maxLength={100} style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item
                        label={t('intake.url', { n: i + 1 })}
                        name={[f.name, 'url']}
                        required
                        rules={[zodRule(ts.listings.element.shape.url)]}
                      >
                        <Input
                          type="url"
                          inputMode="url"
                          maxLength={2000}
                          style={{ width: 320, maxWidth: '80vw' }}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button
                          type="text"
                          aria-label={t('intake.removeListing')}
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(f.name)}
                          style={{ marginTop: 30 }}
                        />
                      )}
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ platform: '', url: '' })}
                    block
                    style={{ marginBottom: 16 }}
                  >
                    {t('intake.addListing')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item label={t('intake.evidence')} name="evidence" required rules={[zodRule(ts.evidence)]}>
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('intake.submit')}
        </Button>
      </Form>
    </Card>
  )
}
