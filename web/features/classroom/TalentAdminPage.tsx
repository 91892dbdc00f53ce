import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CONSENT_SCOPES,
  IPC_SECTIONS,
  TALENT_KINDS,
  type TalentProfile,
} from '../../../contracts/classroom/index.ts'
import { mobilePhoneSchema } from '../../../contracts/identifiers/index.ts'
import { ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { chinaDateTime } from './format.ts'

type ProfileValues = {
  kind: string
  name: string
  title?: string
  organization?: string
  ipcSections?: string[]
  topics?: string[]
  bio?: string
  phone?: string
  email?: string
}

/** Workbench: talent profiles, published only while the person's recorded consent stands. */
export function TalentAdminPage() {
  const { t } = useTranslation('classroom')
  const { message } = App.useApp()
  const list = useFetch(() => api.get<Page<TalentProfile>>('/api/talent/profiles', { pageSize: 200 }), [])
  const [editing, setEditing] = useState<{ profile: TalentProfile | null } | null>(null)
  const [consentFor, setConsentFor] = useState<TalentProfile | null>(null)
  const [form] = Form.useForm<ProfileValues>()
  const [consentForm] = Form.useForm<{ scope: string; note: string }>()
  const [error, setError] = useState<ApiError | undefined>()
  const [busy, setBusy] = useState(false)

  const open = (profile: TalentProfile | null) => {
    setError(undefined)
    form.resetFields()
    if (profile) form.setFieldsValue({ ...profile, phone: profile.phone ?? '', email: profile.email ?? '' })
    setEditing({ profile })
  }
  const save = async (v: ProfileValues) => {
    setBusy(true)
    setError(undefined)
    try {
      const body = {
        kind: v.kind,
        name: v.name,
        title: v.title ?? '',
        organization: v.organization ?? '',
        ipcSections: v.ipcSections ?? [],
        topics: v.topics ?? [],
        bio: v.bio ?? '',
        phone: v.phone ? v.phone : null,
        email: v.email ? v.email : null,
      }
      if (editing?.profile) await api.patch(`/api/talent/profiles/${editing.profile.id}`, body)
      else await api.post('/api/talent/profiles', body)
      message.success(t('admin.saved'))
      setEditing(null)
      void list.reload()
    } catch (e) {
      if (!applyProblemToForm(form, e)) setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }
  const recordConsent = async (v: { scope: string; note: string }) => {
    if (!consentFor) return
    setBusy(true)
    setError(undefined)
    try {
      await api.post(`/api/talent/profiles/${consentFor.id}/consent`, v)
      message.success(t('talentAdmin.consentRecorded'))
      setConsentFor(null)
      void list.reload()
    } catch (e) {
      if (!applyProblemToForm(consentForm, e)) setError(e instanceof ApiError ? e : undefined)
    } finally {
      setBusy(false)
    }
  }
  const setPhoto = async (p: TalentProfile, file: File | null) => {
    try {
      if (file) await api.upload(`/api/talent/profiles/${p.id}/photo`, file)
      else await api.delete(`/api/talent/profiles/${p.id}/photo`)
      message.success(t(file ? 'talentAdmin.photoSaved' : 'talentAdmin.photoRemoved'))
      void list.reload()
    } catch (e) {
      message.error(e instanceof ApiError ? e.problem.title : String(e))
    }
  }
  const withdraw = async (p: TalentProfile) => {
    try {
      await api.post(`/api/talent/profiles/${p.id}/consent/withdrawal`, {})
      message.success(t('talentAdmin.withdrawn'))
      void list.reload()
    } catch (e) {
      message.error(e instanceof ApiError ? e.problem.title : String(e))
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('talentAdmin.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" onClick={() => open(null)}>
          {t('talentAdmin.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('talentAdmin.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('talentAdmin.photoHint')}</Typography.Paragraph>
      <ProblemAlert error={list.error} />
      <Table<TalentProfile>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('talentAdmin.name'), dataIndex: 'name' },
          { title: t('talent.kind'), render: (_, p) => t(`kind.${p.kind}`) },
          { title: t('talentAdmin.organization'), dataIndex: 'organization' },
          {
            title: t('talentAdmin.photo'),
            render: (_, p) => (
              <Space>
                {p.photoUrl && (
                  <img
                    src={p.photoUrl}
                    alt={t('talent.photoAlt', { name: p.name })}
                    style={{ width: 40, height: 50, objectFit: 'cover' }}
                  />
                )}
                {p.published && (
                  <Upload
                    accept="image/jpeg,image/png,image/webp"
                    showUploadList={false}
                    customRequest={({ file }) => void setPhoto(p, file as File)}
                  >
                    <Button size="small" aria-label={`${t('talentAdmin.uploadPhoto')} ${p.name}`}>
                      {t('talentAdmin.uploadPhoto')}
                    </Button>
                  </Upload>
                )}
                {p.photoUrl && (
                  <Button size="small" onClick={() => void setPhoto(p, null)}>
                    {t('talentAdmin.removePhoto')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: t('talentAdmin.consent'),
            render: (_, p) =>
              p.published ? (
                <Tag color="green">
                  {t(`consentScope.${p.consent?.scope ?? 'profile'}`)} ·{' '}
                  {p.consent?.recordedAt ? chinaDateTime(p.consent.recordedAt) : ''}
                </Tag>
              ) : p.consent?.withdrawnAt ? (
                <Tag color="red">
                  {t('talentAdmin.withdrawnAt', { at: chinaDateTime(p.consent.withdrawnAt) })}
                </Tag>
              ) : (
                <Tag>{t('talentAdmin.noConsent')}</Tag>
              ),
          },
          {
            title: t('mine.actions'),
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => open(p)}>
                  {t('admin.edit')}
                </Button>
                {p.published ? (
                  <Popconfirm title={t('talentAdmin.withdrawConfirm')} onConfirm={() => withdraw(p)}>
                    <Button size="small" danger>
                      {t('talentAdmin.withdraw')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    size="small"
                    onClick={() => {
                      setError(undefined)
                      consentForm.resetFields()
                      setConsentFor(p)
                    }}
                  >
                    {t('talentAdmin.recordConsent')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.profile ? t('talentAdmin.edit') : t('talentAdmin.new')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText={t('admin.save')}
        destroyOnHidden
      >
        <Form<ProfileValues> form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'expert' }}>
          <Form.Item name="kind" label={t('talent.kind')} rules={[{ required: true }]}>
            <Select options={TALENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('talentAdmin.name')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('talentAdmin.jobTitle')}>
            <Input />
          </Form.Item>
          <Form.Item name="organization" label={t('talentAdmin.organization')}>
            <Input />
          </Form.Item>
          <Form.Item name="ipcSections" label={t('talent.ipcSection')}>
            <Select
              mode="multiple"
              options={IPC_SECTIONS.map((s) => ({ value: s, label: `${s} · ${t(`ipc.${s}`)}` }))}
            />
          </Form.Item>
          <Form.Item name="topics" label={t('talentAdmin.topics')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="bio" label={t('talentAdmin.bio')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('talentAdmin.phone')}
            rules={[zodRule(mobilePhoneSchema, { optional: true })]}
          >
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={t('talentAdmin.email')} rules={[{ type: 'email' }]}>
            <Input type="email" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('talentAdmin.contactNote')}</Typography.Paragraph>
          <ProblemAlert error={error} />
        </Form>
      </Modal>
      <Modal
        open={consentFor !== null}
        title={consentFor ? `${t('talentAdmin.recordConsent')} · ${consentFor.name}` : ''}
        onCancel={() => setConsentFor(null)}
        onOk={() => consentForm.submit()}
        confirmLoading={busy}
        okText={t('admin.save')}
        destroyOnHidden
      >
        <Form
          form={consentForm}
          layout="vertical"
          onFinish={recordConsent}
          initialValues={{ scope: 'profile' }}
        >
          <Form.Item name="scope" label={t('talentAdmin.consentScope')} rules={[{ required: true }]}>
            <Radio.Group options={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`consentScope.${s}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('talentAdmin.consentNote')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} placeholder={t('talentAdmin.consentNotePlaceholder')} />
          </Form.Item>
          <ProblemAlert error={error} />
        </Form>
      </Modal>
    </Card>
  )
}
