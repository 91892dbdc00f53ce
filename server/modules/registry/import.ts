import {
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  ASSET_STATUS_LABELS,
  ASSET_STATUSES,
} from '../../../contracts/registry.ts'
import type { ImportedTable } from '../../kernel/documents/tables.ts'
import type { ImportItem } from './registry.service.ts'

/**
 * Spreadsheet columns (CSV or the first sheet of an .xlsx), by English key or Chinese header; the
 * full description is in docs/registry-format.md.
 */
const COLUMNS: Record<string, string[]> = {
  kind: ['kind', '类型', '类别'],
  number: ['number', '编号', '申请号', '注册号', '登记号'],
  title: ['title', '名称'],
  abstract: ['abstract', '摘要', '简介'],
  status: ['status', '法律状态', '状态'],
  filedOn: ['filed_on', '申请日'],
  grantedOn: ['granted_on', '授权日', '注册日'],
  holders: ['holders', '权利人'],
  holderUsccs: ['holder_usccs', '权利人统一社会信用代码', '统一社会信用代码'],
  ipc: ['ipc', 'IPC分类', 'IPC'],
  nice: ['nice', '尼斯分类'],
  locarno: ['locarno', '洛迦诺分类'],
  published: ['published', '公开'],
}

const KIND_WORDS: Record<string, string> = {
  发明: 'patent',
  发明专利: 'patent',
  实用新型: 'patent',
  外观设计: 'patent',
  软件著作权: 'copyright',
  作品登记: 'copyright',
  著作权: 'copyright',
  布图设计: 'layout_design',
}
for (const kind of ASSET_KINDS) KIND_WORDS[ASSET_KIND_LABELS[kind].zh] = kind
const STATUS_WORDS: Record<string, string> = { 审中: 'pending', 已授权: 'valid', 已注册: 'valid' }
for (const status of ASSET_STATUSES) STATUS_WORDS[ASSET_STATUS_LABELS[status].zh] = status

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

function pick(values: Record<string, string>, key: string): string | undefined {
  for (const header of COLUMNS[key]!) {
    const v = values[header]
    if (v !== undefined && v !== '') return v
  }
  return undefined
}

function bool(value: string | undefined): unknown {
  if (value === undefined) return undefined
  const v = value.trim().toLowerCase()
  if (['1', 'true', 'yes', '是', 'y'].includes(v)) return true
  if (['0', 'false', 'no', '否', 'n'].includes(v)) return false
  return value
}

/** Turns spreadsheet rows into import items; errors are reported as 'row N: field'. */
export function tableItems(table: ImportedTable): ImportItem[] {
  return table.rows.map(({ row, values }) => {
    const kindText = pick(values, 'kind')
    const names = list(pick(values, 'holders'))
    const usccs = list(pick(values, 'holderUsccs'))
    const undef = <T>(v: T | undefined) => v
    const value = {
      kind: kindText ? (KIND_WORDS[kindText] ?? kindText) : undefined,
      number: pick(values, 'number'),
      title: pick(values, 'title'),
      abstract: undef(pick(values, 'abstract')),
      status: ((s) => (s ? (STATUS_WORDS[s] ?? s) : undefined))(pick(values, 'status')),
      filedOn: pick(values, 'filedOn'),
      grantedOn: pick(values, 'grantedOn'),
      // A holder's USCC is matched by position; '-' or an empty cell stands for none.
      holders: names.map((name, i) => ({
        name,
        ...(usccs[i] && usccs[i] !== '-' ? { uscc: usccs[i] } : {}),
      })),
      ipc: list(pick(values, 'ipc')),
      niceClasses: list(pick(values, 'nice')),
      locarno: list(pick(values, 'locarno')),
      published: bool(pick(values, 'published')),
    }
    return { row, prefix: `row ${row}: `, value: JSON.parse(JSON.stringify(value)) }
  })
}

/** Items of the documented JSON format: errors are reported as 'assets[i].field'. */
export function jsonItems(assets: readonly unknown[]): ImportItem[] {
  return assets.map((value, index) => ({ row: index + 1, prefix: `assets[${index}].`, value }))
}
