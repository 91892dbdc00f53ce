import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  ASSET_STATUS_LABELS,
  type Asset,
  type AssetKind,
} from '../../../contracts/registry.ts'
import { type ApiError, api, type Page } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, compact, validValues } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { loadDistricts } from '../services/shared.ts'
import { AssetForm, label, toInput } from './AssetForm.tsx'
import { ImportReport } from './ImportReport.tsx'

type Filters = { kind?: AssetKind; districtId?: string; holder?: string }

/** Workbench: the registry in the clerk's scope (unpublished included), edited, published and imported. */
export function AssetsAdminPage() {
  const { t, i18n } = useTranslation('registry')
  const { message } = App.useApp()
  const [filters, setFilters] = useState<Filters>({})
  const [page, setPage] = useState(1)
  const assets = useFetch(
    () => api.get<Page<Asset>>('/api/registry/assets', { ...filters, page, pageSize: 20 }),
    [filters, page, i18n.language],
  )
  const districts = useFetch(loadDistricts, [])
  const [editing, setEditing] = useState<Asset | 'new' | null>(null)
  const [problem, setProblem] = useState<ApiError | undefined>()
  const [importProblem, setImportProblem] = useState<ApiError | undefined>()
  const [form] = Form.useForm()

  const filter = (change: Filters) => {
    setFilters((f) => compact({ ...f, ...change }))
    setPage(1)
  }
  const open = (a: Asset | 'new') => {
    setProblem(undefined)
    form.resetFields()
    form.setFieldsValue(
      a === 'new' ? { holders: [{ name: '' }], status: 'valid', published: false } : toInput(a),
    )
    setEditing(a)
  }
  const save = async () => {
    const valid = await validValues(form)
    if (!valid) return
    const values = compact(valid)
    const body = {
      ...values,
      holders: (values.holders ?? []).map((h: { name: string; uscc?: string }) => compact(h)),
      ...(editing && editing !== 'new' ? { details: editing.details } : {}),
    }
    setProblem(undefined)
    try {
      if (editing === 'new') await api.post('/api/registry/assets', body)
      else if (editing) await api.patch(`/api/registry/assets/${editing.id}`, body)
      setEditing(null)
      message.success(t('assets.saved'))
      await assets.reload()
    } catch (error) {
      if (!applyProblemToForm(form, error)) setProblem(error as ApiError)
    }
  }
  const publish = async (a: Asset, published: boolean) => {
    try {
      await api.post(`/api/registry/assets/${a.id}/publication`, { published })
      await assets.reload()
    } catch (error) {
      setProblem(error as ApiError)
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('assets.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => open('new')}>
          {t('assets.new')}
        </Button>
        <Upload
          accept=".csv,.xlsx,.json"
          showUploadList={false}
          customRequest={async ({ file }) => {
            setImportProblem(undefined)
            try {
              const result = await api.upload<{ imported: number }>('/api/registry/imports', file as File)
              message.success(t('assets.imported', { count: result.imported }))
              await assets.reload()
            } catch (error) {
              setImportProblem(error as ApiError)
            }
          }}
        >
          <Button>{t('assets.import')}</Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary">{t('assets.format')}</Typography.Paragraph>
      <ImportReport error={importProblem} onClose={() => setImportProblem(undefined)} />
      {!editing && <ProblemAlert error={problem ?? assets.error} onClose={() => setProblem(undefined)} />}
      <Space wrap style={{ marginBottom: 12 }} role="search">
        <Select
          allowClear
          aria-label={t('assets.kind')}
          placeholder={t('assets.allKinds')}
          style={{ width: 180 }}
          value={filters.kind}
          onChange={(kind?: AssetKind) => filter({ kind })}
          options={ASSET_KINDS.map((k) => ({ value: k, label: label(ASSET_KIND_LABELS[k]) }))}
        />
        <Select
          allowClear
          aria-label={t('assets.district')}
          placeholder={t('assets.allDistricts')}
          style={{ width: 180 }}
          value={filters.districtId}
          onChange={(districtId?: string) => filter({ districtId })}
          options={(districts.data ?? []).map((d) => ({
            value: d.id,
            label: i18n.language === 'en' ? d.nameEn : d.nameZh,
          }))}
        />
        <Input.Search
          allowClear
          aria-label={t('assets.holder')}
          placeholder={t('assets.holderPlaceholder')}
          style={{ width: 320 }}
          onSearch={(holder) => filter({ holder: holder.trim() })}
        />
      </Space>
      <Table<Asset>
        rowKey="id"
        data-testid="registry-assets"
        loading={assets.loading}
        dataSource={assets.data?.items ?? []}
        locale={{ emptyText: t('assets.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: assets.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('assets.number'), dataIndex: 'number' },
          {
            title: t('assets.name'),
            dataIndex: 'title',
            render: (title: string, a) => <Link to={`/registry/assets/${a.id}`}>{title}</Link>,
          },
          {
            title: t('assets.kind'),
            dataIndex: 'kind',
            render: (k: AssetKind) => label(ASSET_KIND_LABELS[k]),
          },
          {
            title: t('assets.status'),
            dataIndex: 'status',
            render: (s: Asset['status']) => label(ASSET_STATUS_LABELS[s]),
          },
          {
            title: t('assets.holders'),
            key: 'holders',
            render: (_: unknown, a) => a.holders.map((h) => h.name).join('；'),
          },
          { title: t('assets.district'), dataIndex: 'districtName', render: (d: string | null) => d ?? '—' },
          {
            title: t('assets.publish'),
            dataIndex: 'published',
            render: (published: boolean, a) => (
              <Switch
                checked={published}
                aria-label={`${t('assets.publish')} ${a.number}`}
                checkedChildren={t('assets.published')}
                unCheckedChildren={t('assets.draft')}
                onChange={(v) => void publish(a, v)}
              />
            ),
          },
          {
            title: t('assets.actions'),
            key: 'actions',
            render: (_: unknown, a) => (
              <Button size="small" onClick={() => open(a)} aria-label={`${t('assets.edit')} ${a.number}`}>
                {t('assets.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('assets.new') : t('assets.edit')}
        okText={t('assets.save')}
        cancelText={t('assets.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        width={760}
        destroyOnHidden
      >
        {editing && <ProblemAlert error={problem} />}
        <AssetForm form={form} />
      </Modal>
    </>
  )
}
