import { z } from 'zod'
import { pageQuery } from './common.ts'
import { validateLocarnoClass, validateNiceClass } from './identifiers/classification.ts'
import { validateIpc } from './identifiers/ipc.ts'
import { parsePatentApplicationNumber } from './identifiers/patent.ts'
import { validateUscc } from './identifiers/uscc.ts'

/**
 * The IP registry: patents, trademarks, copyright registrations, geographical indications, IC
 * layout designs and plant varieties, one shape with kind-specific details. The validation here
 * is shared by the API, the importer and the web forms; docs/registry-format.md describes it.
 */
export const ASSET_KINDS = [
  'patent',
  'trademark',
  'copyright',
  'geographical_indication',
  'layout_design',
  'plant_variety',
] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const assetKindSchema = z.enum(ASSET_KINDS)

export const ASSET_KIND_LABELS: Record<AssetKind, { zh: string; en: string }> = {
  patent: { zh: '专利', en: 'Patent' },
  trademark: { zh: '商标', en: 'Trademark' },
  copyright: { zh: '著作权登记', en: 'Copyright registration' },
  geographical_indication: { zh: '地理标志', en: 'Geographical indication' },
  layout_design: { zh: '集成电路布图设计', en: 'IC layout design' },
  plant_variety: { zh: '植物新品种', en: 'Plant variety' },
}

export const PATENT_SUBTYPES = ['invention', 'utility_model', 'design'] as const
export type PatentSubtype = (typeof PATENT_SUBTYPES)[number]

export const ASSET_STATUSES = ['pending', 'valid', 'expired', 'invalid'] as const
export type AssetStatus = (typeof ASSET_STATUSES)[number]
export const ASSET_STATUS_LABELS: Record<AssetStatus, { zh: string; en: string }> = {
  pending: { zh: '审查中', en: 'Pending' },
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Lapsed' },
  invalid: { zh: '无效', en: 'Invalidated' },
}

export const holderInput = z.object({
  name: z.string().trim().min(2).max(200),
  /** Optional: individuals and foreign holders have none. */
  uscc: z.string().trim().max(32).optional(),
})

/** One asset as submitted (API body, JSON import item); numbers and classes are checked by normaliseAsset. */
export const assetInput = z.object({
  kind: assetKindSchema,
  number: z.string().trim().min(1).max(64),
  title: z.string().trim().min(2).max(300),
  abstract: z.string().trim().max(5000).optional(),
  status: z.enum(ASSET_STATUSES).default('valid'),
  filedOn: z.iso.date().optional(),
  grantedOn: z.iso.date().optional(),
  holders: z.array(holderInput).min(1).max(20),
  ipc: z.array(z.string()).max(50).optional(),
  niceClasses: z
    .array(z.union([z.string(), z.number()]))
    .max(45)
    .optional(),
  /** Locarno class-subclass codes of a design patent, e.g. 06-01. */
  locarno: z.array(z.string()).max(20).optional(),
  /** Kind-specific fields kept as they are: inventors, region, genus, work type, … */
  details: z.record(z.string(), z.unknown()).optional(),
  published: z.boolean().default(false),
})
export type AssetInput = z.input<typeof assetInput>

export interface NormalisedAsset {
  kind: AssetKind
  subtype: PatentSubtype | null
  /** The canonical number: 202310123456.7 for a patent, as written (upper case) for the others. */
  number: string
  /** Every form a searcher may type for it: with and without a patent check digit. */
  identifiers: string[]
  title: string
  abstract: string | null
  status: AssetStatus
  filedOn: string | null
  grantedOn: string | null
  holders: { name: string; uscc: string | null }[]
  classes: { scheme: 'ipc' | 'nice' | 'locarno'; code: string }[]
  details: Record<string, unknown>
  published: boolean
}

export interface AssetIssue {
  /** The field, e.g. 'number', 'holders.1.uscc', 'ipc.0'. */
  field: string
  code: string
  zh: string
  en: string
}

