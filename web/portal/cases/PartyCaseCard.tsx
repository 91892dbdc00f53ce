import { Card, Descriptions, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { CaseDocuments } from '../../features/cases/CaseDocuments.tsx'
import { type PartyCase, pick } from '../../features/cases/model.ts'

/** A case as a party sees it (its submitter, or a respondent): state, steps and deadlines, no internal notes. */
export function PartyCaseCard({ item, documents = false }: { item: PartyCase; documents?: boolean }) {
  const { t, i18n } = useTranslation('cases')
  const lang = i18n.language
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {item.number} · {pick(item.typeLabel, lang)}
        </span>
      }
      extra={
        <>
          {item.role === 'respondent' && <Tag color="orange">{t('portal.asRespondent')}</Tag>}
          <Tag color="blue" style={{ whiteSpace: 'normal' }}>
            {pick(item.stateLabel, lang)}
          </Tag>
        </>
      }
    >
      <Descriptions column={1} size="small">
        {item.matterNumber && (
          <Descriptions.Item label={t('portal.matterNumber')}>{item.matterNumber}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('portal.submittedAt')}>{item.createdAt.slice(0, 10)}</Descriptions.Item>
        <Descriptions.Item label={t('portal.updatedAt')}>{item.updatedAt.slice(0, 10)}</Descriptions.Item>
      </Descriptions>
      {item.steps.length > 0 && (
        <>
          <Typography.Text strong>{t('portal.steps')}</Typography.Text>
          <ul>
            {item.steps.map((step) => (
              <li key={`${step.at}-${step.event}`}>
                {step.at.slice(0, 10)} {t(`event.${step.event}`, { defaultValue: step.event })}
              </li>
            ))}
          </ul>
        </>
      )}
      {item.deadlines.length > 0 && (
        <>
          <Typography.Text strong>{t('portal.deadlines')}</Typography.Text>
          <ul>
            {item.deadlines.map((d) => (
              <li key={`${d.ruleId}-${d.dueDate}`}>
                {t('portal.deadlineLine', {
                  rule: d.ruleId,
                  due: d.dueDate,
                  status: t(`clock.status.${d.status}`),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {documents && (
        <>
          <Typography.Text strong>{t('documents.heading')}</Typography.Text>
          <CaseDocuments caseId={item.id} />
        </>
      )}
    </Card>
  )
}
