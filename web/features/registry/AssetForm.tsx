import { Button, Form, type FormInstance, Input, Select, Space, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  ASSET_STATUS_LABELS,
  ASSET_STATUSES,
  type Asset,
  type AssetInput,
} from '../../../contracts/registry.ts'
import { currentLanguage } from '../../i18n/index.ts'

export const label = (value: { zh: string; en: string }) => (currentLanguage() === 'en' ? value.en : value.zh)

/** The form's values for an existing asset (the API takes the same shape back). */
export function toInput(a: Asset): AssetInput {
  return {
    kind: a.kind,
    number: a.number,
    title: a.title,
    ...(a.abstract ? { abstract: a.abstract } : {}),
    status: a.status,
    ...(a.filedOn ? { filedOn: a.filedOn } : {}),
    ...(a.grantedOn ? { grantedOn: a.grantedOn } : {}),
    holders: a.holders.map((h) => ({ name: h.name, ...(h.uscc ? { uscc: h.uscc } : {}) })),
    ipc: a.ipc,
    niceClasses: a.niceClasses,
    locarno: a.locarno,
    published: a.published,
  }
}

/** Create / edit an IP asset: identifiers and classes are checked by the server (same contracts). */
export function AssetForm({ form }: { form: FormInstance }) {
  const { t } = useTranslation('registry')
  const kind = Form.useWatch('kind', form)
  const tags = (name: string, text: string) => (
    <Form.Item name={name} label={text} extra={t('assets.classesHint')}>
      <Select mode="tags" open={false} tokenSeparators={[',', '，', ';', '；', ' ']} aria-label={text} />
    </Form.Item>
  )
  return (
    <Form form={form} layout="vertical">
      <Space wrap>
        <Form.Item name="kind" label={t('assets.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={ASSET_KINDS.map((k) => ({ value: k, label: label(ASSET_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="number" label={t('assets.number')} rules={[{ required: true }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="status" label={t('assets.status')}>
          <Select
            style={{ width: 140 }}
            options={ASSET_STATUSES.map((s) => ({ value: s, label: label(ASSET_STATUS_LABELS[s]) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('assets.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.List name="holders">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  label={`${t('assets.holderName')} ${index + 1}`}
                  rules={[{ required: true }]}
                >
                  <Input style={{ width: 280 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'uscc']} label={t('assets.uscc')}>
                  <Input style={{ width: 220 }} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(field.name)}>−</Button>}
              </Space>
            ))}
            <Button onClick={() => add({ name: '' })} style={{ marginBottom: 16 }}>
              + {t('assets.addHolder')}
            </Button>
          </>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item name="filedOn" label={t('assets.filedOn')}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="grantedOn" label={t('assets.grantedOn')}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
      </Space>
      {(kind === 'patent' || form.getFieldValue('ipc')?.length > 0) && tags('ipc', t('assets.ipc'))}
      {(kind === 'patent' || form.getFieldValue('locarno')?.length > 0) &&
        tags('locarno', t('assets.locarno'))}
      {(kind === 'trademark' || form.getFieldValue('niceClasses')?.length > 0) &&
        tags('niceClasses', t('assets.nice'))}
      <Form.Item name="abstract" label={t('assets.abstract')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="published" label={t('assets.publish')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </Form>
  )
}
