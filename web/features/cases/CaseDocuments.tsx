import { Button, Empty, Input, Space, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { caseDocumentList } from '../../../contracts/cases.ts'
import { ApiError, api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from './upload.ts'

type Doc = z.infer<typeof caseDocumentList>['items'][number]

/**
 * The notices and attachments of a case the caller may see (staff in scope, the submitter, the
 * respondent); each downloads through the API, which renders a notice's PDF on first request.
 */
export function CaseDocuments({
  caseId,
  version,
  canAttach = false,
}: {
  caseId: string
  version?: number
  canAttach?: boolean
}) {
  const { t } = useTranslation('cases')
  const docs = useFetch(() => api.get<{ items: Doc[] }>(`/api/cases/${caseId}/documents`), [caseId, version])
  return (
    <>
      {canAttach && <AttachmentUpload caseId={caseId} onUploaded={() => void docs.reload()} />}
      <ProblemAlert error={docs.error} />
      {docs.data && docs.data.items.length === 0 ? (
        <Empty description={t('documents.none')} />
      ) : (
        <DocumentTable caseId={caseId} loading={docs.loading} items={docs.data?.items ?? []} />
      )}
    </>
  )
}

/** Attach a file: the server checks its type (by content) and size; its refusal is shown as it says. */
function AttachmentUpload({ caseId, onUploaded }: { caseId: string; onUploaded: () => void }) {
  const { t } = useTranslation('cases')
  const [title, setTitle] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  async function send(file: File) {
    setError(null)
    setDone(null)
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(new ApiError({ code: 'attachment_too_large', title: t('documents.tooLarge'), status: 413 }))
      return
    }
    setBusy(true)
    try {
      await uploadAttachment(caseId, file, title.trim() || undefined)
      setDone(t('documents.uploaded', { name: file.name }))
      setTitle('')
      onUploaded()
    } catch (e) {
      if (e instanceof ApiError) setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 12 }} data-testid="attachment-upload">
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('documents.attachmentTitle')}
          placeholder={t('documents.attachmentTitle')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file)
            return false
          }}
        >
          <Button loading={busy} data-testid="attachment-choose">
            {t('documents.attach')}
          </Button>
        </Upload>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('documents.attachHint')}
      </Typography.Text>
      {done && (
        <Typography.Paragraph type="success" role="status" style={{ margin: 0 }}>
          {done}
        </Typography.Paragraph>
      )}
    </div>
  )
}

function DocumentTable({ caseId, loading, items }: { caseId: string; loading: boolean; items: Doc[] }) {
  const { t } = useTranslation('cases')
  return (
    <Table<Doc>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={items}
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
  )
}
