import type { Database } from '../../database.ts'
import { newId } from '../../kernel/ids.ts'
import type { SeedContext } from '../../kernel/module.ts'
import { indexCourse, indexTalent } from './search-document.ts'

const DAY = 86_400_000

const courses = [
  {
    title: '企业知识产权合规管理实务',
    summary: '面向企业高管：知识产权管理体系（GB/T 29490）、风险排查与合规要点。',
    category: 'management',
    audience: 'executives',
    lecturer: '沈教授',
    materials: 'GB/T 29490-2023 企业知识产权合规管理体系 要求\n讲义：企业知识产权风险清单',
    district: null,
    sessions: [
      { days: -75, attended: 28, registered: 30, capacity: 40, place: '苏州市知识产权保护中心 三楼报告厅' },
      { days: 20, attended: 0, registered: 6, capacity: 40, place: '苏州市知识产权保护中心 三楼报告厅' },
    ],
  },
  {
    title: '商标侵权判断与行政执法',
    summary: '面向执法人员：商标近似、商品类似的判断标准与典型案例。',
    category: 'enforcement',
    audience: 'officials',
    lecturer: '顾处长',
    materials: '《商标侵权判断标准》\n典型案例汇编',
    district: 'gusu',
    sessions: [
      { days: -40, attended: 22, registered: 24, capacity: 30, place: '姑苏区市场监管局 一楼会议室' },
      { days: 35, attended: 0, registered: 2, capacity: 30, place: '姑苏区市场监管局 一楼会议室' },
    ],
  },
  {
    title: '专利申请文件撰写与预审',
    summary: '面向知识产权师与企业研发人员：权利要求书撰写、快速预审流程。',
    category: 'practice',
    audience: 'practitioners',
    lecturer: '钱代理师',
    materials: '专利审查指南（节选）\n预审备案操作手册',
    district: null,
    sessions: [
      { days: -20, attended: 35, registered: 38, capacity: 40, place: '线上直播', online: true },
      { days: 10, attended: 0, registered: 39, capacity: 40, place: '苏州工业园区 独墅湖会议中心' },
    ],
  },
  {
    title: '海外知识产权纠纷应对',
    summary: '出海企业如何应对337调查、海外展会知识产权风险。',
    category: 'overseas',
    audience: 'executives',
    lecturer: '陆律师',
    materials: '海外知识产权纠纷应对指引',
    district: null,
    sessions: [{ days: 50, attended: 0, registered: 0, capacity: 60, place: '昆山市会议中心' }],
  },
] as const

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const given = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛']

const talent = [
  {
    kind: 'expert',
    name: '沈立群',
    title: '教授、博士生导师',
    organization: '苏州大学知识产权研究院',
    ipcSections: ['G', 'H'],
    topics: ['专利价值评估', '知识产权管理'],
    bio: '长期从事知识产权管理与专利分析研究，参与多项国家与省级知识产权战略课题。',
    scope: 'profileAndContact',
  },
  {
    kind: 'expert',
    name: '顾晓明',
    title: '高级工程师',
    organization: '苏州纳米科技研究所',
    ipcSections: ['B', 'C'],
    topics: ['纳米材料', '技术调查'],
    bio: '纳米材料领域资深工程师，多次担任专利侵权纠纷技术调查专家。',
    scope: 'profile',
  },
  {
    kind: 'patentAgent',
    name: '钱文静',
    title: '专利代理师',
    organization: '苏州某某专利代理事务所',
    ipcSections: ['G', 'H'],
    topics: ['软件专利', '通信'],
    bio: '执业十余年，代理通信与软件领域发明专利申请五百余件。',
    scope: 'profileAndContact',
  },
  {
    kind: 'patentAgent',
    name: '陆海峰',
    title: '专利代理师、律师',
    organization: '苏州工业园区某某知识产权代理有限公司',
    ipcSections: ['A', 'C'],
    topics: ['生物医药', '专利无效'],
    bio: '专注生物医药专利申请与无效宣告程序。',
    scope: 'profile',
  },
  {
    kind: 'examiner',
    name: '周雅琴',
    title: '预审员',
    organization: '中国（苏州）知识产权保护中心',
    ipcSections: ['F', 'B'],
    topics: ['高端装备制造'],
    bio: '负责高端装备制造领域专利快速预审。',
    scope: 'profile',
  },
  {
    kind: 'examiner',
    name: '吴建国',
    title: '预审员',
    organization: '中国（苏州）知识产权保护中心',
    ipcSections: ['H'],
    topics: ['新一代信息技术', '集成电路'],
    bio: '负责新一代信息技术领域专利快速预审。',
    scope: 'profile',
  },
] as const

