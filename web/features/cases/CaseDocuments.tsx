import { Empty, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { caseDocumentList } from '../../../contracts/cases.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'

type Doc = z.infer<typeof caseDocumentList>['items'][number]

/**
 * The notices and attachments of a case the caller may see (staff in scope, the submitter, the
 * respondent); each downloads through the API, which renders a notice's PDF on first request.
 */
export function CaseDocuments({ caseId, version }: { caseId: string; version?: number }) {
  const { t } = useTranslation('cases')
  const docs = useFetch(() => api.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`), [caseId, version])
  if (docs.data && docs.data.items.length === 0) return <Empty description={t('documents.none')} />
  return (
    <>
      <ProblemAlert error={docs.error} />
      <Table<Doc>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={docs.loading}
        dataSource={docs.data?.items ?? []}
        columns={[
          {
            title: t('documents.title'),
            dataIndex: 'title',
            render: (title: string, d) => (
              <a href={`/api/cases/${caseId}/documents/${d.id}/file`} download={d.fileName}>
                {title}
              </a>
            ),
          },
          { title: t('documents.number'), dataIndex: 'number', render: (n: string | null) => n ?? '—' },
          {
            title: t('documents.source'),
            dataIndex: 'source',
            render: (s: Doc['source']) => <Tag>{t(`documents.sourceLabel.${s}`)}</Tag>,
          },
          { title: t('documents.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 10) },
        ]}
      />
    </>
  )
}