const NUMBER_PATTERNS: Record<Exclude<AssetKind, 'patent'>, { pattern: RegExp; zh: string; en: string }> = {
  // CNIPA registration numbers have no check digit; Madrid registrations carry a G prefix.
  trademark: {
    pattern: /^G?\d{1,9}$/,
    zh: '商标注册号应为数字（马德里注册可加前缀 G）',
    en: 'A trademark registration number is digits (G prefix for Madrid)',
  },
  copyright: {
    pattern: /^(?:\d{4}SR\d{7}|国作登字-\d{4}-[A-Z]-\d{8})$/,
    zh: '著作权登记号格式应为 2023SR0123456 或 国作登字-2023-F-00012345',
    en: 'A copyright registration number looks like 2023SR0123456 or 国作登字-2023-F-00012345',
  },
  geographical_indication: {
    pattern: /^[\p{L}\p{N}\-〔〕()（）]{2,40}$/u,
    zh: '地理标志编号只能包含文字、数字和连字符',
    en: 'A geographical indication number has letters, digits and hyphens only',
  },
  layout_design: {
    pattern: /^BS\.\d{8,12}(?:\.[\dX])?$/,
    zh: '布图设计登记号格式应为 BS.215500123.4',
    en: 'A layout-design registration number looks like BS.215500123.4',
  },
  plant_variety: {
    pattern: /^CNA\d{8,12}(?:\.[\dX])?$/,
    zh: '品种权申请号格式应为 CNA20191002345.6',
    en: 'A plant variety number looks like CNA20191002345.6',
  },
}

const SUBTYPE_BY_TYPE: Record<string, PatentSubtype> = {
  inventionPatent: 'invention',
  pctInvention: 'invention',
  utilityModel: 'utility_model',
  pctUtilityModel: 'utility_model',
  designPatent: 'design',
}

/**
 * Checks an asset's identifiers and classes and brings them to canonical form. Returns every
 * problem at once, so an import can report them row by row.
 */
export function normaliseAsset(
  input: z.output<typeof assetInput>,
  options: { now?: Date } = {},
): { ok: true; asset: NormalisedAsset } | { ok: false; issues: AssetIssue[] } {
  const issues: AssetIssue[] = []
  const raw = input.number.normalize('NFKC').trim().toUpperCase()
  let number = raw
  let subtype: PatentSubtype | null = null
  const identifiers: string[] = []
  if (input.kind === 'patent') {
    const parsed = parsePatentApplicationNumber(raw, { now: options.now })
    if (parsed.ok) {
      number = parsed.value.canonical
      subtype = SUBTYPE_BY_TYPE[parsed.value.type] ?? null
      identifiers.push(number, number.split('.')[0]!)
    } else {
      issues.push({
        field: 'number',
        code: `patent_number_${parsed.reason}`,
        zh:
          parsed.reason === 'checksum'
            ? '专利申请号校验位不正确'
            : '专利申请号格式不正确（如 202310123456.7）',
        en:
          parsed.reason === 'checksum'
            ? 'The patent application number’s check digit is wrong'
            : 'Not a patent application number (e.g. 202310123456.7)',
      })
    }
  } else {
    const rule = NUMBER_PATTERNS[input.kind]
    if (rule.pattern.test(raw)) identifiers.push(raw)
    else issues.push({ field: 'number', code: 'asset_number_format', zh: rule.zh, en: rule.en })
  }
  const classes: NormalisedAsset['classes'] = []
  ;(input.ipc ?? []).forEach((symbol, index) => {
    if (input.kind !== 'patent') {
      issues.push({
        field: `ipc.${index}`,
        code: 'ipc_not_patent',
        zh: '只有专利有 IPC 分类',
        en: 'Only patents have IPC symbols',
      })
      return
    }
    const result = validateIpc(symbol)
    if (result.ok) classes.push({ scheme: 'ipc', code: result.value })
    else
      issues.push({
        field: `ipc.${index}`,
        code: 'ipc_format',
        zh: `IPC 分类号格式不正确：${symbol}`,
        en: `Not an IPC symbol: ${symbol}`,
      })
  })
  ;(input.niceClasses ?? []).forEach((value, index) => {
    if (input.kind !== 'trademark') {
      issues.push({
        field: `niceClasses.${index}`,
        code: 'nice_not_trademark',
        zh: '只有商标有尼斯分类',
        en: 'Only trademarks have Nice classes',
      })
      return
    }
    const result = validateNiceClass(String(value))
    if (result.ok) classes.push({ scheme: 'nice', code: String(result.value).padStart(2, '0') })
    else
      issues.push({
        field: `niceClasses.${index}`,
        code: 'nice_class',
        zh: `尼斯分类应为 1–45：${value}`,
        en: `A Nice class is 1–45: ${value}`,
      })
  })
  ;(input.locarno ?? []).forEach((value, index) => {
    if (input.kind !== 'patent' || (subtype !== null && subtype !== 'design')) {
      issues.push({
        field: `locarno.${index}`,
        code: 'locarno_not_design',
        zh: '只有外观设计专利有洛迦诺分类',
        en: 'Only design patents have Locarno classes',
      })
      return
    }
    const result = validateLocarnoClass(value)
    if (result.ok) classes.push({ scheme: 'locarno', code: String(result.value) })
    else
      issues.push({
        field: `locarno.${index}`,
        code: 'locarno_class',
        zh: `洛迦诺分类应为“大类-小类”（大类 1–32），如 06-01：${value}`,
        en: `A Locarno class is class-subclass (class 1–32), e.g. 06-01: ${value}`,
      })
  })
  const holders = input.holders.map((h, index) => {
    if (!h.uscc) return { name: h.name, uscc: null }
    const result = validateUscc(h.uscc)
    if (!result.ok) {
      issues.push({
        field: `holders.${index}.uscc`,
        code: 'uscc_invalid',
        zh: `统一社会信用代码不正确：${h.uscc}`,
        en: `Not a valid unified social credit code: ${h.uscc}`,
      })
      return { name: h.name, uscc: null }
    }
    identifiers.push(String(result.value))
    return { name: h.name, uscc: String(result.value) }
  })
  if (input.filedOn && input.grantedOn && input.grantedOn < input.filedOn) {
    issues.push({
      field: 'grantedOn',
      code: 'granted_before_filed',
      zh: '授权日早于申请日',
      en: 'Granted before it was filed',
    })
  }
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    asset: {
      kind: input.kind,
      subtype,
      number,
      identifiers: [...new Set(identifiers)],
      title: input.title,
      abstract: input.abstract ?? null,
      status: input.status,
      filedOn: input.filedOn ?? null,
      grantedOn: input.grantedOn ?? null,
      holders,
      classes,
      details: input.details ?? {},
      published: input.published,
    },
  }
}

