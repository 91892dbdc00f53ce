import { Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { ActionModal } from './ActionModal.tsx'
import { AddPartyModal } from './AddPartyModal.tsx'
import { CaseDocuments } from './CaseDocuments.tsx'
import { ClockCard } from './ClockCard.tsx'
import { type CaseDetail, type CasePeople, type CaseRelations, pick } from './model.ts'

/** Workbench: one case — its parties, running clocks, timeline and the actions the user may take. */
export function CasePage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('cases')
  const loaded = useFetch(() => api.get<CaseDetail>(`/api/cases/${id}`), [id])
  const people = useFetch(() => api.get<CasePeople>(`/api/cases/${id}/people`), [id])
  const relations = useFetch(() => api.get<CaseRelations>(`/api/cases/${id}/relations`), [id])
  const [override, setOverride] = useState<CaseDetail | null>(null)
  const [action, setAction] = useState<CaseDetail['actions'][number] | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [addingParty, setAddingParty] = useState(false)
  const { can } = useAuth()
  const detail = override?.id === id ? override : loaded.data

  const changed = (c: CaseDetail, message: string) => {
    setOverride(c)
    setNotice(message)
    setAction(null)
    void people.reload()
  }

  if (!detail)
    return (
      <Card loading={loaded.loading}>
        <ProblemAlert error={loaded.error} />
      </Card>
    )
  const lang = i18n.language
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {detail.number} · {detail.title}
          </Typography.Title>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('case.type')}>{t(`type.${detail.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('case.state')}>
            <Tag color="blue" data-testid="case-state" style={{ whiteSpace: 'normal' }}>
              {pick(detail.stateLabel, lang)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('case.createdAt')}>{detail.createdAt.slice(0, 10)}</Descriptions.Item>
          {relations.data?.matter && (
            <Descriptions.Item label={t('case.matter')}>
              {relations.data.matter.number} ({t('case.matterCases', { n: relations.data.matter.caseCount })})
            </Descriptions.Item>
          )}
        </Descriptions>
        {notice && (
          <Typography.Paragraph type="success" role="status">
            {notice}
          </Typography.Paragraph>
        )}
        <Space wrap>
          {detail.actions.map((a) => (
            <Button key={a.name} type="primary" ghost onClick={() => setAction(a)}>
              {pick(a.label, lang)}
            </Button>
          ))}
          {detail.actions.length === 0 && (
            <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
          )}
        </Space>
        {(relations.data?.duplicates.length ?? 0) > 0 && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('case.duplicates')}{' '}
            {relations.data?.duplicates.map((d) => (
              <Link key={d.caseId} to={`/workbench/cases/${d.caseId}`} style={{ marginInlineEnd: 8 }}>
                {d.number}
              </Link>
            ))}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('case.clocks')} size="small">
            {detail.clocks.length === 0 ? (
              <Empty description={t('case.noClocks')} />
            ) : (
              detail.clocks.map((c) => (
                <ClockCard
                  key={c.id}
                  caseId={detail.id}
                  clock={c}
                  onChanged={(next) => changed(next, t('clock.extended'))}
                />
              ))
            )}
          </Card>
          <Card
            title={t('case.parties')}
            size="small"
            style={{ marginTop: 16 }}
            extra={
              can('case.handle') && (
                <Button size="small" onClick={() => setAddingParty(true)}>
                  {t('party.add')}
                </Button>
              )
            }
          >
            <ProblemAlert error={people.error} />
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 'max-content' }}
              loading={people.loading}
              dataSource={people.data?.parties ?? []}
              columns={[
                { title: t('party.role'), dataIndex: 'role', render: (r: string) => t(`partyRole.${r}`) },
                { title: t('party.name'), dataIndex: 'name' },
                {
                  title: t('party.identifier'),
                  render: (_, p) => p.uscc ?? p.idNumber ?? '—',
                },
                { title: t('party.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
              ]}
            />
            {(people.data?.assignments.length ?? 0) > 0 && (
              <>
                <Typography.Text strong>{t('case.assignments')}</Typography.Text>
                <ul>
                  {people.data?.assignments.map((a) => (
                    <li key={a.id}>
                      {a.displayName ?? a.userId} · {t(`duty.${a.duty}`)}
                      {a.endedAt ? ` (${t('case.assignmentEnded')})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('documents.heading')} size="small" style={{ marginBottom: 16 }}>
            <CaseDocuments caseId={detail.id} version={detail.version} />
          </Card>
          <Card title={t('case.timeline')} size="small">
            <Timeline
              items={detail.events.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <Typography.Text strong>
                      {t(`event.${e.event}`, { defaultValue: e.event })}
                    </Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {new Date(e.at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN')} · {e.actorLabel}
                    </Typography.Text>
                    {e.toState && e.fromState !== e.toState && (
                      <div>
                        {t('case.stateChange', {
                          from: e.fromState
                            ? t(`state.${detail.type}.${e.fromState}`, { defaultValue: e.fromState })
                            : '—',
                          to: t(`state.${detail.type}.${e.toState}`, { defaultValue: e.toState }),
                        })}
                      </div>
                    )}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {addingParty && (
        <AddPartyModal
          caseId={detail.id}
          parties={people.data?.parties ?? []}
          onClose={() => setAddingParty(false)}
          onDone={() => {
            setAddingParty(false)
            void people.reload()
          }}
        />
      )}
      {action && (
        <ActionModal
          detail={detail}
          action={action}
          onClose={() => setAction(null)}
          onDone={(c) => changed(c, t('action.done', { action: pick(action.label, lang) }))}
        />
      )}
    </Space>
  )
}
