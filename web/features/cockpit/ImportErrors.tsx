import { Alert, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError, FieldProblem } from '../../app/api.ts'

/** Where a problem is: `目标!4.kind` (sheet, row, column) or a JSON path `targets.3.kind`. */
function locate(path: string): { sheet: string; row: string; field: string } {
  const bang = path.indexOf('!')
  if (bang >= 0) {
    const [row = '', ...field] = path.slice(bang + 1).split('.')
    return { sheet: path.slice(0, bang), row, field: field.join('.') }
  }
  const parts = path.split('.')
  const index = parts.findIndex((p) => /^\d+$/.test(p))
  if (index < 0) return { sheet: parts[0] ?? '', row: '', field: parts.slice(1).join('.') }
  return {
    sheet: parts.slice(0, index).join('.'),
    row: String(Number(parts[index]) + 1),
    field: parts.slice(index + 1).join('.'),
  }
}

/** An import refused as a whole: the problem's title, then one table row per bad cell. */
export function ImportErrors({ error, testId }: { error: ApiError | undefined; testId: string }) {
  const { t } = useTranslation('plan')
  if (!error) return null
  const rows = (error.problem.errors ?? []).map((e: FieldProblem, i) => ({ key: i, ...e, ...locate(e.path) }))
  return (
    <div data-testid={testId} style={{ marginTop: 16 }}>
      <Alert type="error" role="alert" showIcon title={error.problem.title} style={{ marginBottom: 8 }} />
      {rows.length > 0 && (
        <Table
          size="small"
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          dataSource={rows}
          scroll={{ x: true }}
          columns={[
            { title: t('importErrors.sheet'), dataIndex: 'sheet' },
            { title: t('importErrors.row'), dataIndex: 'row' },
            { title: t('importErrors.field'), dataIndex: 'field' },
            {
              title: t('importErrors.problem'),
              render: (_: unknown, r: FieldProblem) =>
                r.code ? t(`importErrors.code.${r.code}`, { defaultValue: r.message }) : r.message,
            },
            { title: t('importErrors.detail'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  )
}
