import { Form, Input, Modal, Radio, Select, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ASSIGNMENT_DUTIES, type assignableUsersResponse } from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { type CasePeople, pick } from './model.ts'

type Candidate = z.infer<typeof assignableUsersResponse>['items'][number]

/** A modal form whose refusal by the API is shown above the form, as the API words it. */
function useSubmit(onDone: () => void) {
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  async function run(work: () => Promise<unknown>) {
    setError(null)
    setBusy(true)
    try {
      await work()
      onDone()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    } finally {
      setBusy(false)
    }
  }
  return { error, busy, run }
}

/** Assign a case officer, expert or technical investigator, picked by name; recusal refusals shown. */
export function AssignModal({
  caseId,
  onClose,
  onDone,
}: {
  caseId: string
  onClose: () => void
  onDone: () => void
}) {
  const { t, i18n } = useTranslation('cases')
  const [form] = Form.useForm()
  const duty = (Form.useWatch('duty', form) as string | undefined) ?? 'officer'
  const [q, setQ] = useState('')
  const [candidates, setCandidates] = useState<Candidate[]>([])
  const [loading, setLoading] = useState(false)
  const { error, busy, run } = useSubmit(onDone)

  useEffect(() => {
    let live = true
    setLoading(true)
    const timer = setTimeout(() => {
      api
        .get<{ items: Candidate[] }>(`/api/cases/${caseId}/assignable-users`, { duty, q })
        .then((r) => live && setCandidates(r.items))
        .catch(() => live && setCandidates([]))
        .finally(() => live && setLoading(false))
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [caseId, duty, q])

  return (
    <Modal
      open
      title={t('assign.title')}
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
        initialValues={{ duty: 'officer' }}
        onFinish={(v: { duty: string; userId: string }) =>
          run(() => api.post(`/api/cases/${caseId}/assignments`, v))
        }
      >
        <Form.Item label={t('assign.duty')} name="duty">
          <Radio.Group
            options={ASSIGNMENT_DUTIES.map((d) => ({ value: d, label: t(`duty.${d}`) }))}
            onChange={() => form.setFieldValue('userId', undefined)}
          />
        </Form.Item>
        <Form.Item
          label={t('assign.person')}
          name="userId"
          rules={[{ required: true, message: t('assign.personRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            data-testid="assign-person"
            placeholder={t('assign.searchPlaceholder')}
            loading={loading}
            notFoundContent={loading ? null : t('assign.none')}
            options={candidates.map((c) => ({
              value: c.id,
              label: (
                <span>
                  {c.displayName}
                  {c.orgName ? ` · ${pick(c.orgName, i18n.language)}` : ''}
                  {c.assigned && <Tag style={{ marginInlineStart: 8 }}>{t('assign.alreadyAssigned')}</Tag>}
                  {c.mustRecuse && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('assign.mustRecuse')}
                    </Tag>
                  )}
                </span>
              ),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Records a recusal request: a party's, or the person's own declared conflict. */
export function RecusalRequestModal({
  caseId,
  people,
  onClose,
  onDone,
}: {
  caseId: string
  people: CasePeople
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation('cases')
  const [form] = Form.useForm()
  const { error, busy, run } = useSubmit(onDone)
  const staff = new Map(
    people.assignments.filter((a) => !a.endedAt).map((a) => [a.userId, a.displayName ?? a.userId]),
  )
  return (
    <Modal
      open
      title={t('recusal.request')}
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
        initialValues={{ partyId: '' }}
        onFinish={(v: { userId: string; partyId: string; reason: string }) =>
          run(() =>
            api.post(`/api/cases/${caseId}/recusals`, {
              userId: v.userId,
              partyId: v.partyId || null,
              reason: v.reason,
            }),
          )
        }
      >
        <Form.Item
          label={t('recusal.person')}
          name="userId"
          rules={[{ required: true, message: t('assign.personRequired') }]}
        >
          <Select
            data-testid="recusal-person"
            options={[...staff].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label={t('recusal.askedBy')} name="partyId">
          <Select
            data-testid="recusal-party"
            options={[
              { value: '', label: t('recusal.declared') },
              ...people.parties.map((p) => ({
                value: p.id,
                label: `${t(`partyRole.${p.role}`)} · ${p.name}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('recusal.reason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('recusal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** Grants or refuses a recusal request, with the reasons. */
export function RecusalDecisionModal({
  caseId,
  recusal,
  personName,
  onClose,
  onDone,
}: {
  caseId: string
  recusal: CasePeople['recusals'][number]
  personName: string
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation('cases')
  const [form] = Form.useForm()
  const { error, busy, run } = useSubmit(onDone)
  return (
    <Modal
      open
      title={t('recusal.decide', { name: personName })}
      onCancel={onClose}
      okText={t('action.confirm')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <p>{recusal.reason}</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ grant: true }}
        onFinish={(v: { grant: boolean; note: string }) =>
          run(() => api.post(`/api/cases/${caseId}/recusals/${recusal.id}/decision`, v))
        }
      >
        <Form.Item name="grant" label={t('recusal.decision')}>
          <Radio.Group
            options={[
              { value: true, label: t('recusal.grant') },
              { value: false, label: t('recusal.refuse') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('recusal.note')}
          name="note"
          rules={[{ required: true, whitespace: true, message: t('recusal.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
