import type { NavigationAction, NavigationNode, NavigationTree } from '../../../contracts/services/index.ts'

/**
 * 保护导航: the one declaration of the "what is my problem?" tree. Every result ends at a ZhiBao
 * form or page, the service directory filtered by a service, and/or a how-to guide found by a
 * stable search query. Change anything here and bump the version; navigation.test.ts checks that
 * every node is reachable, nothing loops, every answer leads somewhere and both languages are filled.
 */
export const NAVIGATION_VERSION = '2026-12-03.1'

const service = (target: Extract<NavigationAction, { type: 'service' }>['target'], zh: string, en: string) =>
  ({ type: 'service', target, label: { zh, en } }) as const
const directory = (s: Extract<NavigationAction, { type: 'directory' }>['service'], zh: string, en: string) =>
  ({ type: 'directory', service: s, label: { zh, en } }) as const
const guide = (query: string, zh: string, en: string) =>
  ({ type: 'guide', query, label: { zh, en } }) as const

const q = (
  id: string,
  question: [string, string],
  options: [id: string, zh: string, en: string, next: string][],
  hint?: [string, string],
): NavigationNode => ({
  type: 'question',
  id,
  question: { zh: question[0], en: question[1] },
  ...(hint ? { hint: { zh: hint[0], en: hint[1] } } : {}),
  options: options.map(([oid, zh, en, next]) => ({ id: oid, label: { zh, en }, next })),
})
const r = (id: string, title: [string, string], summary: [string, string], actions: NavigationAction[]) =>
  ({
    type: 'result',
    id,
    title: { zh: title[0], en: title[1] },
    summary: { zh: summary[0], en: summary[1] },
    actions,
  }) satisfies NavigationNode

