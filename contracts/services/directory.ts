import { z } from 'zod'
import { pageQuery } from '../common.ts'
import { identifierMessage } from '../identifiers/messages.ts'
import { validatePhone } from '../identifiers/phone.ts'

/**
 * The service directory (服务名录): the protection center, its branch centers and workstations,
 * public service points, assistance centers, agencies, arbitration, mediation and notary offices,
 * each with the services it offers, its district, contacts, hours and coordinates. Validation here
 * is shared by the API, the importer (docs/services-format.md) and the web forms.
 */
export const POINT_KINDS = [
  'protection_center',
  'branch_center',
  'workstation',
  'public_service_point',
  'assistance_center',
  'agency',
  'arbitration',
  'mediation',
  'notary',
] as const
export type PointKind = (typeof POINT_KINDS)[number]

export const POINT_KIND_LABELS: Record<PointKind, { zh: string; en: string }> = {
  protection_center: { zh: '知识产权保护中心', en: 'IP protection center' },
  branch_center: { zh: '分中心', en: 'Branch center' },
  workstation: { zh: '工作站', en: 'Workstation' },
  public_service_point: { zh: '知识产权公共服务网点', en: 'Public IP service point' },
  assistance_center: { zh: '维权援助中心', en: 'Rights assistance center' },
  agency: { zh: '知识产权代理机构', en: 'IP agency' },
  arbitration: { zh: '仲裁机构', en: 'Arbitration institution' },
  mediation: { zh: '调解组织', en: 'Mediation organization' },
  notary: { zh: '公证机构', en: 'Notary office' },
}

/**
 * The kinds counted by the cockpit's T20 (知识产权公共服务机构和平台数): public institutions and
 * their outlets. Commercial agencies and arbitration, mediation and notary offices are listed in
 * the directory but are not public IP service institutions of the plan.
 */
export const T20_POINT_KINDS: readonly PointKind[] = [
  'protection_center',
  'branch_center',
  'workstation',
  'public_service_point',
  'assistance_center',
]

/** The controlled list of services a point offers. */
export const SERVICE_KINDS = [
  'consultation',
  'patent_preexam',
  'rapid_protection',
  'rights_assistance',
  'overseas_assistance',
  'takedown',
  'mediation',
  'arbitration',
  'notarization',
  'evidence_deposit',
  'patent_agency',
  'trademark_agency',
  'information_search',
  'validity_analysis',
  'pledge_financing',
  'training',
] as const
export type ServiceKind = (typeof SERVICE_KINDS)[number]

export const SERVICE_KIND_LABELS: Record<ServiceKind, { zh: string; en: string }> = {
  consultation: { zh: '知识产权咨询', en: 'IP consultation' },
  patent_preexam: { zh: '专利快速预审', en: 'Patent pre-examination' },
  rapid_protection: { zh: '快速维权', en: 'Rapid protection' },
  rights_assistance: { zh: '维权援助', en: 'Rights assistance' },
  overseas_assistance: { zh: '海外维权援助', en: 'Overseas assistance' },
  takedown: { zh: '电商平台侵权处置', en: 'E-commerce takedown' },
  mediation: { zh: '纠纷调解', en: 'Mediation' },
  arbitration: { zh: '仲裁', en: 'Arbitration' },
  notarization: { zh: '公证与证据保全', en: 'Notarization and evidence preservation' },
  evidence_deposit: { zh: '电子存证', en: 'Evidence deposit' },
  patent_agency: { zh: '专利代理', en: 'Patent agency' },
  trademark_agency: { zh: '商标代理', en: 'Trademark agency' },
  information_search: { zh: '知识产权信息检索', en: 'IP information search' },
  validity_analysis: { zh: '专利稳定性分析', en: 'Patent validity analysis' },
  pledge_financing: { zh: '质押融资服务', en: 'Pledge financing' },
  training: { zh: '培训', en: 'Training' },
}

