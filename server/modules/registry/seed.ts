import {
  computePatentCheckDigit,
  computeUsccCheckChar,
  validateUscc,
} from '../../../contracts/identifiers/index.ts'
import { type AssetInput, assetInput, normaliseAsset } from '../../../contracts/registry.ts'
import { newId } from '../../kernel/ids.ts'
import type { SeedContext } from '../../kernel/module.ts'
import { entityNames, insertEntity } from '../entities/index.ts'
import { insertAsset } from './assets.repository.ts'

/** A patent application number with its check digit: year, type digit (1/2/3), 7-digit serial. */
function pn(year: number, type: 1 | 2 | 3, serial: number): string {
  const body = `${year}${type}${String(serial).padStart(7, '0')}`
  return `${body}.${computePatentCheckDigit(body)}`
}

function uscc(first17: string): string {
  const value = first17 + computeUsccCheckChar(first17)
  if (!validateUscc(value).ok) throw new Error(`demo USCC ${value} is invalid`)
  return value
}

// Holders that are not demo entities yet: a university, a research academy and two associations.
const extraEntities = [
  { uscc: uscc('12320000466007891'), name: '苏州大学', district: 'gusu', industry: '高等教育' },
  {
    uscc: uscc('51320507MJ5123456'),
    name: '苏州市阳澄湖大闸蟹行业协会',
    district: 'xiangcheng',
    industry: '社会团体',
  },
  {
    uscc: uscc('51320506MJ5234567'),
    name: '苏州市吴中区洞庭山碧螺春茶业协会',
    district: 'wuzhong',
    industry: '社会团体',
  },
]