/** A few courses with past sessions (attendance recorded, so T24 has figures) and upcoming ones; six talent profiles with consent. */
export async function seedClassroomDemo(context: SeedContext): Promise<void> {
  const { trx, now, orgs } = context
  const iso = now.toISOString()
  let serial = 0
  for (const c of courses) {
    const courseId = newId(now.getTime())
    await trx
      .insertInto('classroom_courses')
      .values({
        id: courseId,
        title: c.title,
        summary: c.summary,
        category: c.category,
        audience: c.audience,
        lecturer: c.lecturer,
        materials: c.materials,
        published: 1,
        district_id: c.district ? (orgs.get(c.district) ?? null) : null,
        created_by: null,
        created_at: iso,
        updated_at: iso,
      })
      .execute()
    for (const s of c.sessions) {
      // 09:30 China time on the day.
      const day = new Date(Math.floor((now.getTime() + s.days * DAY + 8 * 3600_000) / DAY) * DAY)
      const starts = new Date(day.getTime() + 1.5 * 3600_000)
      const sessionId = newId(now.getTime())
      const online = 'online' in s && s.online
      await trx
        .insertInto('classroom_sessions')
        .values({
          id: sessionId,
          course_id: courseId,
          starts_at: starts.toISOString(),
          ends_at: new Date(starts.getTime() + 3 * 3600_000).toISOString(),
          place: s.place,
          online_url: online ? 'https://live.example.org/zhibao-classroom' : null,
          capacity: s.capacity,
          seats_taken: s.registered,
          registration_deadline: new Date(starts.getTime() - DAY).toISOString(),
          organizer: c.district === 'gusu' ? '姑苏区市场监督管理局' : '中国（苏州）知识产权保护中心',
          district_id: c.district ? (orgs.get(c.district) ?? null) : null,
          created_at: iso,
          updated_at: iso,
        })
        .execute()
      const rows: Database['classroom_registrations'][] = []
      for (let i = 0; i < s.registered; i++) {
        serial++
        const attended = i < s.attended
        rows.push({
          id: newId(now.getTime()),
          session_id: sessionId,
          user_id: null,
          entity_id: null,
          name: surnames[serial % surnames.length]! + given[serial % given.length]!,
          phone: `139${String(10_000_000 + serial * 7919).slice(-8)}`,
          organization: '',
          status: 'registered',
          attended: attended ? 1 : 0,
          attended_at: attended ? new Date(starts.getTime() + 600_000).toISOString() : null,
          certificate_number: attended
            ? `KT${starts.toISOString().slice(0, 4)}-DEMO${String(serial).padStart(6, '0')}`
            : null,
          access_code_hash: null,
          created_at: iso,
          updated_at: iso,
        })
      }
      if (rows.length > 0) await trx.insertInto('classroom_registrations').values(rows).execute()
    }
    await indexCourse(trx, courseId, now)
  }
  for (const p of talent) {
    const row: Database['talent_profiles'] = {
      id: newId(now.getTime()),
      kind: p.kind,
      name: p.name,
      title: p.title,
      organization: p.organization,
      ipc_sections: JSON.stringify([...p.ipcSections].sort()),
      topics: JSON.stringify(p.topics),
      bio: p.bio,
      phone: p.scope === 'profileAndContact' ? '0512-00000000' : null,
      email: `${p.kind}.${serial++}@demo.zhibao.invalid`,
      consent_scope: p.scope,
      consent_at: iso,
      consent_note: '书面同意书（演示数据）',
      consent_withdrawn_at: null,
      published: 1,
      photo_sha256: null,
      photo_type: null,
      district_id: null,
      created_at: iso,
      updated_at: iso,
    }
    await trx.insertInto('talent_profiles').values(row).execute()
    await indexTalent(trx, row, now)
  }
}
