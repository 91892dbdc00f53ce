import { Button, Card, Collapse, Descriptions, Form, Input, InputNumber, Modal, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { DeadlineSteps } from '../calendar/DeadlineSteps.tsx'
import { type CaseDetail, pick } from './model.ts'

type Clock = CaseDetail['clocks'][number]
type Suspension = { from: string; to: string | null; days?: number; unit?: string; reason?: string }
type Extension = { length: number; dayType: string; reason: string; from: string; to: string; at: string }

/** One statutory clock: due date, days left, how it was computed, pauses and extensions. */
export function ClockCard({
  caseId,
  clock,
  onChanged,
}: {
  caseId: string
  clock: Clock
  onChanged: (c: CaseDetail) => void
}) {
  const { t, i18n } = useTranslation('cases')
  const [extending, setExtending] = useState(false)
  const steps = (clock.computation as { steps?: { kind: string }[] }).steps ?? []
  const warnings = (clock.computation as { warnings?: string[] }).warnings ?? []
  const suspensions = clock.suspensions as Suspension[]
  const extensions = clock.extensions as Extension[]
  const overdue = clock.daysLeft !== null && clock.daysLeft < 0
  return (
    <Card
      size="small"
      data-testid={`clock-${clock.ruleId}`}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {pick(clock.ruleTitle, i18n.language)}{' '}
          <Typography.Text type="secondary">({t('clock.rule', { id: clock.ruleId })})</Typography.Text>
        </span>
      }
      extra={
        <>
          {clock.unverified && <Tag color="orange">{t('clock.unverified')}</Tag>}
          <Tag color={clock.status === 'met' ? 'green' : clock.status === 'suspended' ? 'gold' : 'blue'}>
            {t(`clock.status.${clock.status}`)}
          </Tag>
        </>
      }
      style={{ marginBottom: 12 }}
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('clock.startDate')}>{clock.startDate}</Descriptions.Item>
        <Descriptions.Item label={t('clock.dueDate')}>
          <Typography.Text strong data-testid="clock-due">
            {clock.dueDate}
          </Typography.Text>
        </Descriptions.Item>
        {clock.daysLeft !== null && (
          <Descriptions.Item label={t('clock.daysLeft')}>
            <Typography.Text type={overdue ? 'danger' : undefined}>
              {overdue
                ? t('clock.overdueBy', { days: -clock.daysLeft })
                : t('clock.daysLeftValue', { days: clock.daysLeft })}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {clock.metAt && (
          <Descriptions.Item label={t('clock.metAt')}>{clock.metAt.slice(0, 10)}</Descriptions.Item>
        )}
        {clock.overdueAt && (
          <Descriptions.Item label={t('clock.overdueAt')}>{clock.overdueAt.slice(0, 10)}</Descriptions.Item>
        )}
      </Descriptions>
      {warnings.includes('beyondSchedule') && (
        <Typography.Paragraph type="warning">{t('clock.beyondSchedule')}</Typography.Paragraph>
      )}
      {suspensions.length > 0 && (
        <>
          <Typography.Text strong>{t('clock.suspensions')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {suspensions.map((s) => (
              <li key={s.from}>
                {s.to
                  ? t('clock.suspensionClosed', { from: s.from, to: s.to, days: s.days ?? 0 })
                  : t('clock.suspensionOpen', { from: s.from })}
                {s.reason ? ` — ${s.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {extensions.length > 0 && (
        <>
          <Typography.Text strong>{t('clock.extensions')}</Typography.Text>
          <ul style={{ marginTop: 4 }}>
            {extensions.map((e) => (
              <li key={e.at}>
                {t('clock.extensionLine', {
                  length: e.length,
                  unit: t(`unit.${e.dayType}`),
                  from: e.from,
                  to: e.to,
                })}{' '}
                — {e.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Collapse
        size="small"
        items={[
          {
            key: 'how',
            label: t('clock.howComputed', { version: clock.ruleVersion }),
            children: <DeadlineSteps steps={steps} />,
          },
        ]}
      />
      {clock.status !== 'met' && (
        <Button style={{ marginTop: 12 }} onClick={() => setExtending(true)}>
          {t('clock.requestExtension')}
        </Button>
      )}
      {extending && (
        <ExtensionModal
          caseId={caseId}
          clock={clock}
          onClose={() => setExtending(false)}
          onDone={(c) => {
            setExtending(false)
            onChanged(c)
          }}
        />
      )}
    </Card>
  )
}

function ExtensionModal({
  caseId,
  clock,
  onClose,
  onDone,
}: {
  caseId: string
  clock: Clock
  onClose: () => void
  onDone: (c: CaseDetail) => void
}) {
  const { t } = useTranslation('cases')
  const [form] = Form.useForm<{ length: number; reason: string }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit(values: { length: number; reason: string }) {
    setBusy(true)
    setError(null)
    try {
      onDone(await api.post<CaseDetail>(`/api/cases/${caseId}/clocks/${clock.id}/extensions`, values))
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={t('clock.extensionTitle')}
      onCancel={onClose}
      okText={t('clock.extensionSubmit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('clock.extensionLength')}
          name="length"
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('clock.extensionReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
