import { Card, Descriptions, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { cockpitApi } from './api.ts'
import { NoticeActions } from './NoticeActions.tsx'
import { Shell } from './Shell.tsx'
import { useMyUnit } from './useMyUnit.ts'

/** One supervision notice (the inbox links here): its trail, and the step the reader may take. */
export function NoticePage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation('plan')
  const en = i18n.language === 'en'
  const myUnit = useMyUnit()
  const notice = useFetch(() => cockpitApi.notice(id), [id])
  const n = notice.data
  const when = (iso: string) => new Date(iso).toLocaleString(en ? 'en-GB' : 'zh-CN')
  return (
    <Shell title={t('notice.title')}>
      <ProblemAlert error={notice.error} />
      {n && (
        <Card
          title={n.subjectLabel}
          extra={<NoticeActions notice={n} myUnit={myUnit} onDone={() => notice.reload()} />}
        >
          <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 24 }}>
            <Descriptions.Item label={t('field.unit')}>
              <Link to={`/cockpit/units/${n.unit}`}>{(en ? n.unitName?.en : n.unitName?.zh) ?? n.unit}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('notice.stateLabel')}>
              <Tag color={n.state === 'closed' ? 'green' : n.responseOverdue ? 'red' : 'blue'}>
                {t(`notice.state.${n.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('notice.reason')}>{n.reason}</Descriptions.Item>
            <Descriptions.Item label={t('notice.due')}>
              {n.responseDue}
              {n.responseOverdue ? ` · ${t('notice.overdue')}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('notice.raisedAt')}>{when(n.raisedAt)}</Descriptions.Item>
            {n.subjectType === 'target' && (
              <Descriptions.Item label={t('notice.subject')}>
                <Link to={`/cockpit/targets/${n.subjectId}`}>{n.subjectLabel}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('notice.trail')}
          </Typography.Title>
          <Timeline
            items={n.events.map((e) => ({
              color: { raised: 'red', response: 'blue', followUp: 'orange', closed: 'green' }[e.kind],
              content: (
                <div data-testid={`notice-event-${e.kind}`}>
                  <Typography.Text strong>{t(`notice.event.${e.kind}`)}</Typography.Text>
                  {' · '}
                  <Typography.Text type="secondary">
                    {when(e.at)}
                    {e.byName ? ` · ${e.byName}` : ''}
                  </Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
                </div>
              ),
            }))}
          />
        </Card>
      )}
    </Shell>
  )
}
