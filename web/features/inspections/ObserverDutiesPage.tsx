import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { observerCommitment } from '../../../contracts/inspections/draw/index.ts'
import type { ObserverDuty } from '../../../contracts/inspections-api.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { quicknetTime } from './labels.ts'

const HEX_VALUE = /^(?:[0-9a-fA-F]{2}){16,64}$/

/** 32 random bytes from the browser's CSPRNG, as hex: the observer's secret, never sent before the reveal. */
function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The observer's own screen (commit–reveal, trust.md C.3): before the draw is committed the observer
 * generates a secret here and submits only its SHA-256 commitment; after the commit, they reveal the
 * secret. Staff never see the secret before the reveal and cannot enter it for the observer.
 */
export function ObserverDutiesPage() {
  const { t } = useTranslation('inspections')
  const { message } = App.useApp()
  const duties = useFetch(() => api.get<ObserverDuty[]>('/api/inspections/observer-duties'), [])
  const [values, setValues] = useState<Record<string, string>>({})
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const act = async (key: string, f: () => Promise<unknown>, done: string) => {
    setError(null)
    setBusy(key)
    try {
      await f()
      message.success(t(done))
      setValues((v) => ({ ...v, [key]: '' }))
      await duties.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {t('observer.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph>{t('observer.help')}</Typography.Paragraph>
      <ProblemAlert error={(error as never) ?? duties.error} onClose={() => setError(null)} />
      <Table<ObserverDuty>
        rowKey="taskId"
        loading={duties.loading}
        dataSource={duties.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('task.code'), dataIndex: 'taskCode' },
          { title: t('task.title'), dataIndex: 'taskTitle' },
          {
            title: t('observer.state'),
            dataIndex: 'next',
            render: (next: ObserverDuty['next'], d) => (
              <Space orientation="vertical">
                <Tag color={next === 'done' ? 'green' : 'blue'}>{t(`observer.next.${next}`)}</Tag>
                {d.drandRound && (
                  <Typography.Text type="secondary">
                    {t('observer.drand', {
                      round: d.drandRound,
                      at: quicknetTime(d.drandRound).toLocaleString(),
                    })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('actions'),
            render: (_, d) => {
              const value = values[d.taskId] ?? ''
              const set = (v: string) => setValues((x) => ({ ...x, [d.taskId]: v }))
              const valid = HEX_VALUE.test(value.trim())
              if (d.next === 'commit')
                return (
                  <Space orientation="vertical" style={{ minWidth: 420 }}>
                    {d.commitment && (
                      <Typography.Text type="secondary">
                        {t('observer.committedAlready', { commitment: `${d.commitment.slice(0, 16)}…` })}
                      </Typography.Text>
                    )}
                    <Space.Compact style={{ width: '100%' }}>
                      <Input
                        aria-label={t('observer.secret')}
                        placeholder={t('observer.secret')}
                        value={value}
                        onChange={(e) => set(e.target.value)}
                      />
                      <Button onClick={() => set(randomSecret())}>{t('observer.generate')}</Button>
                    </Space.Compact>
                    {valid && <Alert type="warning" showIcon title={t('observer.keepSecret')} />}
                    <Button
                      type="primary"
                      disabled={!valid}
                      loading={busy === d.taskId}
                      data-testid="observer-commit"
                      onClick={() =>
                        act(
                          d.taskId,
                          () =>
                            api.post(`/api/inspections/observer-duties/${d.taskId}/commitment`, {
                              commitment: observerCommitment(value.trim()),
                            }),
                          'observer.committed',
                        )
                      }
                    >
                      {t('observer.commit')}
                    </Button>
                  </Space>
                )
              if (d.next === 'reveal')
                return (
                  <Space.Compact style={{ minWidth: 420 }}>
                    <Input
                      aria-label={t('observer.revealValue')}
                      placeholder={t('observer.revealValue')}
                      value={value}
                      onChange={(e) => set(e.target.value)}
                    />
                    <Button
                      type="primary"
                      disabled={!valid}
                      loading={busy === d.taskId}
                      data-testid="observer-reveal"
                      onClick={() =>
                        act(
                          d.taskId,
                          () =>
                            api.post(`/api/inspections/observer-duties/draws/${d.drawId}/reveal`, {
                              value: value.trim(),
                            }),
                          'observer.revealed',
                        )
                      }
                    >
                      {t('observer.reveal')}
                    </Button>
                  </Space.Compact>
                )
              return null
            },
          },
        ]}
      />
    </Card>
  )
}
