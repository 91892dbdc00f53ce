import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  POINT_KIND_LABELS,
  POINT_KINDS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  type ServicePoint,
  type ServicePointInput,
} from '../../../contracts/services/index.ts'
import { type ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, compact, validValues } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { label, loadDistricts } from './shared.ts'
import { uploadFile } from './upload.ts'

const toInput = (p: ServicePoint): ServicePointInput => ({
  name: p.name,
  kind: p.kind,
  services: p.services,
  districtId: p.districtId,
  address: p.address,
  contacts: p.contacts.map((c) => ({ phone: c.phone, ...(c.label ? { label: c.label } : {}) })),
  ...(p.email ? { email: p.email } : {}),
  ...(p.openingHours ? { openingHours: p.openingHours } : {}),
  ...(p.description ? { description: p.description } : {}),
  lat: p.lat,
  lng: p.lng,
  ...(p.establishedOn ? { establishedOn: p.establishedOn } : {}),
  published: p.published,
})

/** Workbench: the directory in the clerk's scope (drafts included), edited, published and imported. */
export function ManagePage() {
  const { t, i18n } = useTranslation('services')
  const lang = i18n.language
  const { message } = App.useApp()
  const points = useFetch(() => api.get<Page<ServicePoint>>('/api/service-points', { pageSize: 200 }), [lang])
  const districts = useFetch(loadDistricts, [])
  const [editing, setEditing] = useState<ServicePoint | 'new' | null>(null)
  const [problem, setProblem] = useState<ApiError | undefined>()
  const [form] = Form.useForm()

  const save = async () => {
    const valid = await validValues(form)
    if (!valid) return
    const values = compact(valid)
    const body = { ...values, contacts: (values.contacts ?? []).map((c: { phone: string }) => compact(c)) }
    try {
      if (editing === 'new') await api.post('/api/service-points', body)
      else if (editing) await api.patch(`/api/service-points/${editing.id}`, body)
      setEditing(null)
      message.success(t('manage.saved'))
      await points.reload()
    } catch (error) {
      if (!applyProblemToForm(form, error)) setProblem(error as ApiError)
    }
  }
  const publish = async (p: ServicePoint, published: boolean) => {
    try {
      await api.patch(`/api/service-points/${p.id}`, { ...toInput(p), published })
      await points.reload()
    } catch (error) {
      setProblem(error as ApiError)
    }
  }
  const open = (p: ServicePoint | 'new') => {
    setProblem(undefined)
    form.resetFields()
    form.setFieldsValue(p === 'new' ? { contacts: [{ phone: '' }], published: false } : toInput(p))
    setEditing(p)
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('manage.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => open('new')}>
          {t('manage.new')}
        </Button>
        <Upload
          accept=".csv,.xlsx,.json"
          showUploadList={false}
          customRequest={async ({ file }) => {
            setProblem(undefined)
            try {
              const result = await uploadFile<{ imported: number }>(
                '/api/service-points/imports',
                file as File,
              )
              message.success(t('manage.imported', { count: result.imported }))
              await points.reload()
            } catch (error) {
              setProblem(error as ApiError)
            }
          }}
        >
          <Button>{t('manage.import')}</Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary">{t('manage.format')}</Typography.Paragraph>
      {problem && !editing && (
        <>
          <ProblemAlert error={problem} onClose={() => setProblem(undefined)} />
          {problem.problem.errors && (
            <Alert
              type="error"
              role="alert"
              message={t('manage.importFailed')}
              description={
                <ul data-testid="import-errors">
                  {problem.problem.errors.map((e) => (
                    <li key={`${e.path}:${e.message}`}>
                      {e.path}：{e.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
      <Table<ServicePoint>
        rowKey="id"
        loading={points.loading}
        dataSource={points.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            title: t('manage.name'),
            dataIndex: 'name',
            render: (name: string, p) => (p.published ? <Link to={`/directory/${p.id}`}>{name}</Link> : name),
          },
          {
            title: t('point.kind'),
            dataIndex: 'kind',
            render: (k: ServicePoint['kind']) => label(POINT_KIND_LABELS[k], lang),
          },
          { title: t('point.district'), dataIndex: 'districtName' },
          {
            title: t('manage.publish'),
            dataIndex: 'published',
            render: (published: boolean, p) => (
              <Switch
                checked={published}
                aria-label={`${t('manage.publish')} ${p.name}`}
                checkedChildren={t('manage.published')}
                unCheckedChildren={t('manage.draft')}
                onChange={(v) => void publish(p, v)}
              />
            ),
          },
          {
            title: t('manage.actions'),
            key: 'actions',
            render: (_: unknown, p) => (
              <Space>
                <Button size="small" onClick={() => open(p)}>
                  {t('manage.edit')}
                </Button>
                <Popconfirm
                  title={t('manage.confirmDelete')}
                  onConfirm={async () => {
                    await api.delete(`/api/service-points/${p.id}`)
                    await points.reload()
                  }}
                >
                  <Button size="small" danger>
                    {t('manage.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('manage.new') : t('manage.edit')}
        okText={t('manage.save')}
        cancelText={t('manage.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        width={720}
        destroyOnHidden
      >
        {problem && editing && <ProblemAlert error={problem} />}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('manage.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('point.kind')} rules={[{ required: true }]}>
            <Select
              options={POINT_KINDS.map((k) => ({ value: k, label: label(POINT_KIND_LABELS[k], lang) }))}
            />
          </Form.Item>
          <Form.Item name="services" label={t('point.services')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={SERVICE_KINDS.map((s) => ({ value: s, label: label(SERVICE_KIND_LABELS[s], lang) }))}
            />
          </Form.Item>
          <Form.Item name="districtId" label={t('point.district')} rules={[{ required: true }]}>
            <Select
              options={(districts.data ?? []).map((d) => ({
                value: d.id,
                label: lang === 'en' ? d.nameEn : d.nameZh,
              }))}
            />
          </Form.Item>
          <Form.Item name="address" label={t('point.address')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item
                      name={[field.name, 'phone']}
                      label={`${t('manage.phone')} ${index + 1}`}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(field.name)}>−</Button>}
                  </Space>
                ))}
                <Button onClick={() => add({ phone: '' })} style={{ marginBottom: 16 }}>
                  + {t('manage.phone')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="openingHours" label={t('point.hours')}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('point.email')}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="description" label={t('point.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Form.Item name="lat" label={t('manage.lat')} rules={[{ required: true }]}>
              <InputNumber step={0.0001} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="lng" label={t('manage.lng')} rules={[{ required: true }]}>
              <InputNumber step={0.0001} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="establishedOn" label={t('point.established')}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="published" label={t('manage.publish')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
