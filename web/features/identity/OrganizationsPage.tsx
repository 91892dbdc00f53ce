import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  createOrganizationRequest,
  type Organization,
  organizationKindSchema,
  updateOrganizationRequest,
} from '../../../contracts/identity.ts'
import { ApiError, api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { applyProblemToForm, compact, zodRule } from '../../components/forms.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { buildOrgTree, type OrgNode, orgOptions, subtreeIds } from './orgTree.ts'

type Editing = { mode: 'create'; parent: Organization } | { mode: 'edit'; org: Organization }

const KINDS = organizationKindSchema.options.filter((k) => k !== 'city')
const createShape = createOrganizationRequest.shape
const updateShape = updateOrganizationRequest.shape

/** The organization tree (city → district → agency); administrators create and edit nodes. */
export function OrganizationsPage() {
  const { t, i18n } = useTranslation('admin')
  const { can } = useAuth()
  const manage = can('org.manage')
  const orgs = useFetch(() => api.get<Organization[]>('/api/organizations'), [])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const lang = i18n.language
  const tree = useMemo(() => buildOrgTree(orgs.data ?? [], lang), [orgs.data, lang])
  const selected = orgs.data?.find((o) => o.id === selectedId) ?? null
  const nameOf = (o: Organization | undefined | null) => (o ? (lang === 'en' ? o.nameEn : o.nameZh) : '—')

  const renderTitle = (node: OrgNode) => (
    <span>
      {node.title} <Tag style={{ marginInlineStart: 4 }}>{t(`orgs.kinds.${node.org.kind}`)}</Tag>
      {!node.org.active && <Tag color="default">{t('orgs.inactive')}</Tag>}
    </span>
  )

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          title={
            <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
              {t('orgs.title')}
            </Typography.Title>
          }
        >
          <ProblemAlert error={orgs.error} />
          {tree.length > 0 ? (
            <Tree<OrgNode>
              showIcon
              icon={<ApartmentOutlined />}
              defaultExpandedKeys={tree.map((n) => n.key)}
              treeData={tree}
              titleRender={renderTitle}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
              aria-label={t('orgs.title')}
            />
          ) : (
            !orgs.loading && <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('orgs.details')}>
          {selected ? (
            <>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('orgs.nameZh')}>{selected.nameZh}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.nameEn')}>{selected.nameEn}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.kind')}>
                  {t(`orgs.kinds.${selected.kind}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('orgs.code')}>{selected.code}</Descriptions.Item>
                <Descriptions.Item label={t('orgs.divisionCode')}>
                  {selected.divisionCode ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('orgs.parent')}>
                  {nameOf(orgs.data?.find((o) => o.id === selected.parentId))}
                </Descriptions.Item>
                <Descriptions.Item label={t('orgs.district')}>
                  {nameOf(orgs.data?.find((o) => o.id === selected.districtId))}
                </Descriptions.Item>
                <Descriptions.Item label={t('orgs.status')}>
                  {selected.active ? t('orgs.active') : t('orgs.inactive')}
                </Descriptions.Item>
              </Descriptions>
              {manage && (
                <Space wrap style={{ marginTop: 12 }}>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => setEditing({ mode: 'create', parent: selected })}
                  >
                    {t('orgs.addChild')}
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', org: selected })}>
                    {t('orgs.edit')}
                  </Button>
                </Space>
              )}
            </>
          ) : (
            <Typography.Text type="secondary">{t('orgs.selectHint')}</Typography.Text>
          )}
        </Card>
      </Col>
      {manage && (
        <OrganizationDrawer
          editing={editing}
          organizations={orgs.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={async (org) => {
            setEditing(null)
            await orgs.reload()
            setSelectedId(org.id)
          }}
        />
      )}
    </Row>
  )
}

function OrganizationDrawer({
  editing,
  organizations,
  onClose,
  onSaved,
}: {
  editing: Editing | null
  organizations: Organization[]
  onClose: () => void
  onSaved: (org: Organization) => void | Promise<void>
}) {
  const { t, i18n } = useTranslation('admin')
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const lang = i18n.language
  const excluded = useMemo(
    () => (editing?.mode === 'edit' ? subtreeIds(organizations, editing.org.id) : new Set<string>()),
    [editing, organizations],
  )
  const parentTree = useMemo(
    () => orgOptions(buildOrgTree(organizations, lang), excluded),
    [organizations, lang, excluded],
  )

  const initialValues =
    editing?.mode === 'edit'
      ? {
          parentId: editing.org.parentId ?? undefined,
          nameZh: editing.org.nameZh,
          nameEn: editing.org.nameEn,
          divisionCode: editing.org.divisionCode ?? undefined,
          functionalZone: editing.org.functionalZone,
          sort: editing.org.sort,
          active: editing.org.active,
        }
      : { parentId: editing?.parent.id, functionalZone: false, sort: 0 }

  async function submit(values: Record<string, unknown>) {
    if (!editing) return
    setBusy(true)
    setError(null)
    try {
      const body = compact(values)
      const saved =
        editing.mode === 'create'
          ? await api.post<Organization>('/api/organizations', body)
          : await api.patch<Organization>(`/api/organizations/${encodeURIComponent(editing.org.id)}`, body)
      message.success(t('orgs.saved'))
      await onSaved(saved)
    } catch (e) {
      const placed = applyProblemToForm(form, e)
      if (e instanceof ApiError) setError(placed ? new ApiError({ ...e.problem, errors: undefined }) : e)
    } finally {
      setBusy(false)
    }
  }

  const isRoot = editing?.mode === 'edit' && editing.org.parentId === null
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      title={editing?.mode === 'create' ? t('orgs.createTitle') : t('orgs.editTitle')}
      size={480}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          {t('orgs.save')}
        </Button>
      }
    >
      <ProblemAlert error={error} />
      <Form
        key={`${lang}-${editing?.mode}`}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
      >
        {!isRoot && (
          <Form.Item
            name="parentId"
            label={t('orgs.parent')}
            rules={[{ required: true, message: t('orgs.parentRequired') }]}
          >
            <TreeSelect treeData={parentTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
        {editing?.mode === 'create' && (
          <>
            <Form.Item
              name="kind"
              label={t('orgs.kind')}
              rules={[{ required: true, message: t('orgs.kindRequired') }]}
            >
              <Select options={KINDS.map((k) => ({ value: k, label: t(`orgs.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('orgs.code')}
              extra={t('orgs.codeHelp')}
              rules={[zodRule(createShape.code)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="nameZh" label={t('orgs.nameZh')} rules={[zodRule(createShape.nameZh)]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgs.nameEn')} rules={[zodRule(createShape.nameEn)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('orgs.divisionCode')}
          rules={[zodRule(createShape.divisionCode.unwrap(), { optional: true })]}
        >
          <Input maxLength={6} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="functionalZone" label={t('orgs.functionalZone')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sort" label={t('orgs.sort')}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {editing?.mode === 'edit' && updateShape.active && (
          <Form.Item name="active" label={t('orgs.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  )
}
