// Documents of a case. Notices (受理通知书, 不予受理通知书, 告知书) follow from the steps that
// decide them: numbered per issuing agency, series and year in the step's transaction (a rolled-back
// step gives its number back, so numbers have no gaps), their template fields stored, and the PDF
// (embedded Noto Sans SC) rendered on first download and kept by SHA-256 in the blob store.
// Attachments are uploaded (multipart), size-limited, type-sniffed and stored by SHA-256.
import path from 'node:path'
import { Readable } from 'node:stream'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, can, isStaff } from '../../kernel/access.ts'
import type { Config } from '../../kernel/config.ts'
import { renderPdf } from '../../kernel/documents/pdf.ts'
import { AppError } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { LocalBlobStore } from '../../kernel/storage/blob-store.ts'
import { chinaDate } from './engine/clocks.ts'
import { findCase, onTransition, type TakenStep } from './engine/engine.ts'
import { appendCaseEvent } from './engine/timeline.ts'
import { casesErrors } from './errors.ts'

type Data = Record<string, unknown>
type Series = '受' | '不受' | '告'

interface NoticeDeclaration {
  kind: 'acceptanceNotice' | 'rejectionNotice' | 'notification'
  series: Series
  title: string
  addressee: 'submitter' | 'parties'
  recipient: (data: Data) => string
  body: (data: Data, step: TakenStep, date: string) => string[]
}

const name = (v: unknown) => (v as { name?: string } | null | undefined)?.name ?? ''
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The notices each step issues, by domain event (what the complaint, report and takedown send). */
const NOTICES: Record<string, NoticeDeclaration> = {
  'complaint.accepted': {
    kind: 'acceptanceNotice',
    series: '受',
    title: '受理通知书',
    addressee: 'submitter',
    recipient: (d) => name(d.complainant),
    body: (d, _s, date) => [
      `你于${date}前提出的对${name(d.respondent)}的投诉，经审查，符合《市场监督管理投诉举报处理暂行办法》规定的受理条件，本机关决定予以受理。`,
      '本机关将依法组织调解。调解期间如需检测、鉴定，所需时间不计入调解期限。',
    ],
  },
  'complaint.rejected': {
    kind: 'rejectionNotice',
    series: '不受',
    title: '不予受理通知书',
    addressee: 'submitter',
    recipient: (d) => name(d.complainant),
    body: (d) => [
      `你对${name(d.respondent)}的投诉，经审查，不符合受理条件，本机关决定不予受理。`,
      `理由：${(d.rejection as { reason?: string } | undefined)?.reason ?? ''}`,
    ],
  },
  'complaint.partiesInformed': {
    kind: 'notification',
    series: '告',
    title: '终止调解告知书',
    addressee: 'parties',
    recipient: (d) => `${name(d.complainant)}、${name(d.respondent)}`,
    body: (d) => [
      `关于${name(d.complainant)}与${name(d.respondent)}的投诉纠纷，本机关决定终止调解。`,
      `理由：${d.termination ?? ''}`,
    ],
  },
  // The reporter alone is told; the notice never names the reporter to anyone else (rules.md 5.13).
  'report.reporterInformed': {
    kind: 'notification',
    series: '告',
    title: '举报处理结果告知书',
    addressee: 'submitter',
    recipient: (d) => name(d.reporter),
    body: (d) => [
      `你举报的${name(d.respondent)}涉嫌违法一案，本机关经核查，${d.decision === 'docketed' ? '已决定立案调查' : '决定不予立案'}。`,
      '本机关将依法对举报人信息予以保密。',
    ],
  },
  'platformTakedown.declarationDelivered': {
    kind: 'notification',
    series: '告',
    title: '不侵权声明转送告知书',
    addressee: 'submitter',
    recipient: (d) => name(d.rightsHolder),
    body: () => [
      '平台内经营者已提交不存在侵权行为的声明，现转送给你。',
      '依照《中华人民共和国电子商务法》第四十三条，你可以向有关主管部门投诉或者向人民法院起诉；平台在声明到达你后十五日内未收到你已经投诉或者起诉通知的，将及时终止所采取的措施。',
    ],
  },
  'platformTakedown.dismissed': {
    kind: 'rejectionNotice',
    series: '不受',
    title: '不予处置通知书',
    addressee: 'submitter',
    recipient: (d) => name(d.rightsHolder),
    body: (_d, s) => [
      '你提交的电商平台快速处置通知，经审查，本中心决定不予处置。',
      `理由：${(s.input as { reason?: string }).reason ?? ''}`,
    ],
  },
  'assistance.accepted': {
    kind: 'acceptanceNotice',
    series: '受',
    title: '受理通知书',
    addressee: 'submitter',
    recipient: (d) => name(d.enterprise),
    body: () => ['你单位提出的知识产权维权援助申请，经审查，本中心决定予以受理，并将指派专家提供意见。'],
  },
  'assistance.rejected': {
    kind: 'rejectionNotice',
    series: '不受',
    title: '不予受理通知书',
    addressee: 'submitter',
    recipient: (d) => name(d.enterprise),
    body: (d) => [
      '你单位提出的知识产权维权援助申请，经审查，本中心决定不予受理。',
      `理由：${d.rejection ?? ''}`,
    ],
  },
}

