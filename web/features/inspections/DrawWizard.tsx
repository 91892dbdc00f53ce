import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { InspectionDraw, InspectionTask, TaskObserver } from '../../../contracts/inspections-api.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { quicknetRound, quicknetTime } from './labels.ts'

/**
 * The draw of one task, step by step (docs/draw-algorithm.md): commit to the inputs and announce the
 * randomness → observers reveal → enter the drand randomness and draw → publish the record.
 */
export function DrawWizard() {
  const { t } = useTranslation('inspections')
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const task = useFetch(() => api.get<InspectionTask>(`/api/inspections/tasks/${id}`), [id])
  const draw = useFetch(
    () =>
      task.data?.drawId
        ? api.get<InspectionDraw>(`/api/inspections/draws/${task.data.drawId}`)
        : Promise.resolve(null),
    [task.data?.drawId],
  )
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [abortReason, setAbortReason] = useState('')
  const d = draw.data ?? null
  const step = !d
    ? 0
    : d.status === 'aborted'
      ? -1
      : d.status === 'committed'
        ? d.observers.every((o) => o.revealed)
          ? 2
          : 1
        : d.published
          ? 4
          : 3

  const act = async (f: () => Promise<unknown>, done: string) => {
    setError(null)
    setBusy(true)
    try {
      await f()
      message.success(t(done))
      await task.reload()
      await draw.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('wizard.title', { code: task.data?.code ?? '' })}
        </Typography.Title>
      }
      extra={<Link to="/workbench/inspections">{t('back')}</Link>}
    >
      <ProblemAlert error={(error as never) ?? task.error} onClose={() => setError(null)} />
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('wizard.commit') },
          { title: t('wizard.reveal') },
          { title: t('wizard.run') },
          { title: t('wizard.publish') },
        ]}
      />
      {d && (
        <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('draw.commitment')}>
            <Typography.Text code copyable>
              {d.commitment}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.drandRound')}>
            {d.drandRound ? `${d.drandRound}（${quicknetTime(d.drandRound).toLocaleString()}）` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('draw.observers')}>
            {d.observers.map((o) => `${o.name}${o.revealed ? ` ✓` : ''}`).join('；') || '—'}
          </Descriptions.Item>
          {d.seed && (
            <Descriptions.Item label={t('draw.seed')}>
              <Typography.Text code>{d.seed}</Typography.Text>
            </Descriptions.Item>
          )}
          {d.status === 'drawn' && (
            <Descriptions.Item label={t('draw.targets')}>{d.targetCount}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {step === 0 && task.data && (
        <CommitStep
          taskId={task.data.id}
          busy={busy}
          onCommit={(body) =>
            act(() => api.post(`/api/inspections/tasks/${id}/draw`, body), 'wizard.committed')
          }
        />
      )}
      {d?.status === 'committed' && (
        <Space style={{ marginBottom: 16 }}>
          <Input
            aria-label={t('wizard.abortReason')}
            placeholder={t('wizard.abortReason')}
            value={abortReason}
            onChange={(e) => setAbortReason(e.target.value)}
            style={{ width: 360 }}
          />
          <Button
            danger
            disabled={!abortReason.trim()}
            onClick={() =>
              act(
                () => api.post(`/api/inspections/draws/${d.id}/abort`, { reason: abortReason.trim() }),
                'wizard.aborted',
              )
            }
          >
            {t('wizard.abort')}
          </Button>
        </Space>
      )}
      {d?.status === 'aborted' && (
        <Alert type="warning" showIcon title={`${t('status.aborted')}：${d.abortReason}`} />
      )}
      {step === 1 && d && (
        <Space orientation="vertical" style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon title={t('wizard.waitingReveal')} />
          <Button onClick={() => draw.reload()}>{t('wizard.refresh')}</Button>
        </Space>
      )}
      {step === 2 && d && (
        <Form
          layout="vertical"
          onFinish={(v: { randomness: string; signature?: string }) =>
            act(
              () =>
                api.post(`/api/inspections/draws/${d.id}/run`, {
                  drand: d.drandRound
                    ? {
                        round: d.drandRound,
                        randomness: v.randomness.trim(),
                        ...(v.signature?.trim() ? { signature: v.signature.trim() } : {}),
                      }
                    : null,
                }),
              'wizard.drawn',
            )
          }
        >
          {d.drandRound && (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('wizard.drandHelp', { round: d.drandRound })}
              />
              <Form.Item
                name="randomness"
                label={t('wizard.drandRandomness')}
                rules={[{ required: true, pattern: /^[0-9a-fA-F]{64}$/, message: t('wizard.hex64') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="signature"
                label={t('wizard.drandSignature')}
                extra={t('wizard.drandSignatureHelp')}
                rules={[{ pattern: /^[0-9a-fA-F]{96}$/, message: t('wizard.hex96') }]}
              >
                <Input />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('wizard.runSubmit')}
          </Button>
        </Form>
      )}
      {step === 3 && d && (
        <Space>
          <Button
            type="primary"
            loading={busy}
            onClick={() => act(() => api.post(`/api/inspections/draws/${d.id}/publish`), 'wizard.published')}
          >
            {t('wizard.publishSubmit')}
          </Button>
          <Button onClick={() => navigate(`/workbench/inspections/draws/${d.id}`)}>
            {t('task.results')}
          </Button>
        </Space>
      )}
      {step === 4 && d && (
        <Space>
          <Button type="primary" onClick={() => navigate(`/workbench/inspections/draws/${d.id}`)}>
            {t('task.results')}
          </Button>
          <Link to={`/inspections/${d.id}`}>{t('wizard.publicPage')}</Link>
        </Space>
      )}
    </Card>
  )
}

function CommitStep({
  taskId,
  busy,
  onCommit,
}: {
  taskId: string
  busy: boolean
  onCommit: (body: unknown) => void
}) {
  const { t } = useTranslation('inspections')
  const [form] = Form.useForm()
  const observers = useFetch(
    () => api.get<TaskObserver[]>(`/api/inspections/tasks/${taskId}/observers`),
    [taskId],
  )
  const [username, setUsername] = useState('')
  const [error, setError] = useState<unknown>(null)
  const suggested = quicknetRound(new Date()) + 600 // ≈ 30 minutes ahead
  const designate = async () => {
    setError(null)
    try {
      await api.post(`/api/inspections/tasks/${taskId}/observers`, { username: username.trim() })
      setUsername('')
      await observers.reload()
    } catch (e) {
      setError(e)
    }
  }
  const waiting = (observers.data ?? []).filter((o) => !o.committed)
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ drandRound: suggested }}
      onFinish={(v: { drandRound?: number }) => onCommit({ drandRound: v.drandRound ?? null, observers: [] })}
    >
      <Typography.Paragraph>{t('wizard.commitHelp')}</Typography.Paragraph>
      <Form.Item name="drandRound" label={t('draw.drandRound')} extra={t('wizard.drandRoundHelp')}>
        <InputNumber style={{ width: 240 }} min={1} />
      </Form.Item>
      <Form.Item label={t('wizard.observers')} extra={t('wizard.observersHelp')}>
        <ProblemAlert error={error as never} onClose={() => setError(null)} />
        <Space.Compact style={{ maxWidth: 420, marginBottom: 8 }}>
          <Input
            aria-label={t('wizard.observerUsername')}
            placeholder={t('wizard.observerUsername')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <Button disabled={!username.trim()} onClick={designate}>
            {t('wizard.designate')}
          </Button>
        </Space.Compact>
        <Space wrap>
          {(observers.data ?? []).map((o) => (
            <Tag key={o.userId} color={o.committed ? 'green' : 'default'}>
              {o.name}：{o.committed ? t('wizard.observerCommitted') : t('wizard.observerPending')}
            </Tag>
          ))}
          <Button size="small" onClick={() => observers.reload()}>
            {t('wizard.refresh')}
          </Button>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} disabled={waiting.length > 0}>
        {t('wizard.commitSubmit')}
      </Button>
    </Form>
  )
}
