import { Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm, compact } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { actionFields, type CaseDetail, pick } from './model.ts'

/** The form of one transition the API offered; the engine validates it and answers the new case. */
export function ActionModal({
  detail,
  action,
  onClose,
  onDone,
}: {
  detail: CaseDetail
  action: CaseDetail['actions'][number]
  onClose: () => void
  onDone: (c: CaseDetail) => void
}) {
  const { t, i18n } = useTranslation('cases')
  const [form] = Form.useForm<{ input: Record<string, unknown> }>()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const fields = actionFields(detail.type, action.name)
  const label = pick(action.label, i18n.language)

  async function submit(values: { input?: Record<string, unknown> }) {
    setBusy(true)
    setError(null)
    try {
      const next = await api.post<CaseDetail>(`/api/cases/${detail.id}/transitions/${action.name}`, {
        input: compact(values.input ?? {}),
        version: detail.version,
      })
      onDone(next)
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
      title={label}
      onCancel={onClose}
      okText={t('action.confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      {fields.length === 0 && (
        <Typography.Paragraph>{t('action.noInput', { action: label })}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ input: {} }}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={['input', f.name]}
            label={t(`field.${f.name}`)}
            rules={f.required ? [{ required: true, message: t('required') }] : []}
          >
            {f.kind === 'select' ? (
              <Select
                options={(f.options ?? []).map((o) => ({ value: o, label: t(`option.${f.name}.${o}`) }))}
              />
            ) : f.kind === 'tags' ? (
              <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea rows={4} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}