/** Short names of issuing agencies in document numbers; others use their name's first character. */
const AGENCY_ABBREVIATIONS: Record<string, string> = { gusu: '姑', kunshan: '昆', sip: '园', suzhou: '' }

async function issuingAgency(trx: Tx, districtId: string | null) {
  const org = districtId
    ? await trx
        .selectFrom('organizations')
        .select(['id', 'code', 'name_zh'])
        .where('id', '=', districtId)
        .executeTakeFirst()
    : undefined
  if (!org) return { key: 'center', prefix: '苏知保', name: '中国（苏州）知识产权保护中心' }
  const short = AGENCY_ABBREVIATIONS[org.code] ?? org.name_zh.slice(0, 1)
  return { key: org.id, prefix: `苏${short}知保`, name: `${org.name_zh}市场监督管理局（知识产权局）` }
}

/** The next number of a series: `苏知保受〔2026〕12号`, from the counter row locked by the update. */
export async function nextDocumentNumber(
  trx: Tx,
  agency: { key: string; prefix: string },
  series: Series,
  year: number,
) {
  await trx
    .insertInto('document_counters')
    .values({ agency: agency.key, series, year, last: 0 })
    .onConflict((oc) => oc.columns(['agency', 'series', 'year']).doNothing())
    .execute()
  const { last } = await trx
    .updateTable('document_counters')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('agency', '=', agency.key)
    .where('series', '=', series)
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow()
  return `${agency.prefix}${series}〔${year}〕${last}号`
}

async function issueNotice(context: WriteContext, step: TakenStep) {
  // Only the procedure's own events: a test type reusing complaint events issues nothing.
  const notice = step.event.startsWith(`${step.type}.`) ? NOTICES[step.event] : undefined
  if (!notice) return
  const { trx, now } = context
  const date = chinaDate(now)
  const agency = await issuingAgency(trx, step.districtId)
  const number = await nextDocumentNumber(trx, agency, notice.series, Number(date.slice(0, 4)))
  const caseRow = await trx
    .selectFrom('cases')
    .select(['number'])
    .where('id', '=', step.caseId)
    .executeTakeFirstOrThrow()
  const content = {
    title: notice.title,
    number,
    recipient: notice.recipient(step.data),
    caseNumber: caseRow.number,
    paragraphs: notice.body(step.data, step, cnDate(date)),
    agency: agency.name,
    date: cnDate(date),
  }
  const id = newId(now.getTime())
  await trx
    .insertInto('case_documents')
    .values({
      id,
      case_id: step.caseId,
      source: 'notice',
      kind: notice.kind,
      number,
      title: notice.title,
      addressee: notice.addressee,
      content: JSON.stringify(content),
      sha256: null,
      size: null,
      media_type: 'application/pdf',
      file_name: `${notice.title}-${number}.pdf`,
      created_by: context.actor.userId,
      created_at: now.toISOString(),
    })
    .execute()
}

