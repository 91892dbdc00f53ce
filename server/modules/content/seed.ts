import type { GuideFields, PolicyFields } from '../../../contracts/content.ts'
import type { Database } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'
import type { SeedContext } from '../../kernel/module.ts'
import { sanitizeBody } from './sanitize.ts'
import { indexArticle } from './search-document.ts'

interface DemoItem {
  kind: 'notice' | 'news' | 'policy' | 'guide' | 'faq'
  title: string
  summary?: string
  body: string
  category?: string
  policy?: PolicyFields
  guide?: GuideFields
  /** Days before the seed's date on which it was published. */
  daysAgo: number
}

const NEWS: DemoItem[] = [
  {
    kind: 'news',
    title: '苏州获批建设江苏省知识产权保护示范区',
    summary: '市政府印发实施方案，三年内打造全国知识产权保护标杆城市。',
    body: '<p>苏州市人民政府印发《苏州市创建省知识产权保护示范区实施方案》（苏府〔2022〕83号），擦亮“我保护、你无忧”知识产权保护工作品牌。</p><p>方案提出，到2025年知识产权综合实力位居全国大中城市领先行列。</p>',
    daysAgo: 20,
  },
  {
    kind: 'news',
    title: '知保平台上线运行：投诉举报、维权援助一网通办',
    summary: '企业和群众可在线提交知识产权投诉、举报和维权援助申请，并查询办理进度。',
    body: '<p>知保平台整合投诉举报受理、维权援助、电子存证和双随机抽查结果公开等服务。</p><p>申请人可凭查询码跟踪办理进度。</p>',
    daysAgo: 9,
  },
  {
    kind: 'news',
    title: '市知识产权保护中心开展展会知识产权保护专项行动',
    summary: '重点展会设立知识产权服务站，现场受理侵权投诉。',
    body: '<p>依据《企业参展知识产权风险防范规范》，保护中心指导参展企业构建展会知识产权风险防控机制。</p>',
    daysAgo: 3,
  },
  {
    kind: 'notice',
    title: '关于知保平台系统维护的通知',
    summary: '本周六 22:00 至 24:00 进行系统维护，期间暂停在线申请。',
    body: '<p>维护期间已提交的申请不受影响，办理时限顺延。</p>',
    daysAgo: 1,
  },
]

const POLICIES: DemoItem[] = [
  {
    kind: 'policy',
    title: '知识产权强国建设纲要（2021－2035年）',
    summary: '统筹推进知识产权强国建设，全面提升知识产权创造、运用、保护、管理和服务水平。',
    body: '<p>中共中央、国务院印发《知识产权强国建设纲要（2021－2035年）》，提出到2025年知识产权强国建设取得明显成效，到2035年我国知识产权综合竞争力跻身世界前列。</p>',
    policy: {
      authority: '中共中央 国务院',
      documentNumber: null,
      issueDate: '2021-09-22',
      effectiveDate: '2021-09-22',
      expiryDate: null,
      validity: 'in_force',
    },
    daysAgo: 60,
  },
  {
    kind: 'policy',
    title: '“十四五”国家知识产权保护和运用规划',
    summary: '国务院关于印发“十四五”国家知识产权保护和运用规划的通知。',
    body: '<p>规划明确“十四五”时期知识产权保护和运用的主要目标、重点任务和保障措施。</p>',
    policy: {
      authority: '国务院',
      documentNumber: '国发〔2021〕20号',
      issueDate: '2021-10-09',
      effectiveDate: '2021-10-09',
      expiryDate: '2025-12-31',
      validity: 'in_force',
    },
    daysAgo: 59,
  },
  {
    kind: 'policy',
    title: '关于强化知识产权保护的意见',
    summary: '中共中央办公厅、国务院办公厅印发，全面加强知识产权保护工作。',
    body: '<p>意见从强化制度约束、加强社会监督共治、优化协作衔接机制、健全涉外沟通机制等方面作出部署。</p>',
    policy: {
      authority: '中共中央办公厅 国务院办公厅',
      documentNumber: null,
      issueDate: '2019-11-24',
      effectiveDate: '2019-11-24',
      expiryDate: null,
      validity: 'in_force',
    },
    daysAgo: 58,
  },
  {
    kind: 'policy',
    title: '苏州市创建省知识产权保护示范区实施方案',
    summary: '市政府关于印发苏州市创建省知识产权保护示范区实施方案的通知。',
    body: '<p>通过三年建设，形成“创造最强、体系最优、保护最严、服务最佳”的知识产权保护工作新格局。</p>',
    policy: {
      authority: '苏州市人民政府',
      documentNumber: '苏府〔2022〕83号',
      issueDate: '2022-11-05',
      effectiveDate: '2022-11-05',
      expiryDate: null,
      validity: 'in_force',
    },
    daysAgo: 57,
  },
]

