import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changePasswordRequest } from '../../contracts/identity.ts'
import { ApiError, api } from '../app/api.ts'
import { applyProblemToForm, zodRule } from '../components/forms.ts'
import { ProblemAlert } from '../components/ProblemAlert.tsx'

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('workbench')
  const [form] = Form.useForm()
  const { message } = App.useApp()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setBusy(true)
    setError(null)
    try {
      await api.post('/api/auth/password', values)
      message.success(t('password.changed'))
      form.resetFields()
      onClose()
    } catch (e) {
      if (!applyProblemToForm(form, e) && e instanceof ApiError) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[zodRule(changePasswordRequest.shape.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[zodRule(changePasswordRequest.shape.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
