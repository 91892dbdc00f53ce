import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import {
  type Article,
  CONTENT_KINDS,
  type ContentKind,
  createArticleRequest,
  POLICY_VALIDITIES,
} from '../../../../contracts/content.ts'
import { ApiError, api } from '../../../app/api.ts'
import { useAuth } from '../../../app/auth.tsx'
import { useFetch } from '../../../app/useFetch.ts'
import { applyProblemToForm, zodRule } from '../../../components/forms.ts'
import { ProblemAlert } from '../../../components/ProblemAlert.tsx'
import { kindLabel } from '../labels.ts'
import { contentPath } from '../paths.ts'
import { RichText } from '../RichText.tsx'
import { STATE_COLORS } from './ContentListPage.tsx'

/** ZhiBao's own application pages a guide can point to. */
const ZHIBAO_FORMS = [
  '/services/complaint',
  '/services/report',
  '/services/assistance',
  '/services/takedown',
  '/services/track',
  '/evidence',
  '/verify/evidence',
] as const

interface FormValues {
  kind: ContentKind
  title: string
  summary?: string
  category?: string
  body: string
  policy?: {
    authority?: string
    documentNumber?: string
    issueDate?: string
    effectiveDate?: string
    expiryDate?: string
    validity?: string
  }
  guide?: {
    steps?: { title: string; description?: string }[]
    materials?: string
    timeLimit?: string
    fees?: string
    applyOnline?: { label: string; href: string }[]
  }
}

function toForm(a: Article): FormValues {
  return {
    kind: a.kind,
    title: a.title,
    summary: a.summary ?? '',
    category: a.category ?? '',
    body: a.body,
    policy: a.policy
      ? {
          ...a.policy,
          documentNumber: a.policy.documentNumber ?? '',
          effectiveDate: a.policy.effectiveDate ?? '',
          expiryDate: a.policy.expiryDate ?? '',
        }
      : { validity: 'in_force' },
    guide: a.guide
      ? { ...a.guide, materials: a.guide.materials.join('\n') }
      : { steps: [{ title: '' }], applyOnline: [] },
  }
}

function toRequest(v: FormValues, kind: ContentKind) {
  const blank = (s?: string) => (s?.trim() ? s.trim() : null)
  return {
    title: v.title,
    summary: v.summary?.trim() || undefined,
    body: v.body,
    category: blank(v.category),
    policy:
      kind === 'policy'
        ? {
            authority: v.policy?.authority ?? '',
            documentNumber: blank(v.policy?.documentNumber),
            issueDate: v.policy?.issueDate ?? '',
            effectiveDate: blank(v.policy?.effectiveDate),
            expiryDate: blank(v.policy?.expiryDate),
            validity: v.policy?.validity ?? 'in_force',
          }
        : null,
    guide:
      kind === 'guide'
        ? {
            steps: (v.guide?.steps ?? []).filter((s) => s?.title?.trim()),
            materials: (v.guide?.materials ?? '')
              .split('\n')
              .map((m) => m.trim())
              .filter(Boolean),
            timeLimit: v.guide?.timeLimit ?? '',
            fees: v.guide?.fees ?? '',
            applyOnline: (v.guide?.applyOnline ?? []).filter((l) => l?.label && l?.href),
          }
        : null,
  }
}

/** A local date-time input's value as an ISO instant, or null when empty. */
const instant = (local: string) => (local ? new Date(local).toISOString() : null)