const GUIDES: DemoItem[] = [
  {
    kind: 'guide',
    title: '知识产权侵权投诉办事指南',
    summary: '权利人发现专利、商标、著作权被侵犯时，向保护中心在线提交投诉。',
    body: '<p>适用于权利人或其代理人就侵犯其知识产权的行为提出投诉。</p>',
    guide: {
      steps: [
        { title: '准备材料', description: '权利证书、侵权证据和被投诉方信息。' },
        { title: '在线提交投诉', description: '登录知保平台填写投诉表，上传证据材料。' },
        { title: '受理审查', description: '保护中心在规定时限内决定是否受理，并告知查询码。' },
        { title: '处理与反馈', description: '转交执法部门或组织调解，结果通过平台告知。' },
      ],
      materials: [
        '权利证书或登记证明',
        '侵权证据（截图、实物照片、购买凭证等）',
        '被投诉方名称及统一社会信用代码',
      ],
      timeLimit: '受理审查 7 个工作日内',
      fees: '免费',
      applyOnline: [
        { label: '在线提交投诉', href: '/services/complaint' },
        { label: '查询办理进度', href: '/services/track' },
      ],
    },
    daysAgo: 30,
  },
  {
    kind: 'guide',
    title: '电子证据存证办事指南',
    summary: '将网页、图片、文件等证据在线存证，取得可验证的存证凭证。',
    body: '<p>存证记录文件的哈希值和时间戳，任何人都可以在线核验凭证。</p>',
    guide: {
      steps: [
        { title: '登录平台', description: '企业或个人用户登录后进入电子存证页面。' },
        { title: '上传证据', description: '上传文件或录入网页地址，系统计算哈希值。' },
        { title: '取得凭证', description: '下载存证凭证，凭证可在核验页面验证。' },
      ],
      materials: ['待存证的文件或网页地址'],
      timeLimit: '即时办结',
      fees: '免费',
      applyOnline: [
        { label: '电子存证', href: '/evidence' },
        { label: '核验存证凭证', href: '/verify/evidence' },
      ],
    },
    daysAgo: 29,
  },
  {
    kind: 'guide',
    title: '维权援助申请办事指南',
    summary: '中小企业和个人在知识产权纠纷中可申请维权援助。',
    body: '<p>援助内容包括咨询指导、专家意见和纠纷调解等。海外纠纷也可申请援助。</p>',
    guide: {
      steps: [
        { title: '提出申请', description: '在线填写维权援助申请表，说明纠纷情况和援助需求。' },
        { title: '审查决定', description: '保护中心审查后决定是否给予援助并通知申请人。' },
        { title: '提供援助', description: '安排专家或调解员提供援助服务。' },
      ],
      materials: ['申请人身份证明', '纠纷情况说明', '相关权利证明'],
      timeLimit: '审查决定 10 个工作日内',
      fees: '免费',
      applyOnline: [{ label: '申请维权援助', href: '/services/assistance' }],
    },
    daysAgo: 28,
  },
]

const FAQ: DemoItem[] = [
  [
    '投诉举报',
    '投诉和举报有什么区别？',
    '投诉由权利人就侵犯其自身权利的行为提出；举报可由任何人就侵权假冒线索提出，可以匿名。',
  ],
  [
    '投诉举报',
    '提交投诉后如何查询进度？',
    '提交成功后会得到查询码，在“进度查询”页面输入查询码即可查看办理进度。',
  ],
  ['投诉举报', '可以匿名举报吗？', '可以。匿名举报不留联系方式，但无法接收办理结果通知。'],
  [
    '维权援助',
    '哪些情况可以申请维权援助？',
    '在知识产权纠纷中需要咨询指导、专家意见或调解服务的企业和个人均可申请。',
  ],
  ['维权援助', '海外知识产权纠纷能申请援助吗？', '可以。申请时请填写纠纷所在国家或地区。'],
  [
    '电子存证',
    '电子存证凭证如何核验？',
    '在“存证核验”页面上传凭证或输入凭证编号，系统会核对哈希值和时间戳。',
  ],
  ['电子存证', '存证需要付费吗？', '知保平台的电子存证服务免费。'],
  ['平台使用', '企业用户如何注册？', '在注册页面填写统一社会信用代码和联系人信息，经审核通过后即可登录。'],
].map(([category, title, answer], i) => ({
  kind: 'faq' as const,
  title: title!,
  body: `<p>${answer}</p>`,
  category: category!,
  daysAgo: 40 - i,
}))

/** Demo content: news and notices, four policy documents, three guides linking to ZhiBao's forms, FAQ. */
export async function seedDemoContent(context: SeedContext): Promise<void> {
  const { trx, now } = context
  const items = [...NEWS, ...POLICIES, ...GUIDES, ...FAQ]
  for (const [i, item] of items.entries()) {
    const publishedAt = new Date(now.getTime() - item.daysAgo * 86_400_000).toISOString()
    const row: Database['articles'] = {
      id: newId(now.getTime() - items.length + i),
      kind: item.kind,
      title: item.title,
      summary: item.summary ?? null,
      body: sanitizeBody(item.body),
      district_id: null,
      status: 'published',
      published: 1,
      published_at: publishedAt,
      author_id: context.users.get('clerk') ?? null,
      created_at: publishedAt,
      updated_at: publishedAt,
      category: item.category ?? null,
      authority: item.policy?.authority ?? null,
      document_number: item.policy?.documentNumber ?? null,
      issue_date: item.policy?.issueDate ?? null,
      effective_date: item.policy?.effectiveDate ?? null,
      expiry_date: item.policy?.expiryDate ?? null,
      validity: item.policy?.validity ?? null,
      guide: item.guide ? JSON.stringify(item.guide) : null,
      publish_at: null,
      unpublish_at: null,
      submitted_by: context.users.get('clerk') ?? null,
      reviewed_by: context.users.get('examiner') ?? null,
      review_comment: null,
    }
    await trx.insertInto('articles').values(row).execute()
    await indexArticle(trx, row, now)
  }
}
