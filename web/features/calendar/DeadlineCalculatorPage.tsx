import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeadlineResponse } from '../../../contracts/calendar-api.ts'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { DeadlineSteps } from './DeadlineSteps.tsx'
import { chinaToday } from './today.ts'

type Values = { from: string; days: number; unit: 'working' | 'calendar' | 'month'; rollForward: boolean }

/** Portal: the public deadline calculator (期限计算器) on the official working-day calendar. */
export function DeadlineCalculatorPage() {
  const { t, i18n } = useTranslation('calendar')
  const [form] = Form.useForm<Values>()
  const [result, setResult] = useState<DeadlineResponse | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const unit = Form.useWatch('unit', form)

  async function compute(values: Values) {
    setBusy(true)
    setError(null)
    try {
      setResult(
        await api.get<DeadlineResponse>('/api/calendar/deadline', {
          from: values.from,
          days: values.days,
          unit: values.unit,
          rollForward: values.unit === 'working' ? undefined : values.rollForward,
        }),
      )
    } catch (e) {
      setResult(null)
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('calculator.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('calculator.intro')}</Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form<Values>
        key={i18n.language}
        form={form}
        layout="vertical"
        initialValues={{ from: chinaToday(), days: 7, unit: 'working', rollForward: true }}
        onFinish={compute}
      >
        <Form.Item
          label={t('calculator.from')}
          name="from"
          rules={[{ required: true, message: t('calculator.fromRequired') }]}
          extra={t('calculator.fromHelp')}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          label={t('calculator.days')}
          name="days"
          rules={[{ required: true, message: t('calculator.daysRequired') }]}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={t('calculator.unit')} name="unit">
          <Select
            options={[
              { value: 'working', label: t('unit.working') },
              { value: 'calendar', label: t('unit.calendar') },
              { value: 'month', label: t('unit.month') },
            ]}
          />
        </Form.Item>
        {unit !== 'working' && (
          <Form.Item name="rollForward" valuePropName="checked">
            <Checkbox>{t('calculator.rollForward')}</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('calculator.compute')}
        </Button>
      </Form>
      {result && (
        <section aria-live="polite" style={{ marginTop: 24 }}>
          {result.warnings.includes('beyondSchedule') && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('calculator.beyondSchedule', { until: result.coveredUntil ?? '—' })}
            />
          )}
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('calculator.due')}>
              <Typography.Text strong style={{ fontSize: 20 }} data-testid="due-date">
                {result.due}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('calculator.period')}>
              {t('calculator.periodValue', {
                from: result.from,
                length: result.length,
                unit: t(`unit.${result.unit}`),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('calculator.steps')}>
              <DeadlineSteps steps={result.steps} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('calculator.basis')}
          </Typography.Paragraph>
        </section>
      )}
    </Card>
  )
}
