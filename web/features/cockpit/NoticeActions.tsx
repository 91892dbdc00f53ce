import { App, Button, Form, Input, InputNumber, Modal, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi, type NoticeAction } from './api.ts'
import type { NoticeView } from './model.ts'

type Action = 'respond' | 'followUp' | 'close'

/**
 * The steps on a supervision notice, each in its own form: the responsible unit answers; the plan
 * office follows up (optionally with a new deadline in working days) or closes it.
 */
export function NoticeActions({
  notice,
  myUnit,
  onDone,
}: {
  notice: NoticeView
  myUnit: string | null | undefined
  onDone: (n: NoticeView) => void | Promise<void>
}) {
  const { t } = useTranslation('plan')
  const { can } = useAuth()
  const { message } = App.useApp()
  const [action, setAction] = useState<Action>()
  const [error, setError] = useState<ApiError>()
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<NoticeAction>()
  if (notice.state === 'closed') return null
  const open = (a: Action) => {
    form.resetFields()
    setError(undefined)
    setAction(a)
  }
  const submit = async (values: NoticeAction) => {
    if (!action) return
    setSaving(true)
    try {
      const body = { text: values.text, responseWorkingDays: values.responseWorkingDays ?? undefined }
      const call = { respond: cockpitApi.respond, followUp: cockpitApi.followUp, close: cockpitApi.close }[
        action
      ]
      const updated = await call(notice.id, body)
      message.success(t(action === 'respond' ? 'notice.responded' : 'notice.saved'))
      setAction(undefined)
      await onDone(updated)
    } catch (e) {
      setError(e as ApiError)
    } finally {
      setSaving(false)
    }
  }
  const mine = myUnit !== undefined && myUnit !== null && myUnit === notice.unit
  return (
    <>
      <Space wrap>
        {mine && (
          <Button size="small" type="primary" data-testid="notice-respond" onClick={() => open('respond')}>
            {t('notice.respond')}
          </Button>
        )}
        {can('cockpit.manage') && (
          <>
            <Button size="small" data-testid="notice-follow-up" onClick={() => open('followUp')}>
              {t('notice.followUp')}
            </Button>
            <Button size="small" data-testid="notice-close" onClick={() => open('close')}>
              {t('notice.close')}
            </Button>
          </>
        )}
      </Space>
      <Modal
        open={action !== undefined}
        title={action ? t(`notice.form.${action}`) : ''}
        okText={t('notice.form.submit')}
        cancelText={t('notice.form.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setAction(undefined)}
        destroyOnHidden
      >
        <p>{notice.subjectLabel}</p>
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="text"
            label={t(
              action === 'respond'
                ? 'notice.form.response'
                : action === 'close'
                  ? 'notice.form.closure'
                  : 'notice.form.followUpText',
            )}
            rules={[
              { required: true, whitespace: true, message: t('notice.form.textRequired') },
              { max: 5000 },
            ]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          {action === 'followUp' && (
            <Form.Item
              name="responseWorkingDays"
              label={t('notice.form.newDeadline')}
              extra={t('notice.form.newDeadlineHelp')}
            >
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  )
}
