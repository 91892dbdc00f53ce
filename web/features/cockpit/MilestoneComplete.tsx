import { App, Button, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../app/api.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaToday } from '../calendar/today.ts'
import { cockpitApi } from './api.ts'
import type { MilestoneView } from './model.ts'

/** Records a milestone as done: the date it was completed and how it met its acceptance standard. */
export function MilestoneComplete({
  milestone,
  label,
  onDone,
}: {
  milestone: MilestoneView
  label: string
  onDone: () => void | Promise<void>
}) {
  const { t } = useTranslation('plan')
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError>()
  const [form] = Form.useForm<{ completedOn: string; note: string }>()
  const submit = async (values: { completedOn: string; note: string }) => {
    setSaving(true)
    try {
      await cockpitApi.completeMilestone(milestone.id, values)
      message.success(t('milestoneForm.saved'))
      setOpen(false)
      await onDone()
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setSaving(false)
    }
  }
  return (
    <>
      <Button
        size="small"
        aria-label={`${t('milestoneForm.complete')} ${label}`}
        onClick={() => {
          form.resetFields()
          setError(undefined)
          setOpen(true)
        }}
      >
        {t('milestoneForm.complete')}
      </Button>
      <Modal
        open={open}
        title={`${t('milestoneForm.complete')} · ${label}`}
        okText={t('notice.form.submit')}
        cancelText={t('notice.form.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>
          {t('field.dueDate')} {milestone.dueDate} · {milestone.standard}
        </p>
        <ProblemAlert error={error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ completedOn: chinaToday(), note: '' }}
          onFinish={submit}
        >
          <Form.Item
            name="completedOn"
            label={t('milestoneForm.completedOn')}
            rules={[
              { required: true, message: t('milestoneForm.dateRequired') },
              { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('milestoneForm.dateRequired') },
              {
                validator: (_, v: string) =>
                  v && v > chinaToday()
                    ? Promise.reject(new Error(t('milestoneForm.future')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input type="date" max={chinaToday()} />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('milestoneForm.note')}
            extra={t('milestoneForm.noteHelp')}
            rules={[
              { required: true, whitespace: true, message: t('milestoneForm.noteRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
