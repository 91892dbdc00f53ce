import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ReceiptResult, verifyReceipt } from '../../../contracts/evidence/index.ts'
import { sha256OfFile } from './upload.ts'

/**
 * Portal: verify a deposit receipt in the browser, against the log's published key (editable, so a
 * key obtained out of band can be used). The optional file is hashed here and never uploaded.
 */
export function VerifyEvidencePage() {
  const { t } = useTranslation('evidence')
  const [vkeys, setVkeys] = useState('')
  const [receipt, setReceipt] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<{ r: ReceiptResult; file?: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    fetch('/api/evidence/vkey')
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => setVkeys((current) => current || text.trim()))
      .catch(() => {})
  }, [])

  const verify = async () => {
    setBusy(true)
    try {
      const files = file ? [{ sha256: await sha256OfFile(file), size: file.size }] : []
      const keys = vkeys
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
      let r: ReceiptResult
      try {
        r = verifyReceipt({ receipt, verifierKeys: keys, files })
      } catch (e) {
        r = { ok: false, reason: 'unknownKey', detail: String(e) }
      }
      setResult({ r, file: file?.name })
    } finally {
      setBusy(false)
    }
  }

  const r = result?.r
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('verify.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 760 }} onFinish={verify}>
        <Form.Item label={t('verify.receipt')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Upload
              accept=".json,application/json"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                f.text().then(setReceipt)
                return false
              }}
            >
              <Button>{t('verify.chooseReceipt')}</Button>
            </Upload>
            <Input.TextArea
              aria-label={t('verify.receipt')}
              rows={5}
              value={receipt}
              onChange={(e) => setReceipt(e.target.value)}
              placeholder='{"version":1,…}'
            />
          </Space>
        </Form.Item>
        <Form.Item label={t('verify.file')} extra={t('verify.fileHint')}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f)
              return false
            }}
            onRemove={() => setFile(null)}
          >
            <Button>{t('verify.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('verify.vkeys')} extra={t('verify.vkeysHint')}>
          <Input.TextArea
            aria-label={t('verify.vkeys')}
            rows={2}
            value={vkeys}
            onChange={(e) => setVkeys(e.target.value)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={!receipt.trim()}>
          {t('verify.run')}
        </Button>
      </Form>
      {r?.ok && (
        <Alert
          type="success"
          role="status"
          showIcon
          style={{ marginTop: 24 }}
          title={t('verify.ok')}
          description={
            <Space orientation="vertical">
              <span>
                {t('verify.statement', {
                  what: result?.file ? t('verify.thisFile', { name: result.file }) : t('verify.thisEntry'),
                  at: r.entry.receivedAt,
                  index: r.index,
                  origin: r.origin,
                  size: r.treeSize,
                  key: r.verifiedBy.map((k) => `${k.name}+${k.keyId}`).join(', '),
                })}
              </span>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('verify.root')}>{r.rootHash}</Descriptions.Item>
                <Descriptions.Item label={t('verify.leaf')}>{r.leafHash}</Descriptions.Item>
                {r.entry.type === 'zhibao.statement' && (
                  <Descriptions.Item label={r.entry.kind}>{r.entry.digest}</Descriptions.Item>
                )}
                {(r.entry.type === 'zhibao.deposit' ? r.entry.blobs : []).map((b) => (
                  <Descriptions.Item key={b.sha256} label={`SHA-256 (${b.mediaType}, ${b.size} B)`}>
                    {b.sha256}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Space>
          }
        />
      )}
      {r && !r.ok && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginTop: 24 }}
          title={t('verify.failed')}
          description={`${t(`verify.reasons.${r.reason}`)} (${r.reason}: ${r.detail})`}
        />
      )}
    </Card>
  )
}