/** A few dozen realistic Suzhou assets, most published, a few still internal. */
export async function seedRegistryDemo(context: SeedContext): Promise<void> {
  const { trx, now, orgs } = context
  const usccs = new Map<string, string>()
  const names = await entityNames(trx, [...context.entities.values()])
  for (const [u, id] of context.entities) usccs.set(names.get(id)!.name, u)
  for (const e of extraEntities) {
    await insertEntity(trx, now, {
      uscc: e.uscc,
      name: e.name,
      districtId: orgs.get(e.district) ?? null,
      industry: e.industry,
    })
    usccs.set(e.name, e.uscc)
  }
  const h = (...holders: string[]) =>
    holders.map((name) => ({ name, ...(usccs.has(name) ? { uscc: usccs.get(name) } : {}) }))
  const KS = '昆山精密电子科技有限公司'
  const SIP = '苏州园区新材料股份有限公司'
  const BIO = '苏州高新生物制品有限公司'
  const WZ = '苏州吴中智能制造有限公司'
  const GS = '苏州姑苏丝绸文创有限公司'
  const CS = '常熟锦绣纺织服装有限公司'
  const SU = '苏州大学'
  const patent = (
    number: string,
    title: string,
    abstract: string,
    holders: { name: string; uscc?: string }[],
    ipc: string[],
    filedOn: string,
    extra: Partial<AssetInput> = {},
  ): AssetInput => ({
    kind: 'patent',
    number,
    title,
    abstract,
    holders,
    ipc,
    filedOn,
    status: 'valid',
    published: true,
    ...extra,
  })
  const assets: AssetInput[] = [
    patent(
      pn(2023, 1, 1034567),
      '一种半导体晶圆清洗装置',
      '本发明公开了一种半导体晶圆清洗装置，包括清洗槽、兆声波发生器和过滤循环系统，能够去除晶圆表面的颗粒污染物，提高良率。',
      h(KS),
      ['H01L 21/67'],
      '2023-03-01',
      { grantedOn: '2025-02-18' },
    ),
    patent(
      pn(2022, 1, 1587654),
      '一种柔性电路板的激光切割方法',
      '本发明涉及电路板加工技术领域，公开了一种柔性电路板的激光切割方法，采用紫外皮秒激光分层切割，切口无碳化。',
      h(KS),
      ['H05K 3/00', 'B23K 26/38'],
      '2022-08-12',
      { grantedOn: '2024-06-04' },
    ),
    patent(
      pn(2024, 2, 2123456),
      '一种高精度连接器端子的冲压模具',
      '本实用新型公开了一种高精度连接器端子的冲压模具，包括上模座、下模座和导向机构，端子尺寸公差小。',
      h(KS),
      ['B21D 37/10', 'H01R 43/16'],
      '2024-01-22',
      { grantedOn: '2024-09-10' },
    ),
    patent(
      pn(2023, 1, 1298765),
      '一种显示面板缺陷的自动光学检测设备',
      '本发明公开了一种显示面板缺陷的自动光学检测设备，利用多光谱成像与深度学习识别划痕、气泡和亮点缺陷。',
      h(KS, SU),
      ['G01N 21/88', 'G06T 7/00'],
      '2023-06-30',
    ),
    patent(
      pn(2025, 1, 1456789),
      '一种半导体激光器芯片的封装结构',
      '本发明公开了一种半导体激光器芯片的封装结构，尚在审查中。',
      h(KS),
      ['H01S 5/022'],
      '2025-03-15',
      { status: 'pending', published: false },
    ),
    patent(
      pn(2022, 1, 1102345),
      '一种石墨烯改性导热硅胶及其制备方法',
      '本发明提供一种石墨烯改性导热硅胶及其制备方法，导热系数高、绝缘性好，适用于新能源汽车电池包散热。',
      h(SIP),
      ['C08L 83/04', 'C08K 3/04'],
      '2022-02-17',
      { grantedOn: '2023-11-21' },
    ),
    patent(
      pn(2021, 1, 1876543),
      '半导体封装用环氧树脂组合物',
      '本发明提供一种半导体封装用环氧树脂组合物及其制备方法，具有低应力、低翘曲和高可靠性。',
      h(SIP),
      ['C08L 63/00', 'H01L 23/29'],
      '2021-09-30',
      { grantedOn: '2023-04-07' },
    ),
    patent(
      pn(2023, 1, 1654321),
      '一种纳米纤维素增强可降解复合膜',
      '本发明公开了一种纳米纤维素增强可降解复合膜，以聚乳酸为基体，力学性能和阻隔性能优良。',
      h(SIP, SU),
      ['C08J 5/18', 'C08L 67/04'],
      '2023-11-08',
    ),
    patent(
      pn(2022, 1, 1345678),
      '一种重组人源化单克隆抗体的纯化方法',
      '本发明涉及生物制药领域，公开了一种重组人源化单克隆抗体的纯化方法，包括亲和层析、离子交换层析和病毒灭活步骤。',
      h(BIO),
      ['C07K 1/22', 'C07K 16/00'],
      '2022-05-26',
      { grantedOn: '2024-08-13' },
    ),
    patent(
      pn(2023, 1, 1765432),
      '一种mRNA疫苗的脂质纳米颗粒递送系统',
      '本发明公开了一种mRNA疫苗的脂质纳米颗粒递送系统，包含可电离脂质、磷脂和胆固醇，转染效率高。',
      h(BIO, SU),
      ['A61K 9/51', 'A61K 39/00'],
      '2023-02-14',
    ),
    patent(
      pn(2024, 1, 1234987),
      '一种无血清细胞培养基及其应用',
      '本发明提供一种无血清细胞培养基及其在CHO细胞高密度培养中的应用，抗体表达量显著提高。',
      h(BIO),
      ['C12N 5/00'],
      '2024-04-19',
      { status: 'pending' },
    ),
    patent(
      pn(2022, 1, 1456123),
      '一种工业机器人关节用精密减速器',
      '本发明公开了一种工业机器人关节用精密减速器，采用摆线针轮与行星齿轮两级传动，回差小、刚度高。',
      h(WZ),
      ['F16H 1/32', 'B25J 9/10'],
      '2022-10-09',
      { grantedOn: '2024-03-26' },
    ),
    patent(
      pn(2023, 1, 1987123),
      '一种基于视觉识别的智能分拣系统',
      '本发明公开了一种基于视觉识别的智能分拣系统，用于智能制造产线的物料识别、定位与分拣。',
      h(WZ),
      ['B07C 5/342', 'G06V 20/00'],
      '2023-07-21',
    ),
    patent(
      pn(2024, 2, 2345987),
      '一种数控机床主轴的冷却装置',
      '本实用新型公开了一种数控机床主轴的冷却装置，通过环形冷却流道降低主轴热变形。',
      h(WZ),
      ['B23Q 11/12'],
      '2024-06-03',
      { grantedOn: '2024-12-17' },
    ),
    patent(
      pn(2022, 1, 1223344),
      '一种丝绸面料的数码印花方法',
      '本发明涉及纺织印染技术领域，公开了一种丝绸面料的数码印花方法，采用活性染料喷墨印花，色牢度高、花型精细。',
      h(GS, SU),
      ['D06P 5/30', 'D06P 1/38'],
      '2022-06-15',
      { grantedOn: '2024-01-09' },
    ),
    patent(
      pn(2024, 3, 3012345),
      '丝绸围巾（苏绣牡丹）',
      '外观设计专利，产品为丝绸围巾，设计要点在于苏绣牡丹图案与色彩的结合。',
      h(GS),
      [],
      '2024-04-01',
      { grantedOn: '2024-08-20', locarno: ['02-05'] },
    ),
    patent(
      pn(2023, 3, 3056789),
      '丝绸团扇（姑苏园林）',
      '外观设计专利，产品为丝绸团扇，扇面为姑苏园林漏窗图案。',
      h(GS),
      [],
      '2023-09-12',
      { grantedOn: '2024-02-02', locarno: ['03-04'] },
    ),
    patent(
      pn(2023, 2, 2456789),
      '一种防钻绒羽绒服面料',
      '本实用新型公开了一种防钻绒羽绒服面料，采用高密度涂层织物，透气防钻绒。',
      h(CS),
      ['D03D 15/00'],
      '2023-10-27',
      { grantedOn: '2024-05-14' },
    ),
    patent(
      pn(2021, 1, 1334455),
      '一种蚕丝蛋白医用敷料及其制备方法',
      '本发明公开了一种蚕丝蛋白医用敷料及其制备方法，生物相容性好，可促进创面愈合。',
      h(SU),
      ['A61L 15/32'],
      '2021-12-03',
      { grantedOn: '2023-07-25' },
    ),
    {
      kind: 'trademark',
      number: '38123456',
      title: '姑苏绣韵',
      abstract: '核定使用商品：丝绸面料、刺绣工艺品、服装、围巾。',
      holders: h(GS),
      niceClasses: [24, 25, 26],
      filedOn: '2019-05-20',
      grantedOn: '2020-05-20',
      status: 'valid',
      published: true,
    },
    {
      kind: 'trademark',
      number: '45678123',
      title: '丝路姑苏',
      abstract: '核定使用服务：广告、网上商店、替他人推销。',
      holders: h(GS),
      niceClasses: [35],
      filedOn: '2020-03-10',
      grantedOn: '2021-01-07',
      status: 'valid',
      published: true,
    },
    {
      kind: 'trademark',
      number: '29876543',
      title: '锦绣常熟',
      abstract: '核定使用商品：服装、针织品、纺织面料。',
      holders: h(CS),
      niceClasses: [25, 24],
      filedOn: '2018-11-02',
      grantedOn: '2019-11-02',
      status: 'valid',
      published: true,
    },
    {
      kind: 'trademark',
      number: '51234567',
      title: '昆精',
      abstract: '核定使用商品：电子连接器、电路板、半导体器件。',
      holders: h(KS),
      niceClasses: [9],
      filedOn: '2021-01-15',
      grantedOn: '2021-10-14',
      status: 'valid',
      published: true,
    },
    {
      kind: 'trademark',
      number: 'G1567890',
      title: 'SIPMAT',
      abstract: '马德里国际注册指定中国，核定使用商品：工业用化学品、未加工合成树脂。',
      holders: h(SIP),
      niceClasses: [1],
      filedOn: '2020-09-01',
      grantedOn: '2021-06-30',
      status: 'valid',
      published: true,
    },
    {
      kind: 'trademark',
      number: '60123456',
      title: '吴中智造',
      abstract: '核定使用商品：工业机器人、机床、自动分拣机。',
      holders: h(WZ),
      niceClasses: [7],
      filedOn: '2022-02-08',
      status: 'pending',
      published: false,
    },
    {
      kind: 'copyright',
      number: '2023SR0456789',
      title: '智能制造生产线管理软件V2.0',
      abstract: '计算机软件著作权登记，实现生产线设备监控、工单排程与质量追溯。',
      holders: h(WZ),
      filedOn: '2023-07-18',
      grantedOn: '2023-07-18',
      status: 'valid',
      published: true,
      details: { workType: 'software' },
    },
    {
      kind: 'copyright',
      number: '国作登字-2022-F-00123456',
      title: '姑苏繁华图数字化再创作',
      abstract: '美术作品著作权登记，以《姑苏繁华图》为蓝本的数字化再创作系列图案。',
      holders: h(GS),
      filedOn: '2022-04-06',
      grantedOn: '2022-04-06',
      status: 'valid',
      published: true,
      details: { workType: 'fine_art' },
    },
    {
      kind: 'copyright',
      number: '2024SR0123987',
      title: '显示面板缺陷检测算法平台V1.0',
      abstract: '计算机软件著作权登记，显示面板缺陷检测的图像处理与模型训练平台。',
      holders: h(KS),
      filedOn: '2024-03-02',
      grantedOn: '2024-03-02',
      status: 'valid',
      published: true,
      details: { workType: 'software' },
    },
    {
      kind: 'geographical_indication',
      number: 'AGI-2005-0312',
      title: '阳澄湖大闸蟹',
      abstract: '地理标志保护产品，产于苏州阳澄湖区域，青背白肚、金爪黄毛，肉质鲜美。',
      holders: h('苏州市阳澄湖大闸蟹行业协会'),
      filedOn: '2005-03-01',
      grantedOn: '2005-03-01',
      status: 'valid',
      published: true,
      details: { region: '苏州市相城区阳澄湖镇等' },
    },
    {
      kind: 'geographical_indication',
      number: 'PGI-2002-0047',
      title: '洞庭山碧螺春茶',
      abstract: '地理标志保护产品，产于苏州吴中区洞庭东山、西山，条索纤细、卷曲成螺、满身披毫。',
      holders: h('苏州市吴中区洞庭山碧螺春茶业协会'),
      filedOn: '2002-08-27',
      grantedOn: '2002-08-27',
      status: 'valid',
      published: true,
      details: { region: '苏州市吴中区东山镇、金庭镇' },
    },
    {
      kind: 'geographical_indication',
      number: 'PGI-2006-0118',
      title: '苏绣',
      abstract: '地理标志保护产品，苏州刺绣以精细雅洁著称，针法丰富，双面绣为其代表。',
      holders: h(GS),
      filedOn: '2006-12-01',
      grantedOn: '2006-12-01',
      status: 'valid',
      published: true,
      details: { region: '苏州市' },
    },
    {
      kind: 'layout_design',
      number: 'BS.225500123.4',
      title: '低功耗蓝牙SoC芯片布图设计',
      abstract: '集成电路布图设计专有权登记，低功耗蓝牙系统级芯片。',
      holders: h(KS, SU),
      filedOn: '2022-09-19',
      grantedOn: '2022-12-30',
      status: 'valid',
      published: true,
    },
    {
      kind: 'plant_variety',
      number: 'CNA20191002345.6',
      title: '苏香粳100',
      abstract: '水稻新品种，粳型常规稻，香味浓郁、抗倒伏，适宜苏南地区种植。',
      holders: h('苏州市农业科学院'),
      filedOn: '2019-04-11',
      grantedOn: '2021-07-30',
      status: 'valid',
      published: true,
      details: { genus: '稻' },
    },
  ]
  // Under an earlier clock (tests pinned to a past date) assets filed later do not exist yet.
  const today = now.toISOString().slice(0, 10)
  for (const input of assets.filter((a) => !a.filedOn || a.filedOn <= today)) {
    const result = normaliseAsset(assetInput.parse(input), { now })
    if (!result.ok) throw new Error(`demo asset ${input.number}: ${JSON.stringify(result.issues)}`)
    await insertAsset(trx, now, result.asset)
  }
  for (const [name, listedOn, reason] of [
    [KS, '2024-03-15', '高新技术企业，半导体与电子信息核心专利集中'],
    [SIP, '2024-03-15', '新材料领域专利密集型企业'],
    [GS, '2025-01-10', '苏绣、丝绸文创品牌屡遭仿冒，列入重点保护'],
  ] as const) {
    await trx
      .insertInto('key_enterprises')
      .values({
        id: newId(now.getTime()),
        entity_id: context.entities.get(usccs.get(name)!)!,
        listed_on: listedOn,
        reason,
        published: 1,
        created_at: now.toISOString(),
      })
      .execute()
  }
}