/** Suzhou's extent (all ten county-level districts) with a small margin, WGS-84 degrees. */
export const SUZHOU_BOUNDS = { minLat: 30.7, maxLat: 32.1, minLng: 119.85, maxLng: 121.45 } as const

export const contactInput = z.object({
  label: z.string().trim().max(40).optional(),
  phone: z.string().trim().min(1).max(40),
})

/** One service point as submitted (API body, JSON import item); phones and coordinates are checked by checkServicePoint. */
export const servicePointInput = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(POINT_KINDS),
  services: z.array(z.enum(SERVICE_KINDS)).min(1).max(SERVICE_KINDS.length),
  districtId: z.string().min(1).max(64),
  address: z.string().trim().min(4).max(300),
  contacts: z.array(contactInput).min(1).max(5),
  email: z.email().max(120).optional(),
  openingHours: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  establishedOn: z.iso.date().optional(),
  published: z.boolean().default(false),
})
export type ServicePointInput = z.input<typeof servicePointInput>

export interface ServicePointIssue {
  field: string
  code: string
  zh: string
  en: string
}

/**
 * Checks what the schema cannot: every contact phone (with the identifier library) and the
 * coordinates inside Suzhou. Returns the canonical phones and every problem at once.
 */
export function checkServicePoint(input: z.output<typeof servicePointInput>): {
  contacts: { label: string | null; phone: string }[]
  issues: ServicePointIssue[]
} {
  const issues: ServicePointIssue[] = []
  const contacts = input.contacts.map((c, i) => {
    const result = validatePhone(c.phone)
    if (result.ok) return { label: c.label ?? null, phone: result.value }
    issues.push({
      field: `contacts.${i}.phone`,
      code: `phone_${result.reason}`,
      zh: identifierMessage('phone', result.reason, 'zh-CN'),
      en: identifierMessage('phone', result.reason, 'en'),
    })
    return { label: c.label ?? null, phone: c.phone }
  })
  const b = SUZHOU_BOUNDS
  if (input.lat < b.minLat || input.lat > b.maxLat) {
    issues.push({
      field: 'lat',
      code: 'outside_suzhou',
      zh: `纬度应在苏州市范围内（${b.minLat}–${b.maxLat}）`,
      en: `The latitude must lie within Suzhou (${b.minLat}–${b.maxLat})`,
    })
  }
  if (input.lng < b.minLng || input.lng > b.maxLng) {
    issues.push({
      field: 'lng',
      code: 'outside_suzhou',
      zh: `经度应在苏州市范围内（${b.minLng}–${b.maxLng}）`,
      en: `The longitude must lie within Suzhou (${b.minLng}–${b.maxLng})`,
    })
  }
  return { contacts, issues }
}

export const servicePointSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(POINT_KINDS),
  services: z.array(z.enum(SERVICE_KINDS)),
  districtId: z.string(),
  districtName: z.string().nullable(),
  address: z.string(),
  contacts: z.array(z.object({ label: z.string().nullable(), phone: z.string() })),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  description: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  establishedOn: z.string().nullable(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ServicePoint = z.infer<typeof servicePointSchema>

export const servicePointListQuery = pageQuery.extend({
  service: z.enum(SERVICE_KINDS).optional(),
  kind: z.enum(POINT_KINDS).optional(),
  districtId: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
})

export const servicesImportJson = z.object({
  format: z.literal('zhibao-services'),
  version: z.literal(1),
  points: z.array(z.unknown()).max(5000),
})

/** The kind of a service point in the unified search (source 'service'). */
export const SERVICE_SEARCH_KINDS = ['service_point'] as const
export const SERVICE_SEARCH_KIND_LABELS: Record<
  (typeof SERVICE_SEARCH_KINDS)[number],
  { zh: string; en: string }
> = {
  service_point: { zh: '服务机构', en: 'Service point' },
}

export const servicesImportResult = z.object({ imported: z.number().int() })