onTransition(issueNotice)

/** A notice's PDF: the stored template fields laid out in Noto Sans SC. */
export function noticeDefinition(content: {
  title: string
  number: string
  recipient: string
  caseNumber: string
  paragraphs: string[]
  agency: string
  date: string
}): TDocumentDefinitions {
  return {
    info: { title: `${content.title} ${content.number}` },
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    content: [
      { text: content.agency, alignment: 'center', fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      { text: content.title, alignment: 'center', fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      { text: content.number, alignment: 'right', margin: [0, 0, 0, 16] },
      { text: `${content.recipient}：`, margin: [0, 0, 0, 8] },
      ...content.paragraphs.map((p) => ({
        text: p,
        leadingIndent: 22,
        lineHeight: 1.5,
        margin: [0, 0, 0, 6] as [number, number, number, number],
      })),
      { text: `案件编号：${content.caseNumber}`, fontSize: 9, margin: [0, 16, 0, 24] },
      { text: content.agency, alignment: 'right' },
      { text: content.date, alignment: 'right' },
    ],
  }
}

const stores = new Map<string, LocalBlobStore>()
/** The shared content-addressed blob store (kernel/storage), `DATA_DIR/blobs`. */
export function caseBlobStore(config: Config): LocalBlobStore {
  const root = path.join(config.dataDir, 'blobs')
  let store = stores.get(root)
  if (!store) {
    store = new LocalBlobStore(root)
    stores.set(root, store)
  }
  return store
}

/** How the caller relates to a case: staff in scope, its submitter, its respondent, or nothing. */
export async function relationTo(db: Db | Tx, actor: Actor, caseId: string) {
  if (isStaff(actor) && can(actor, 'case.read')) {
    return (await findCase(db, actor, caseId)) ? ('staff' as const) : null
  }
  if (actor.kind === 'anonymous') return null
  const submission = await db
    .selectFrom('case_submissions')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where((eb) =>
      actor.entityId ? eb('entity_id', '=', actor.entityId) : eb('user_id', '=', actor.userId ?? ''),
    )
    .executeTakeFirst()
  if (submission) return 'submitter' as const
  if (actor.entityId) {
    const respondent = await db
      .selectFrom('case_keys')
      .innerJoin('cases', 'cases.id', 'case_keys.case_id')
      .innerJoin('entities', 'entities.uscc', 'case_keys.value')
      .select('cases.id')
      .where('case_keys.case_id', '=', caseId)
      .where('case_keys.kind', '=', 'respondentUscc')
      .where('entities.id', '=', actor.entityId)
      .where('cases.type', '!=', 'report')
      .executeTakeFirst()
    if (respondent) return 'respondent' as const
  }
  return null
}

const visibleTo = {
  staff: ['submitter', 'parties', 'internal'],
  submitter: ['submitter', 'parties'],
  respondent: ['parties'],
} as const

export async function listDocuments(context: ReadContext, caseId: string) {
  const relation = await relationTo(context.db, context.actor, caseId)
  if (!relation) throw new AppError(casesErrors.case_not_found)
  return documentsFor(context.db, caseId, relation)
}

/** The documents of a case addressed to what `relation` may see. */
export async function documentsFor(db: Db | Tx, caseId: string, relation: keyof typeof visibleTo) {
  const rows = await db
    .selectFrom('case_documents')
    .select([
      'id',
      'source',
      'kind',
      'number',
      'title',
      'addressee',
      'sha256',
      'size',
      'media_type',
      'file_name',
      'created_at',
    ])
    .where('case_id', '=', caseId)
    .where('addressee', 'in', [...visibleTo[relation]])
    .orderBy('id')
    .execute()
  return {
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      kind: r.kind,
      number: r.number,
      title: r.title,
      addressee: r.addressee,
      sha256: r.sha256,
      size: r.size,
      mediaType: r.media_type,
      fileName: r.file_name,
      createdAt: r.created_at,
    })),
  }
}