const nodes: NavigationNode[] = [
  q(
    'start',
    ['您遇到了什么问题？', 'What is your problem?'],
    [
      ['infringed', '有人仿冒或侵犯了我的知识产权', 'Someone copies or infringes my IP', 'which-right'],
      ['squatted', '我的商标在国外被抢注', 'My trademark has been squatted abroad', 'overseas'],
      ['fakes', '我发现了假冒商品，想举报', 'I found counterfeit goods and want to report them', 'report'],
      [
        'accused',
        '我收到了警告函或被指控侵权',
        'I received a warning letter or am accused of infringement',
        'accused-where',
      ],
      ['evidence', '我想固定和保全证据', 'I want to preserve evidence', 'evidence'],
      ['mediation', '我想通过调解解决纠纷', 'I want to settle a dispute by mediation', 'mediation'],
      [
        'validity',
        '我想知道我的专利是否有效、是否稳定',
        'I need to know whether my patent is valid and robust',
        'validity',
      ],
      ['deadline', '我想算一算办理期限', 'I want to work out a deadline', 'deadline'],
    ],
    [
      '选择最接近您情况的一项，我们会一步步带您找到对应的服务。',
      'Choose what is closest to your situation; we will guide you step by step to the right service.',
    ],
  ),
  q(
    'which-right',
    ['被侵犯的是哪一种权利？', 'Which right is infringed?'],
    [
      [
        'patent',
        '专利（有人仿冒我的产品或技术）',
        'A patent (someone copies my product or technology)',
        'patent-where',
      ],
      ['trademark', '商标（有人使用我的品牌）', 'A trademark (someone uses my brand)', 'trademark-where'],
      [
        'copyright',
        '著作权（作品、软件被复制或传播）',
        'Copyright (my work or software is copied or shared)',
        'copyright-where',
      ],
      [
        'secret',
        '商业秘密（技术或经营信息被泄露）',
        'A trade secret (technical or business information leaked)',
        'trade-secret',
      ],
    ],
  ),
  q(
    'patent-where',
    ['侵权行为发生在哪里？', 'Where does the infringement take place?'],
    [
      ['online', '电商平台或网店', 'On an e-commerce platform or online shop', 'takedown'],
      [
        'offline',
        '工厂、门店、展会等线下场所',
        'In a factory, shop, trade fair or other place',
        'patent-complaint',
      ],
      [
        'abroad',
        '境外（出口、海外展会或海外市场）',
        'Abroad (exports, overseas fairs or markets)',
        'overseas',
      ],
    ],
  ),
  q(
    'trademark-where',
    ['侵权行为发生在哪里？', 'Where does the infringement take place?'],
    [
      ['online', '电商平台或网店', 'On an e-commerce platform or online shop', 'takedown'],
      ['offline', '苏州的门店、市场或工厂', 'In a shop, market or factory in Suzhou', 'trademark-complaint'],
      ['abroad', '境外（被抢注或海外侵权）', 'Abroad (squatting or infringement overseas)', 'overseas'],
    ],
  ),
  q(
    'copyright-where',
    ['侵权行为发生在哪里？', 'Where does the infringement take place?'],
    [
      ['online', '网络平台、网店或 App', 'On an online platform, shop or app', 'takedown'],
      [
        'offline',
        '出版物、门店或其他线下场所',
        'In print, in a shop or elsewhere offline',
        'copyright-complaint',
      ],
    ],
  ),
  q(
    'accused-where',
    ['指控来自哪里？', 'Where does the accusation come from?'],
    [
      ['domestic', '国内的权利人或平台', 'A rights holder or platform in China', 'accused'],
      [
        'abroad',
        '境外权利人、海关或海外诉讼',
        'A foreign rights holder, customs or an overseas lawsuit',
        'overseas',
      ],
    ],
  ),
  q(
    'validity',
    ['您想了解什么？', 'What do you need to know?'],
    [
      [
        'status',
        '专利目前的法律状态（是否授权、是否有效）',
        "The patent's legal status (granted, in force)",
        'validity-status',
      ],
      [
        'stability',
        '维权前的专利稳定性分析',
        'Whether the patent would survive a challenge before enforcing it',
        'validity-analysis',
      ],
    ],
  ),
  r(
    'takedown',
    ['向电商平台发出侵权处置通知', 'Send a takedown notice to the e-commerce platform'],
    [
      '填写电商平台侵权处置表单，提供商品链接和权利证明，保护中心协助您通知平台删除侵权链接；建议先对网页进行电子存证。',
      'Fill in the takedown form with the listing links and proof of your right; the center helps you notify the platform to remove the listings. Preserve the web pages as evidence first.',
    ],
    [
      service('takedown', '填写电商平台侵权处置通知', 'Fill in the takedown notice'),
      service('evidence', '先对网页进行电子存证', 'Preserve the web pages as evidence first'),
      guide('电商平台 侵权投诉 指南', '查看电商维权办事指南', 'Read the e-commerce enforcement guide'),
    ],
  ),
  r(
    'patent-complaint',
    ['提出专利侵权纠纷行政裁决或投诉', 'File a patent infringement complaint'],
    [
      '向知识产权管理部门提出专利侵权投诉或行政裁决请求；需要专业协助时可联系维权援助机构或代理机构。',
      'File a patent infringement complaint or a request for an administrative ruling; for professional help contact an assistance center or an agency.',
    ],
    [
      service('complaint', '提交侵权投诉', 'File a complaint'),
      directory('rights_assistance', '查找维权援助机构', 'Find a rights assistance center'),
      guide('专利侵权纠纷 行政裁决', '查看专利侵权纠纷处理指南', 'Read the patent dispute guide'),
    ],
  ),
  r(
    'trademark-complaint',
    ['投诉商标侵权', 'Complain about trademark infringement'],
    [
      '向市场监管部门投诉商标侵权行为，附上注册证明和侵权证据。若只想举报假冒商品，也可以匿名举报。',
      'Complain to market regulation with your registration and evidence of the infringement. If you only want to report fakes, you can also report anonymously.',
    ],
    [
      service('complaint', '提交侵权投诉', 'File a complaint'),
      service('report', '匿名举报假冒商品', 'Report counterfeit goods anonymously'),
      guide('商标侵权 投诉', '查看商标维权指南', 'Read the trademark enforcement guide'),
    ],
  ),
  r(
    'copyright-complaint',
    ['投诉著作权侵权', 'Complain about copyright infringement'],
    [
      '向版权管理部门投诉侵权复制、发行等行为；也可以申请调解。',
      'Complain to the copyright authority about unauthorized copying or distribution; mediation is also available.',
    ],
    [
      service('complaint', '提交侵权投诉', 'File a complaint'),
      directory('mediation', '查找调解组织', 'Find a mediation organization'),
      guide('著作权 侵权 投诉', '查看著作权维权指南', 'Read the copyright enforcement guide'),
    ],
  ),
  r(
    'trade-secret',
    ['申请商业秘密维权援助', 'Ask for assistance with a trade secret leak'],
    [
      '商业秘密泄露需尽快固定证据并评估保护措施。维权援助中心可以提供咨询和指导，必要时协助向公安机关报案。',
      'A leaked trade secret needs its evidence preserved quickly and its protection assessed. An assistance center advises you and, where needed, helps you report to the police.',
    ],
    [
      service('assistance', '申请维权援助', 'Ask for rights assistance'),
      service('evidence', '对相关文件进行电子存证', 'Preserve the relevant files as evidence'),
      directory('rights_assistance', '查找维权援助机构', 'Find a rights assistance center'),
      guide('商业秘密 保护', '查看商业秘密保护指南', 'Read the trade secret guide'),
    ],
  ),
  r(
    'overseas',
    ['申请海外知识产权维权援助', 'Ask for overseas IP assistance'],
    [
      '商标在国外被抢注、海外展会或海关纠纷、海外诉讼：提交海外维权援助申请，说明涉及的国家或地区，保护中心会对接海外维权资源。',
      'Trademark squatted abroad, a dispute at an overseas fair or customs, a lawsuit abroad: apply for overseas assistance, naming the country or region; the center connects you with overseas resources.',
    ],
    [
      service('assistance', '申请海外维权援助', 'Apply for overseas assistance'),
      directory('overseas_assistance', '查找海外维权服务机构', 'Find overseas assistance services'),
      guide('海外 知识产权 纠纷 应对', '查看海外纠纷应对指南', 'Read the overseas dispute guide'),
    ],
  ),
  r(
    'report',
    ['举报假冒商品', 'Report counterfeit goods'],
    [
      '填写举报表单（可匿名），说明商品、地点和线索；您会得到一个查询码，用于跟踪处理进度。',
      'Fill in the report form (anonymously if you wish) with the goods, the place and your leads; you receive a tracking code to follow the case.',
    ],
    [
      service('report', '填写举报表单', 'Fill in the report form'),
      service('track', '用查询码跟踪进度', 'Follow a report by its tracking code'),
    ],
  ),
  r(
    'accused',
    ['应对侵权指控', 'Respond to an infringement accusation'],
    [
      '收到警告函或被指控侵权时，不要急于回应：先核实对方权利是否有效，保存相关材料，可申请维权援助或寻求调解。',
      'Do not rush to answer a warning letter: first check whether the right asserted is valid, keep the documents, and ask for assistance or mediation.',
    ],
    [
      service('search', '查询对方权利的法律状态', "Check the asserted right's legal status"),
      service('assistance', '申请维权援助', 'Ask for rights assistance'),
      directory('mediation', '查找调解组织', 'Find a mediation organization'),
      guide('警告函 应对', '查看收到警告函的应对指南', 'Read the guide on warning letters'),
    ],
  ),
  r(
    'evidence',
    ['电子存证', 'Evidence deposit'],
    [
      '上传网页截图、文件或视频，平台记录其哈希值并出具可离线验证的存证回执；需要公证的可联系公证机构。',
      'Upload screenshots, files or videos; the platform records their hash and issues a receipt anyone can verify offline. For notarization, contact a notary office.',
    ],
    [
      service('evidence', '开始电子存证', 'Deposit evidence'),
      directory('notarization', '查找公证机构', 'Find a notary office'),
    ],
  ),
  r(
    'mediation',
    ['申请纠纷调解', 'Ask for mediation'],
    [
      '知识产权纠纷可以由调解组织调解，调解协议可申请司法确认。请在服务名录中选择调解组织联系。',
      'IP disputes can be mediated by a mediation organization, and the agreement can be judicially confirmed. Pick a mediation organization in the directory.',
    ],
    [
      directory('mediation', '查找调解组织', 'Find a mediation organization'),
      directory('arbitration', '查找仲裁机构', 'Find an arbitration institution'),
      guide('知识产权纠纷 调解 司法确认', '查看调解办事指南', 'Read the mediation guide'),
    ],
  ),
  r(
    'validity-status',
    ['查询专利法律状态', "Check a patent's legal status"],
    [
      '在统一检索中输入专利申请号（可带或不带校验位）查看登记信息和法律状态。',
      'Enter the application number (with or without its check digit) in the search to see the registration and legal status.',
    ],
    [
      service('search', '检索专利', 'Search patents'),
      directory('information_search', '查找信息检索服务', 'Find an IP search service'),
    ],
  ),
  r(
    'validity-analysis',
    ['专利稳定性分析', 'Patent validity analysis'],
    [
      '在主张权利之前，可委托专业机构进行稳定性分析，评估专利被宣告无效的风险。',
      'Before enforcing, an expert can analyse the patent to assess the risk of it being invalidated.',
    ],
    [
      directory('validity_analysis', '查找提供稳定性分析的机构', 'Find a validity analysis service'),
      service('search', '检索专利', 'Search patents'),
    ],
  ),
  r(
    'deadline',
    ['期限计算器', 'Deadline calculator'],
    [
      '按法定工作日历计算办理期限（含节假日和调休）。',
      'Work out a deadline on the official working-day calendar (holidays and make-up days included).',
    ],
    [service('deadlineCalculator', '打开期限计算器', 'Open the deadline calculator')],
  ),
]

export const NAVIGATION_TREE: NavigationTree = { version: NAVIGATION_VERSION, root: 'start', nodes }
