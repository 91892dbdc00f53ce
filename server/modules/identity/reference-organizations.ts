import type { OrganizationKind } from './tables.ts'

/**
 * The organization tree ZhiBao ships with: Suzhou, its county-level divisions (GB/T 2260 codes),
 * Suzhou Industrial Park as a functional zone (it has no GB/T 2260 code), the plan's responsible
 * units (shared/plan/targets.md) and the protection center with its branch centers.
 * Administrators edit the tree afterwards; `code` is the stable handle seeds and tests use.
 */
export interface ReferenceOrganization {
  code: string
  parent: string | null
  kind: OrganizationKind
  zh: string
  en: string
  division?: string
  functionalZone?: boolean
}

const districts: ReferenceOrganization[] = [
  { code: 'gusu', parent: 'suzhou', kind: 'district', zh: '姑苏区', en: 'Gusu District', division: '320508' },
  {
    code: 'huqiu',
    parent: 'suzhou',
    kind: 'district',
    zh: '虎丘区（苏州高新区）',
    en: 'Huqiu District (Suzhou New District)',
    division: '320505',
  },
  {
    code: 'wuzhong',
    parent: 'suzhou',
    kind: 'district',
    zh: '吴中区',
    en: 'Wuzhong District',
    division: '320506',
  },
  {
    code: 'xiangcheng',
    parent: 'suzhou',
    kind: 'district',
    zh: '相城区',
    en: 'Xiangcheng District',
    division: '320507',
  },
  {
    code: 'wujiang',
    parent: 'suzhou',
    kind: 'district',
    zh: '吴江区',
    en: 'Wujiang District',
    division: '320509',
  },
  { code: 'changshu', parent: 'suzhou', kind: 'district', zh: '常熟市', en: 'Changshu', division: '320581' },
  {
    code: 'zhangjiagang',
    parent: 'suzhou',
    kind: 'district',
    zh: '张家港市',
    en: 'Zhangjiagang',
    division: '320582',
  },
  { code: 'kunshan', parent: 'suzhou', kind: 'district', zh: '昆山市', en: 'Kunshan', division: '320583' },
  { code: 'taicang', parent: 'suzhou', kind: 'district', zh: '太仓市', en: 'Taicang', division: '320585' },
  {
    code: 'sip',
    parent: 'suzhou',
    kind: 'zone',
    zh: '苏州工业园区',
    en: 'Suzhou Industrial Park',
    functionalZone: true,
  },
]

const cityAgencies: [code: string, kind: OrganizationKind, zh: string, en: string][] = [
  [
    'samr-city',
    'agency',
    '市市场监管局（知识产权局）',
    'Municipal Market Regulation Administration (IP Office)',
  ],
  ['copyright-city', 'agency', '市版权局', 'Municipal Copyright Bureau'],
  ['justice-city', 'agency', '市司法局', 'Municipal Justice Bureau'],
  ['agriculture-city', 'agency', '市农业农村局', 'Municipal Agriculture and Rural Affairs Bureau'],
  ['culture-city', 'agency', '市文广旅局', 'Municipal Culture, Radio, TV and Tourism Bureau'],
  ['health-city', 'agency', '市卫生健康委', 'Municipal Health Commission'],
  ['science-city', 'agency', '市科技局', 'Municipal Science and Technology Bureau'],
  ['court-city', 'court', '市中级法院', 'Suzhou Intermediate People’s Court'],
  ['procuratorate-city', 'procuratorate', '市检察院', 'Suzhou People’s Procuratorate'],
  ['police-city', 'police', '市公安局', 'Suzhou Public Security Bureau'],
  ['development-city', 'agency', '市发改委', 'Municipal Development and Reform Commission'],
  ['finance-city', 'agency', '市财政局', 'Municipal Finance Bureau'],
  ['industry-city', 'agency', '市工信局', 'Municipal Industry and Information Technology Bureau'],
  ['commerce-city', 'agency', '市商务局', 'Municipal Commerce Bureau'],
  ['hr-city', 'agency', '市人社局', 'Municipal Human Resources and Social Security Bureau'],
  ['approval-city', 'agency', '市行政审批局', 'Municipal Administrative Approval Bureau'],
  ['financial-regulation-city', 'agency', '市金融监管局', 'Municipal Financial Regulation Bureau'],
  ['ccpit-city', 'agency', '市贸促会', 'Suzhou Council for the Promotion of International Trade'],
  ['pboc-suzhou', 'agency', '人行苏州中支', 'People’s Bank of China, Suzhou Central Sub-branch'],
  ['cbirc-suzhou', 'agency', '苏州银保监分局', 'Suzhou Banking and Insurance Regulatory Sub-bureau'],
  ['customs-suzhou', 'agency', '苏州各海关', 'Customs offices in Suzhou'],
  ['joint-conference', 'other', '市政府知识产权战略实施联席会议', 'Joint Conference on the IP Strategy'],
]

const center: ReferenceOrganization[] = [
  {
    code: 'center',
    parent: 'samr-city',
    kind: 'center',
    zh: '中国（苏州）知识产权保护中心',
    en: 'China (Suzhou) IP Protection Center',
  },
  {
    code: 'center-kunshan',
    parent: 'kunshan',
    kind: 'branchCenter',
    zh: '保护中心昆山分中心',
    en: 'Protection Center, Kunshan branch',
  },
  {
    code: 'center-sip',
    parent: 'sip',
    kind: 'branchCenter',
    zh: '保护中心苏州工业园区分中心',
    en: 'Protection Center, SIP branch',
  },
  {
    code: 'center-huqiu',
    parent: 'huqiu',
    kind: 'branchCenter',
    zh: '保护中心高新区分中心',
    en: 'Protection Center, SND branch',
  },
  {
    code: 'rapid-changshu',
    parent: 'changshu',
    kind: 'branchCenter',
    zh: '中国常熟（纺织服装）知识产权快速维权中心',
    en: 'China Changshu (Textiles and Garments) Rapid IP Protection Center',
  },
  {
    code: 'mediation-committee',
    parent: 'justice-city',
    kind: 'mediationOrg',
    zh: '苏州市知识产权纠纷人民调解委员会',
    en: 'Suzhou People’s Mediation Committee for IP Disputes',
  },
]

const districtRegulators: ReferenceOrganization[] = districts.map((d) => ({
  code: `samr-${d.code}`,
  parent: d.code,
  kind: 'agency',
  zh: `${d.zh.replace(/（.*）/, '')}市场监管局`,
  en: `${d.en.replace(/ \(.*\)/, '')} Market Regulation Administration`,
}))

export const referenceOrganizations: ReferenceOrganization[] = [
  { code: 'suzhou', parent: null, kind: 'city', zh: '苏州市', en: 'Suzhou', division: '320500' },
  ...districts,
  ...cityAgencies.map(([code, kind, zh, en]) => ({ code, parent: 'suzhou', kind, zh, en })),
  ...center,
  ...districtRegulators,
]