/**
 * Checks that a caller related to the case as `relation` may read the document, and records the read
 * in the caller's transaction: who downloaded which notice is audited, whether signed in
 * (`case.document.read`) or by tracking code (`case.document.tracked`). Returns the row for
 * `documentFile`, called after the commit so a PDF is not rendered while holding SQLite's only writer.
 */
export async function recordDocumentRead(
  context: WriteContext,
  caseId: string,
  documentId: string,
  relation: keyof typeof visibleTo,
  action: 'case.document.read' | 'case.document.tracked' = 'case.document.read',
) {
  const doc = await context.trx
    .selectFrom('case_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .where('addressee', 'in', [...visibleTo[relation]])
    .executeTakeFirst()
  if (!doc) throw new AppError(casesErrors.document_not_found)
  await context.audit({
    action,
    targetType: 'case_document',
    targetId: doc.id,
    after: { caseId, relation, number: doc.number },
  })
  return doc
}

/** The signed-in caller's read of a document of a case they relate to (staff in scope, submitter, respondent). */
export async function readDocument(context: WriteContext, caseId: string, documentId: string) {
  const relation = await relationTo(context.trx, context.actor, caseId)
  if (!relation) throw new AppError(casesErrors.case_not_found)
  return recordDocumentRead(context, caseId, documentId, relation)
}

/** A document's bytes; a notice is rendered and kept by SHA-256 on its first download. */
export async function documentFile(db: Db, config: Config, doc: Database['case_documents']) {
  const store = caseBlobStore(config)
  let sha256 = doc.sha256
  if (!sha256) {
    const pdf = await renderPdf(noticeDefinition(JSON.parse(doc.content!)))
    const staged = await store.stage(Readable.from([pdf]))
    await staged.commit()
    sha256 = staged.sha256
    // A cache of a deterministic rendering, not a change of the record: no audit entry.
    await db
      .updateTable('case_documents')
      .set({ sha256, size: staged.size })
      .where('id', '=', doc.id)
      .where('sha256', 'is', null)
      .execute()
  }
  const stream = await store.open(sha256)
  if (!stream) throw new AppError(casesErrors.document_not_found)
  return { stream, mediaType: doc.media_type, fileName: doc.file_name }
}

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** The declared types accepted as case attachments; their first bytes must agree (kernel sniffing). */
export const ATTACHMENT_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'text/plain',
])

/** The caller may attach to the case: staff who handle it, or its submitter. */
export async function assertMayAttach(db: Db | Tx, actor: Actor, caseId: string) {
  const relation = await relationTo(db, actor, caseId)
  if (relation === 'staff' && can(actor, 'case.handle')) return 'internal' as const
  if (relation === 'submitter') return 'submitter' as const
  throw new AppError(casesErrors.case_not_found)
}

export async function recordAttachment(
  context: WriteContext,
  caseId: string,
  file: { sha256: string; size: number; mediaType: string; fileName: string; title: string },
) {
  const { trx, now, actor } = context
  const addressee = await assertMayAttach(trx, actor, caseId)
  const id = newId(now.getTime())
  await trx
    .insertInto('case_documents')
    .values({
      id,
      case_id: caseId,
      source: 'attachment',
      kind: 'attachment',
      number: null,
      title: file.title,
      addressee,
      content: null,
      sha256: file.sha256,
      size: file.size,
      media_type: file.mediaType,
      file_name: file.fileName,
      created_by: actor.userId,
      created_at: now.toISOString(),
    })
    .execute()
  const row = await trx.selectFrom('cases').select('type').where('id', '=', caseId).executeTakeFirstOrThrow()
  await appendCaseEvent(trx, {
    caseId,
    at: now,
    actorId: actor.userId,
    actorLabel: actor.username ?? actor.kind,
    event: 'document.attached',
    data: { documentId: id, sha256: file.sha256, fileName: file.fileName },
  })
  await context.audit({
    action: 'case.attach',
    targetType: row.type,
    targetId: caseId,
    after: { id, ...file },
  })
  return { id, sha256: file.sha256, size: file.size }
}
