import { Form, Input, Modal, Radio, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addPartyRequest, PARTY_ROLES } from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { applyProblemToForm, compact, issueMessage, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import type { CasePeople } from './model.ts'

const shape = addPartyRequest.shape

/** Adds a party (entity by USCC, natural person, or an agent with the power of attorney). */
export function AddPartyModal({
  caseId,
  parties,
  onClose,
  onDone,
}: {
  caseId: string
  parties: CasePeople['parties']
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation('cases')
  const [form] = Form.useForm()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const kind = Form.useWatch('kind', form) as 'entity' | 'person' | undefined
  const role = Form.useWatch('role', form) as string | undefined

  async function submit(values: Record<string, string>) {
    setError(null)
    const body = compact(values)
    // The contract's cross-field rules (USCC for an entity, power of attorney for an agent).
    const checked = addPartyRequest.safeParse(body)
    if (!checked.success) {
      form.setFields(
        checked.error.issues.map((i) => ({ name: i.path.map(String), errors: [issueMessage(i)] })),
      )
      return
    }
    setBusy(true)
    try {
      await api.post(`/api/cases/${caseId}/parties`, body)
      onDone()
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
      title={t('party.add')}
      onCancel={onClose}
      okText={t('action.confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'respondent', kind: 'entity' }}
      >
        <Form.Item label={t('party.role')} name="role" required>
          <Select options={PARTY_ROLES.map((r) => ({ value: r, label: t(`partyRole.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('party.kind')} name="kind">
          <Radio.Group
            options={[
              { value: 'entity', label: t('party.entity') },
              { value: 'person', label: t('party.person') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('party.name')} name="name" required rules={[zodRule(shape.name)]}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item
            label={t('party.idNumber')}
            name="idNumber"
            rules={[zodRule(shape.idNumber.unwrap(), { optional: true })]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('party.uscc')}
            name="uscc"
            required
            rules={[zodRule(shape.uscc.unwrap())]}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label={t('party.phone')}
          name="phone"
          rules={[zodRule(shape.phone.unwrap(), { optional: true })]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        {role === 'agent' && (
          <>
            <Form.Item label={t('party.represents')} name="representsId" required>
              <Select
                options={parties
                  .filter((p) => p.role !== 'agent')
                  .map((p) => ({ value: p.id, label: `${t(`partyRole.${p.role}`)} · ${p.name}` }))}
              />
            </Form.Item>
            <Form.Item label={t('party.powerOfAttorney')} name="powerOfAttorney" required>
              <Input maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  )
}