/** Workbench: draft or change a content item, submit it, review it, schedule or take it down. */
export function ContentEditPage() {
  const { t, i18n } = useTranslation('content')
  const { id } = useParams()
  const isNew = !id || id === 'new'
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { can, user } = useAuth()
  const [form] = Form.useForm<FormValues>()
  const [error, setError] = useState<ApiError>()
  const [busy, setBusy] = useState(false)
  const [publishAt, setPublishAt] = useState('')
  const [unpublishAt, setUnpublishAt] = useState('')
  const [comment, setComment] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)
  const loaded = useFetch(
    () => (isNew ? Promise.resolve(undefined) : api.get<Article>(`/api/articles/${id}`)),
    [id],
  )
  const item = loaded.data
  const kind: ContentKind = Form.useWatch('kind', form) ?? item?.kind ?? 'news'
  const editable = isNew || (item?.status === 'draft' && can('content.manage'))
  // The form shows the stored (server-cleaned) item after every load and save.
  useEffect(() => {
    if (item) form.setFieldsValue(toForm(item))
  }, [item, form])

  const run = async (action: () => Promise<Article | unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      message.success(done)
      await loaded.reload()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
      else throw e
    } finally {
      setBusy(false)
    }
  }

  const save = async (values: FormValues) => {
    setBusy(true)
    setError(undefined)
    try {
      const payload = toRequest(values, kind)
      if (isNew) {
        const created = await api.post<Article>('/api/articles', { ...payload, kind })
        message.success(t('workbench.saved'))
        navigate(`/workbench/content/${created.id}`, { replace: true })
      } else {
        await api.patch<Article>(`/api/articles/${id}`, payload)
        message.success(t('workbench.saved'))
        await loaded.reload()
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (!applyProblemToForm(form, e)) setError(e)
      else setError(e)
    } finally {
      setBusy(false)
    }
  }

  if (!isNew && loaded.loading && !item) return <Card loading />
  if (!isNew && !item) return <ProblemAlert error={loaded.error} />
  const own = item && user && item.authorId === user.id
  const actions: ReactNode[] = []
  if (item?.status === 'draft' && can('content.manage')) {
    actions.push(
      <Button
        key="submit"
        type="primary"
        loading={busy}
        data-testid="content-submit"
        onClick={() => run(() => api.post(`/api/articles/${item.id}/submit`), t('workbench.submitted'))}
      >
        {t('action.submit')}
      </Button>,
    )
  }
  if (item?.status === 'archived' && can('content.manage')) {
    actions.push(
      <Button
        key="reopen"
        loading={busy}
        data-testid="content-reopen"
        onClick={() => run(() => api.post(`/api/articles/${item.id}/reopen`), t('workbench.reopened'))}
      >
        {t('action.reopen')}
      </Button>,
    )
  }
  if ((item?.status === 'published' || item?.status === 'scheduled') && can('content.review')) {
    actions.push(
      <Button
        key="unpublish"
        danger
        loading={busy}
        data-testid="content-unpublish"
        onClick={() =>
          run(() => api.post(`/api/articles/${item.id}/unpublish`, {}), t('workbench.unpublished'))
        }
      >
        {t('action.unpublish')}
      </Button>,
    )
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {isNew ? t('workbench.new') : item?.title}
        </Typography.Title>
        <Space wrap>
          {item && (
            <Tag color={STATE_COLORS[item.status]} data-testid="content-status">
              {t(`state.${item.status}`)}
            </Tag>
          )}
          {item?.status === 'published' && (
            <Link to={contentPath(item.kind, item.id)}>{t('workbench.view')}</Link>
          )}
          <Link to="/workbench/content">{t('workbench.backToList')}</Link>
        </Space>
      </Space>
      {item?.status === 'draft' && item.reviewComment && (
        <Alert type="warning" showIcon title={t('workbench.returned')} description={item.reviewComment} />
      )}
      {item?.status === 'scheduled' && item.publishAt && (
        <Alert
          type="info"
          showIcon
          title={t('workbench.scheduledFor', { at: new Date(item.publishAt).toLocaleString(i18n.language) })}
        />
      )}
      {item?.unpublishAt && (
        <Alert
          type="info"
          showIcon
          title={t('workbench.unpublishFor', {
            at: new Date(item.unpublishAt).toLocaleString(i18n.language),
          })}
        />
      )}
      <ProblemAlert error={error} onClose={() => setError(undefined)} />

      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          disabled={!editable}
          initialValues={
            item
              ? toForm(item)
              : {
                  kind: 'news',
                  policy: { validity: 'in_force' },
                  guide: { steps: [{ title: '' }], applyOnline: [] },
                }
          }
          onFinish={save}
          key={item?.updatedAt ?? 'new'}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
                <Select
                  disabled={!isNew}
                  options={CONTENT_KINDS.map((k) => ({ value: k, label: kindLabel(k, i18n.language) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label={kind === 'faq' ? t('field.question') : t('field.title')}
                rules={[zodRule(createArticleRequest.shape.title)]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item name="summary" label={t('field.summary')} extra={t('field.summaryHelp')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="category" label={t('field.category')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>

          {kind === 'policy' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('policy.legend')}</legend>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['policy', 'authority']}
                    label={t('policy.authority')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={['policy', 'documentNumber']} label={t('policy.documentNumber')}>
                    <Input maxLength={100} placeholder="苏府〔2022〕83号" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={['policy', 'issueDate']}
                    label={t('policy.issueDate')}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['policy', 'effectiveDate']} label={t('policy.effectiveDate')}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['policy', 'expiryDate']} label={t('policy.expiryDate')}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name={['policy', 'validity']} label={t('policy.validity')}>
                    <Select
                      options={POLICY_VALIDITIES.map((v) => ({ value: v, label: t(`validity.${v}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
            </fieldset>
          )}

          {kind === 'guide' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('guide.steps')}</legend>
              <Form.List name={['guide', 'steps']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <Row key={field.key} gutter={8} align="top">
                        <Col xs={24} md={8}>
                          <Form.Item
                            name={[field.name, 'title']}
                            label={t('guide.stepTitle', { n: index + 1 })}
                            rules={[{ required: true, message: t('validation.required') }]}
                          >
                            <Input maxLength={100} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={14}>
                          <Form.Item
                            name={[field.name, 'description']}
                            label={t('guide.stepDescription', { n: index + 1 })}
                          >
                            <Input maxLength={1000} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                          <Button
                            type="text"
                            aria-label={t('guide.removeStep', { n: index + 1 })}
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(field.name)}
                          />
                        </Col>
                      </Row>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ title: '' })}
                      style={{ marginBottom: 16 }}
                    >
                      {t('guide.addStep')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Form.Item
                name={['guide', 'materials']}
                label={t('guide.materials')}
                extra={t('guide.materialsHelp')}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name={['guide', 'timeLimit']} label={t('guide.timeLimit')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={['guide', 'fees']} label={t('guide.fees')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text strong>{t('guide.applyOnline')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('guide.applyOnlineHelp')}
              </Typography.Paragraph>
              <Form.List name={['guide', 'applyOnline']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <Row key={field.key} gutter={8}>
                        <Col xs={24} md={10}>
                          <Form.Item
                            name={[field.name, 'label']}
                            label={t('guide.linkLabel', { n: index + 1 })}
                            rules={[{ required: true, message: t('validation.required') }]}
                          >
                            <Input maxLength={100} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={12}>
                          <Form.Item
                            name={[field.name, 'href']}
                            label={t('guide.linkHref', { n: index + 1 })}
                            rules={[{ required: true, message: t('validation.required') }]}
                          >
                            <Select
                              showSearch
                              options={ZHIBAO_FORMS.map((p) => ({
                                value: p,
                                label: `${t(`forms.${p}`)} (${p})`,
                              }))}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={2} style={{ paddingTop: 30 }}>
                          <Button
                            type="text"
                            aria-label={t('guide.removeLink', { n: index + 1 })}
                            icon={<MinusCircleOutlined />}
                            onClick={() => remove(field.name)}
                          />
                        </Col>
                      </Row>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ label: '', href: '' })}
                      style={{ marginBottom: 16 }}
                    >
                      {t('guide.addLink')}
                    </Button>
                  </>
                )}
              </Form.List>
            </fieldset>
          )}

          <Form.Item
            name="body"
            label={kind === 'faq' ? t('field.answer') : t('field.body')}
            extra={t('field.bodyHelp')}
            rules={[zodRule(createArticleRequest.shape.body)]}
          >
            <Input.TextArea rows={10} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          {item?.body && (
            <Card size="small" title={t('field.preview')} style={{ marginBottom: 16 }}>
              <RichText html={item.body} />
            </Card>
          )}
          {editable && (
            <Button type="primary" htmlType="submit" loading={busy} data-testid="content-save">
              {t('action.save')}
            </Button>
          )}
        </Form>
      </Card>

      {item && (
        <Card title={t('attachments.title')} size="small">
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {item.attachments.map((f) => (
              <li key={f.id}>
                <a href={`/api/articles/${item.id}/attachments/${f.id}/file`} download={f.fileName}>
                  {f.fileName}
                </a>
                {editable && (
                  <Button
                    type="text"
                    size="small"
                    aria-label={t('attachments.remove', { name: f.fileName })}
                    icon={<DeleteOutlined />}
                    onClick={() =>
                      run(
                        () => api.delete(`/api/articles/${item.id}/attachments/${f.id}`),
                        t('attachments.removed'),
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ul>
          {item.attachments.length === 0 && (
            <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>
          )}
          {editable && (
            <div style={{ marginTop: 8 }}>
              <label htmlFor="content-attachment" style={{ display: 'block', marginBottom: 4 }}>
                {t('attachments.add')}
              </label>
              <input
                id="content-attachment"
                ref={fileInput}
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.pptx"
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  if (!file) return
                  void run(async () => {
                    await api.upload(`/api/articles/${item.id}/attachments`, file)
                    if (fileInput.current) fileInput.current.value = ''
                  }, t('attachments.added'))
                }}
              />
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {t('attachments.help')}
              </Typography.Paragraph>
            </div>
          )}
        </Card>
      )}

      {item?.status === 'in_review' && can('content.review') && (
        <Card title={t('review.title')} size="small">
          {own && <Alert type="info" showIcon title={t('review.own')} style={{ marginBottom: 12 }} />}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <label htmlFor="review-publish-at">{t('review.publishAt')}</label>
              <Input
                id="review-publish-at"
                type="datetime-local"
                value={publishAt}
                onChange={(e) => setPublishAt(e.target.value)}
              />
              <Typography.Text type="secondary">{t('review.publishAtHelp')}</Typography.Text>
            </Col>
            <Col xs={24} md={12}>
              <label htmlFor="review-unpublish-at">{t('review.unpublishAt')}</label>
              <Input
                id="review-unpublish-at"
                type="datetime-local"
                value={unpublishAt}
                onChange={(e) => setUnpublishAt(e.target.value)}
              />
            </Col>
          </Row>
          <div style={{ marginTop: 12 }}>
            <label htmlFor="review-comment">{t('review.comment')}</label>
            <Input.TextArea
              id="review-comment"
              rows={3}
              value={comment}
              maxLength={1000}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <Divider style={{ margin: '12px 0' }} />
          <Space wrap>
            <Button
              type="primary"
              loading={busy}
              data-testid="content-approve"
              onClick={() =>
                run(
                  () =>
                    api.post(`/api/articles/${item.id}/review`, {
                      decision: 'approve',
                      publishAt: instant(publishAt),
                      unpublishAt: instant(unpublishAt),
                      comment: comment.trim() || undefined,
                    }),
                  publishAt ? t('review.scheduled') : t('review.published'),
                )
              }
            >
              {publishAt ? t('action.approveScheduled') : t('action.approve')}
            </Button>
            <Button
              loading={busy}
              data-testid="content-return"
              onClick={() =>
                run(
                  () =>
                    api.post(`/api/articles/${item.id}/review`, {
                      decision: 'return',
                      comment: comment.trim(),
                    }),
                  t('review.returned'),
                )
              }
            >
              {t('action.return')}
            </Button>
          </Space>
        </Card>
      )}

      {item?.status === 'published' && can('content.review') && (
        <Card title={t('review.scheduleUnpublish')} size="small">
          <label htmlFor="unpublish-at">{t('review.unpublishAt')}</label>
          <Space wrap style={{ display: 'flex' }}>
            <Input
              id="unpublish-at"
              type="datetime-local"
              value={unpublishAt}
              onChange={(e) => setUnpublishAt(e.target.value)}
            />
            <Button
              disabled={!unpublishAt}
              loading={busy}
              onClick={() =>
                run(
                  () => api.post(`/api/articles/${item.id}/unpublish`, { at: instant(unpublishAt) }),
                  t('review.unpublishScheduled'),
                )
              }
            >
              {t('action.scheduleUnpublish')}
            </Button>
          </Space>
        </Card>
      )}

      {actions.length > 0 && <Space wrap>{actions}</Space>}
    </Space>
  )
}
