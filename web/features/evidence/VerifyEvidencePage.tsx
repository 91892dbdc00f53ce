import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  checkLatestConsistency,
  type LatestConsistency,
  type ReceiptResult,
  verifyReceipt,
} from '../../../contracts/evidence/index.ts'
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
  const [latest, setLatest] = useState<LatestConsistency | 'unavailable' | null>(null)

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
      setLatest(null)
      if (r.ok) setLatest(await againstLatest(r, keys))
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
      {r?.ok && latest && (
        <Alert
          type={latest !== 'unavailable' && latest.ok ? 'success' : 'warning'}
          data-testid="latest-consistency"
          showIcon
          style={{ marginTop: 12 }}
          title={
            latest === 'unavailable'
              ? t('verify.latest.unavailable')
              : latest.ok
                ? t('verify.latest.ok', { size: latest.latestSize })
                : t('verify.latest.failed', { detail: latest.detail })
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

/**
 * Online step: the log's latest checkpoint and its consistency proof from the receipt's tree size,
 * checked here, so an old receipt shows that it is still part of the log as it stands now.
 */
async function againstLatest(
  r: Extract<ReceiptResult, { ok: true }>,
  keys: string[],
): Promise<LatestConsistency | 'unavailable'> {
  try {
    const res = await fetch('/api/evidence/checkpoint')
    if (!res.ok) return 'unavailable'
    const note = await res.text()
    const size = Number(note.split('\n')[1])
    let proof: string[] = []
    if (size > r.treeSize) {
      const p = await fetch(`/api/evidence/proof/consistency?old=${r.treeSize}&new=${size}`)
      if (!p.ok) return 'unavailable'
      proof = ((await p.json()) as { proof: string[] }).proof
    }
    return checkLatestConsistency({ receipt: r, latest: note, verifierKeys: keys, proof })
  } catch {
    return 'unavailable'
  }
}
