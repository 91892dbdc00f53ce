import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { type VerifyOutcome, verifyDrawRecord } from '../../../contracts/inspections/draw/index.ts'
import type { InspectionDraw, InspectionTarget } from '../../../contracts/inspections-api.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { outcomeColor } from './labels.ts'

/**
 * Portal: one published draw, its targets and published results, and verification in the browser:
 * the record is downloaded and re-run here with the same library (docs/draw-algorithm.md §9).
 */
export function PublicDrawPage() {
  const { t } = useTranslation('inspections')
  const { id } = useParams()
  const draw = useFetch(() => api.get<InspectionDraw>(`/api/inspections/draws/${id}`), [id])
  const targets = useFetch(() => api.get<InspectionTarget[]>(`/api/inspections/draws/${id}/targets`), [id])
  const [verification, setVerification] = useState<{
    outcome: VerifyOutcome
    ms: number
    targets: number
  } | null>(null)
  const [verifying, setVerifying] = useState(false)
  const recordUrl = `/api/inspections/draws/${id}/record`

  const verify = async () => {
    setVerifying(true)
    setVerification(null)
    try {
      const record = await (await fetch(recordUrl)).json()
      // Let the spinner paint before the (synchronous) re-run.
      await new Promise((r) => setTimeout(r, 20))
      const started = performance.now()
      const outcome = verifyDrawRecord(record)
      setVerification({
        outcome,
        ms: Math.round(performance.now() - started),
        targets: record?.result?.targets?.length ?? 0,
      })
    } catch (e) {
      setVerification({ outcome: { ok: false, reason: 'malformed', message: String(e) }, ms: 0, targets: 0 })
    } finally {
      setVerifying(false)
    }
  }

  const d = draw.data
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {d?.taskTitle ?? t('portal.title')}
          </Typography.Title>
        }
        extra={<Link to="/inspections">{t('portal.all')}</Link>}
      >
        <ProblemAlert error={draw.error} />
        {d && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('task.code')}>{d.taskCode}</Descriptions.Item>
            <Descriptions.Item label={t('draw.commitment')}>
              <Typography.Text code>{d.commitment}</Typography.Text>
            </Descriptions.Item>
            {d.logEntryId && (
              <Descriptions.Item label={t('draw.logEntry')}>
                <a href={`/api/evidence/statements/${d.logEntryId}/receipt`}>{t('draw.logReceipt')}</a>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('draw.drandRound')}>{d.drandRound ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('draw.observers')}>
              {d.observers.map((o) => o.name).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('draw.seed')}>
              <Typography.Text code>{d.seed}</Typography.Text>
            </Descriptions.Item>
            {d.status === 'aborted' && (
              <Descriptions.Item label={t('status.aborted')}>{d.abortReason}</Descriptions.Item>
            )}
            {d.demo && (
              <Descriptions.Item label={t('draw.demo')}>
                <Tag color="orange">{t('draw.demoNote')}</Tag>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" loading={verifying} onClick={verify}>
            {t('verify.button')}
          </Button>
          <a href={recordUrl} download={`draw-${id}.json`}>
            {t('verify.download')}
          </a>
          <Typography.Text type="secondary">{t('verify.cli')}</Typography.Text>
        </Space>
        {verification && (
          <Alert
            style={{ marginTop: 16 }}
            showIcon
            type={verification.outcome.ok ? 'success' : 'error'}
            title={
              verification.outcome.ok
                ? t('verify.ok', { targets: verification.targets, ms: verification.ms })
                : t('verify.failed', { reason: verification.outcome.reason })
            }
            description={
              verification.outcome.ok
                ? undefined
                : `${verification.outcome.message}${
                    verification.outcome.firstDifference
                      ? ` — ${verification.outcome.firstDifference.path}: ${JSON.stringify(verification.outcome.firstDifference.expected)} ≠ ${JSON.stringify(verification.outcome.firstDifference.actual)}`
                      : ''
                  }`
            }
          />
        )}
      </Card>
      <Card
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('portal.targets')}
          </Typography.Title>
        }
      >
        <ProblemAlert error={targets.error} />
        <Table<InspectionTarget>
          rowKey="id"
          loading={targets.loading}
          dataSource={targets.data ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('target.entity'), render: (_, r) => `${r.entityName ?? ''} ${r.uscc}` },
            {
              title: t('target.inspectors'),
              dataIndex: 'inspectors',
              render: (v: InspectionTarget['inspectors']) =>
                v.map((i) => `${i.name}（${i.badge}）`).join('、'),
            },
            {
              title: t('target.outcome'),
              dataIndex: 'outcome',
              render: (v: InspectionTarget['outcome'], r) =>
                r.published && v ? (
                  <Tag color={outcomeColor[v]}>{t(`outcome.${v}`)}</Tag>
                ) : (
                  t('target.notYetPublished')
                ),
            },
            { title: t('target.resultOn'), dataIndex: 'resultOn', render: (v, r) => (r.published ? v : '—') },
            {
              title: t('target.enteredBy'),
              dataIndex: 'enteredBy',
              render: (v, r) => (r.published ? v : '—'),
            },
            { title: t('target.publishedBy'), dataIndex: 'publishedBy', render: (v) => v ?? '—' },
          ]}
        />
      </Card>
    </Space>
  )
}
