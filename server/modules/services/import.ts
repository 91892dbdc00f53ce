import {
  POINT_KIND_LABELS,
  POINT_KINDS,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
} from '../../../contracts/services/index.ts'
import type { ImportedTable } from '../../kernel/documents/tables.ts'
import type { ImportItem } from './directory.service.ts'

/**
 * Spreadsheet columns (CSV or the first sheet of an .xlsx), by English key or Chinese header; the
 * format is described in docs/services-format.md.
 */
const COLUMNS: Record<string, string[]> = {
  name: ['name', '名称', '机构名称'],
  kind: ['kind', '类型', '机构类型'],
  services: ['services', '服务项目', '服务'],
  district: ['district', '辖区', '所属区县'],
  address: ['address', '地址'],
  phones: ['phones', 'phone', '联系电话', '电话'],
  email: ['email', '电子邮箱', '邮箱'],
  openingHours: ['opening_hours', '开放时间', '办公时间'],
  description: ['description', '简介'],
  lat: ['lat', '纬度'],
  lng: ['lng', '经度'],
  establishedOn: ['established_on', '设立日期', '成立日期'],
  published: ['published', '公开'],
}

const KIND_WORDS: Record<string, string> = {}
for (const kind of POINT_KINDS) KIND_WORDS[POINT_KIND_LABELS[kind].zh] = kind
const SERVICE_WORDS: Record<string, string> = {}
for (const s of SERVICE_KINDS) SERVICE_WORDS[SERVICE_KIND_LABELS[s].zh] = s

const list = (value: string | undefined) =>
  (value ?? '')
    .split(/[;；、\n]/)
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

function number(value: string | undefined): unknown {
  if (value === undefined) return undefined
  const n = Number(value)
  return Number.isFinite(n) ? n : value
}

/** Turns spreadsheet rows into import items; errors are reported as 'row N: field'. */
export function tableItems(table: ImportedTable): ImportItem[] {
  return table.rows.map(({ row, values }) => {
    const kind = pick(values, 'kind')
    const value = {
      name: pick(values, 'name'),
      kind: kind ? (KIND_WORDS[kind] ?? kind) : undefined,
      services: list(pick(values, 'services')).map((s) => SERVICE_WORDS[s] ?? s),
      districtId: pick(values, 'district'),
      address: pick(values, 'address'),
      contacts: list(pick(values, 'phones')).map((phone) => ({ phone })),
      email: pick(values, 'email'),
      openingHours: pick(values, 'openingHours'),
      description: pick(values, 'description'),
      lat: number(pick(values, 'lat')),
      lng: number(pick(values, 'lng')),
      establishedOn: pick(values, 'establishedOn'),
      published: bool(pick(values, 'published')),
    }
    return { row, prefix: `row ${row}: `, value: JSON.parse(JSON.stringify(value)) }
  })
}

/** Items of the documented JSON format: errors are reported as 'points[i].field'. */
export function jsonItems(points: readonly unknown[]): ImportItem[] {
  return points.map((value, index) => ({ row: index + 1, prefix: `points[${index}].`, value }))
}