/**
 * Normalises what a searcher typed as an identifier into the forms stored for exact lookup, or
 * nothing when it is not one: a patent application number with or without its check digit (and
 * with CN/ZL prefixes), a USCC, or another registry number.
 */
export function identifierCandidates(query: string): string[] {
  const compact = query.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '')
  if (compact === '') return []
  const patent = parsePatentApplicationNumber(compact)
  if (patent.ok) return [patent.value.canonical, patent.value.canonical.split('.')[0]!]
  const uscc = validateUscc(compact)
  if (uscc.ok) return [String(uscc.value)]
  for (const rule of Object.values(NUMBER_PATTERNS)) {
    if (rule === NUMBER_PATTERNS.geographical_indication) continue
    if (rule.pattern.test(compact)) return [compact]
  }
  return []
}

export const assetSchema = z.object({
  id: z.string(),
  kind: assetKindSchema,
  subtype: z.enum(PATENT_SUBTYPES).nullable(),
  number: z.string(),
  title: z.string(),
  abstract: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  filedOn: z.string().nullable(),
  grantedOn: z.string().nullable(),
  holders: z.array(
    z.object({ name: z.string(), uscc: z.string().nullable(), entityId: z.string().nullable() }),
  ),
  ipc: z.array(z.string()),
  niceClasses: z.array(z.string()),
  locarno: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Asset = z.infer<typeof assetSchema>

export const assetListQuery = pageQuery.extend({
  kind: assetKindSchema.optional(),
  holderEntityId: z.string().optional(),
  districtId: z.string().optional(),
  /** Part of a holder's name, or a holder's USCC. */
  holder: z.string().trim().max(200).optional(),
})

/** The documented JSON import (docs/registry-format.md). */
export const REGISTRY_FORMAT = 'zhibao-registry/1'
export const registryImportJson = z.object({
  format: z.literal(REGISTRY_FORMAT),
  assets: z.array(z.unknown()).min(1).max(50_000),
})
export const importResultSchema = z.object({ imported: z.number().int() })

export const keyEnterpriseInput = z.object({
  uscc: z.string().trim().min(1).max(32),
  listedOn: z.iso.date(),
  reason: z.string().trim().max(500).optional(),
})
export const keyEnterpriseSchema = z.object({
  id: z.string(),
  entityId: z.string(),
  name: z.string(),
  uscc: z.string(),
  districtId: z.string().nullable(),
  listedOn: z.string(),
  reason: z.string().nullable(),
  assets: z.array(
    z.object({
      id: z.string(),
      kind: assetKindSchema,
      number: z.string(),
      title: z.string(),
      status: z.enum(ASSET_STATUSES),
    }),
  ),
})
export type KeyEnterprise = z.infer<typeof keyEnterpriseSchema>
