import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError, FieldProblem } from '../../app/api.ts'

/**
 * Where an import problem is: `row 7: number` (spreadsheet row) or `assets[2].holders.0.uscc`
 * (JSON, shown as item 3).
 * @example locateImportProblem('assets[2].number') // { row: '3', field: 'number' }
 */
export function locateImportProblem(path: string): { row: string; field: string } {
  const sheet = /^row (\d+): (.*)$/.exec(path)
  if (sheet) return { row: sheet[1]!, field: sheet[2]! }
  const json = /^assets\[(\d+)\]\.?(.*)$/.exec(path)
  if (json) return { row: String(Number(json[1]) + 1), field: json[2]! }
  return { row: '', field: path }
}

/** An import refused as a whole: the problem's title, then one table row per bad cell. */
export function ImportReport({ error, onClose }: { error: ApiError | undefined; onClose: () => void }) {
  const { t } = useTranslation('registry')
  if (!error) return null
  const rows = (error.problem.errors ?? []).map((e: FieldProblem, key) => ({
    key,
    message: e.message,
    ...locateImportProblem(e.path),
  }))
  return (
    <div data-testid="import-errors" style={{ marginBottom: 16 }}>
      <Alert
        type="error"
        role="alert"
        showIcon
        title={error.problem.title}
        description={rows.length > 0 ? t('assets.importFailed') : undefined}
        closable={{ onClose }}
        style={{ marginBottom: 8 }}
      />
      {rows.length > 0 && (
        <Table
          size="small"
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          dataSource={rows}
          columns={[
            { title: t('assets.row'), dataIndex: 'row', width: 80 },
            { title: t('assets.field'), dataIndex: 'field', width: 200 },
            { title: t('assets.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  )
}
