import { Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, api } from '../../app/api.ts'
import { useAuth } from '../../app/auth.tsx'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { ActionModal } from './ActionModal.tsx'
import { AddPartyModal } from './AddPartyModal.tsx'
import { CaseDocuments } from './CaseDocuments.tsx'
import { ClockCard } from './ClockCard.tsx'
import { type CaseDetail, type CasePeople, type CaseRelations, pick } from './model.ts'
import { AssignModal, RecusalDecisionModal, RecusalRequestModal } from './PeopleModals.tsx'

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
  const [assigning, setAssigning] = useState(false)
  const [askingRecusal, setAskingRecusal] = useState(false)
  const [deciding, setDeciding] = useState<CasePeople['recusals'][number] | null>(null)
  const [matterError, setMatterError] = useState<ApiError | null>(null)
  const { can } = useAuth()
  const detail = override?.id === id ? override : loaded.data

  const changed = (c: CaseDetail, message: string) => {
    setOverride(c)
    setNotice(message)
    setAction(null)
    void people.reload()
  }

  const peopleChanged = (message: string) => {
    setNotice(message)
    void people.reload()
    void loaded.reload()
  }
  const matterAction = async (work: () => Promise<{ number: string }>, message: string) => {
    setMatterError(null)
    try {
      const { number } = await work()
      setNotice(t(message, { number }))
      void relations.reload()
    } catch (e) {
      if (e instanceof ApiError) setMatterError(e)
    }
  }
  const nameOf = (userId: string) =>
    people.data?.assignments.find((a) => a.userId === userId)?.displayName ?? userId

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
              <span data-testid="case-matter">{relations.data.matter.number}</span>&nbsp;(
              {t('case.matterCases', { n: relations.data.matter.caseCount })})
              {can('case.handle') && relations.data.matter.caseCount > 1 && (
                <Button
                  size="small"
                  type="link"
                  data-testid="matter-split"
                  onClick={() =>
                    void matterAction(() => api.post(`/api/cases/${detail.id}/split`), 'matter.splitDone')
                  }
                >
                  {t('matter.split')}
                </Button>
              )}
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
        <ProblemAlert error={matterError} onClose={() => setMatterError(null)} />
        {(relations.data?.duplicates.length ?? 0) > 0 && (
          <div style={{ marginTop: 12 }} data-testid="duplicates">
            <Typography.Text>{t('case.duplicates')}</Typography.Text>
            <ul style={{ margin: '4px 0' }}>
              {relations.data?.duplicates.map((d) => (
                <li key={d.caseId}>
                  <Link to={`/workbench/cases/${d.caseId}`}>{d.number}</Link>{' '}
                  <Typography.Text type="secondary">
                    {d.reasons.map((r) => t(`matter.reason.${r}`)).join('、')}
                    {d.matterNumber ? ` · ${d.matterNumber}` : ''}
                  </Typography.Text>
                  {can('case.handle') &&
                    d.matterNumber &&
                    d.matterNumber !== relations.data?.matter?.number && (
                      <Button
                        size="small"
                        type="link"
                        data-testid={`matter-link-${d.number}`}
                        onClick={() =>
                          void matterAction(
                            () => api.post(`/api/matters/${d.matterNumber}/cases`, { caseId: detail.id }),
                            'matter.linkDone',
                          )
                        }
                      >
                        {t('matter.link', { number: d.matterNumber })}
                      </Button>
                    )}
                </li>
              ))}
            </ul>
          </div>
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
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setAddingParty(true)}>
                    {t('party.add')}
                  </Button>
                  <Button size="small" data-testid="assign-open" onClick={() => setAssigning(true)}>
                    {t('assign.open')}
                  </Button>
                  <Button
                    size="small"
                    data-testid="recusal-open"
                    disabled={!people.data?.assignments.some((a) => !a.endedAt)}
                    onClick={() => setAskingRecusal(true)}
                  >
                    {t('recusal.request')}
                  </Button>
                </Space>
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
                <ul data-testid="assignments">
                  {people.data?.assignments.map((a) => (
                    <li key={a.id}>
                      {a.displayName ?? a.userId} · {t(`duty.${a.duty}`)}
                      {a.endedAt
                        ? ` (${a.endReason === 'recused' ? t('recusal.ended') : t('case.assignmentEnded')})`
                        : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(people.data?.recusals.length ?? 0) > 0 && (
              <>
                <Typography.Text strong>{t('recusal.heading')}</Typography.Text>
                <ul data-testid="recusals">
                  {people.data?.recusals.map((r) => (
                    <li key={r.id}>
                      {nameOf(r.userId)} · {r.reason} ·{' '}
                      <Tag
                        color={r.status === 'granted' ? 'green' : r.status === 'refused' ? 'default' : 'gold'}
                      >
                        {t(`recusal.status.${r.status}`)}
                      </Tag>
                      {r.decisionNote && <Typography.Text type="secondary">{r.decisionNote}</Typography.Text>}
                      {r.status === 'requested' && can('case.handle') && (
                        <Button
                          size="small"
                          type="link"
                          data-testid="recusal-decide"
                          onClick={() => setDeciding(r)}
                        >
                          {t('recusal.decideButton')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('documents.heading')} size="small" style={{ marginBottom: 16 }}>
            <CaseDocuments caseId={detail.id} version={detail.version} canAttach={can('case.handle')} />
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
      {assigning && (
        <AssignModal
          caseId={detail.id}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setAssigning(false)
            peopleChanged(t('assign.done'))
          }}
        />
      )}
      {askingRecusal && people.data && (
        <RecusalRequestModal
          caseId={detail.id}
          people={people.data}
          onClose={() => setAskingRecusal(false)}
          onDone={() => {
            setAskingRecusal(false)
            peopleChanged(t('recusal.requested'))
          }}
        />
      )}
      {deciding && (
        <RecusalDecisionModal
          caseId={detail.id}
          recusal={deciding}
          personName={nameOf(deciding.userId)}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null)
            peopleChanged(t('recusal.decided'))
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
