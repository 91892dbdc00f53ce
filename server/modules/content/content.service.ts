import { sql } from 'kysely'
import type { z } from 'zod'
import type {
  Article,
  articleListQuery,
  ContentState,
  createArticleRequest,
  GuideFields,
  reviewRequest,
  updateArticleRequest,
} from '../../../contracts/content.ts'
import type { Database, Db, Tx } from '../../database.ts'
import { type Actor, anonymousActor, outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { writeAudit } from '../../kernel/audit.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { cancelJobs, enqueueJob, type JobHandler } from '../../kernel/jobs.ts'
import { contentErrors } from './errors.ts'
import { sanitizeBody } from './sanitize.ts'
import { indexArticle } from './search-document.ts'

type Row = Database['articles']

// Staff see their district's drafts and everything published; the public sees published items only.
const scope = { district: 'articles.district_id', published: 'articles.published' }
// Changing an item needs it in the caller's district; being published elsewhere is not enough.
const writeScope = { district: 'articles.district_id' }

export const PUBLISH_JOB = 'content.publish'
export const UNPUBLISH_JOB = 'content.unpublish'

/** Scheduled steps are recorded in the audit log as done by the scheduler. */
const schedulerActor: Actor = Object.freeze({
  ...anonymousActor,
  kind: 'user',
  username: 'system',
  displayName: '定时发布',
})

type Attachment = Article['attachments'][number]

function present(row: Row, attachments: Attachment[] = []): Article {
  return {
    id: row.id,
    kind: row.kind as Article['kind'],
    title: row.title,
    summary: row.summary,
    body: row.body,
    districtId: row.district_id,
    status: row.status,
    category: row.category,
    policy:
      row.kind === 'policy' && row.authority && row.issue_date
        ? {
            authority: row.authority,
            documentNumber: row.document_number,
            issueDate: row.issue_date,
            effectiveDate: row.effective_date,
            expiryDate: row.expiry_date,
            validity: (row.validity ?? 'in_force') as 'in_force',
          }
        : null,
    guide: row.kind === 'guide' && row.guide ? (JSON.parse(row.guide) as GuideFields) : null,
    attachments,
    publishedAt: row.published_at,
    publishAt: row.publish_at,
    unpublishAt: row.unpublish_at,
    reviewComment: row.review_comment,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

async function attachmentsOf(db: Db | Tx, articleId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('article_attachments')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
  }))
}

export async function listArticles(
  context: ReadContext,
  query: z.output<typeof articleListQuery>,
): Promise<{ items: Article[]; total: number; page: number; pageSize: number }> {
  let q = context.db.selectFrom('articles').where((eb) => scopeCondition(eb, context.actor, scope))
  if (query.kind?.length) q = q.where('kind', 'in', query.kind)
  if (query.status?.length) q = q.where('status', 'in', query.status)
  if (query.validity) q = q.where('validity', '=', query.validity)
  if (query.authority) q = q.where('authority', '=', query.authority)
  if (query.category) q = q.where('category', '=', query.category)
  if (query.q) q = q.where(containsText('title', query.q))
  if (query.year) {
    const year = String(query.year)
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'policy'), eb('issue_date', 'like', `${year}-%`)]),
        eb.and([eb('kind', '!=', 'policy'), eb('published_at', 'like', `${year}-%`)]),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      // Policies by issue date, everything else by publication; never-published items last.
      .orderBy(sql`coalesce(issue_date, published_at, created_at)`, 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => present(r)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

/** An item the caller may see (the public: published ones), or undefined. */
export async function findVisible(db: Db | Tx, actor: Actor, id: string): Promise<Row | undefined> {
  return db
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, actor, scope))
    .executeTakeFirst()
}

export async function getArticle(context: ReadContext, id: string): Promise<Article> {
  const row = await findVisible(context.db, context.actor, id)
  if (!row) throw new AppError(contentErrors.content_not_found)
  return present(row, await attachmentsOf(context.db, id))
}

/** Authorities and years among published policies, for the portal's filters. */
export async function policyFacets(context: ReadContext) {
  const rows = await context.db
    .selectFrom('articles')
    .select(['authority', 'issue_date'])
    .where('kind', '=', 'policy')
    .where('published', '=', 1)
    .execute()
  const authorities = [...new Set(rows.map((r) => r.authority).filter((a): a is string => !!a))].sort()
  const years = [
    ...new Set(rows.map((r) => Number(r.issue_date?.slice(0, 4))).filter((y) => Number.isFinite(y))),
  ].sort((a, b) => b - a)
  return { authorities, years }
}

/** The kind's own fields as columns; a policy needs authority and issue date, a guide its steps. */
function kindColumns(kind: string, input: z.output<typeof updateArticleRequest>) {
  if (kind === 'policy' && !input.policy) throw new AppError(contentErrors.content_kind_fields)
  if (kind === 'guide' && !input.guide?.steps.length) throw new AppError(contentErrors.content_kind_fields)
  const p = kind === 'policy' ? input.policy : null
  return {
    category: input.category ?? null,
    authority: p?.authority ?? null,
    document_number: p?.documentNumber ?? null,
    issue_date: p?.issueDate ?? null,
    effective_date: p?.effectiveDate ?? null,
    expiry_date: p?.expiryDate ?? null,
    validity: p?.validity ?? null,
    guide: kind === 'guide' && input.guide ? JSON.stringify(input.guide) : null,
  }
}

export async function createArticle(
  context: WriteContext,
  input: z.output<typeof createArticleRequest>,
): Promise<Article> {
  const districtId = input.districtId ?? context.actor.districtId
  if (outsideDistrictScope(context.actor, districtId)) {
    throw new AppError(kernelErrors.forbidden)
  }
  const now = context.now.toISOString()
  const row: Row = {
    id: newId(context.now.getTime()),
    kind: input.kind,
    title: input.title,
    summary: input.summary || null,
    body: sanitizeBody(input.body),
    district_id: districtId,
    status: 'draft',
    published: 0,
    published_at: null,
    author_id: context.actor.userId,
    created_at: now,
    updated_at: now,
    ...kindColumns(input.kind, input),
    publish_at: null,
    unpublish_at: null,
    submitted_by: null,
    reviewed_by: null,
    review_comment: null,
  }
  await context.trx.insertInto('articles').values(row).execute()
  await indexArticle(context.trx, row, context.now)
  await context.audit({ action: 'article.create', targetType: 'article', targetId: row.id, after: row })
  return present(row)
}

/** The item in the caller's write scope, locked for the change; refused unless in one of `states`. */
async function forChange(context: WriteContext, id: string, states: readonly ContentState[]): Promise<Row> {
  const row = await context.trx
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!row) throw new AppError(contentErrors.content_not_found)
  if (!states.includes(row.status)) {
    throw new AppError(contentErrors.content_wrong_state, { detail: { status: row.status } })
  }
  return row
}

/** Applies a change of an item, keeps the search index in step and audits it, in one transaction. */
async function apply(
  trx: Tx,
  before: Row,
  changes: Partial<Row>,
  now: Date,
  audit: (event: { action: string; before: unknown; after: unknown }) => Promise<void>,
  action: string,
): Promise<Row> {
  const after: Row = { ...before, ...changes, updated_at: now.toISOString() }
  await trx
    .updateTable('articles')
    .set({ ...changes, updated_at: after.updated_at })
    .where('id', '=', before.id)
    .execute()
  await indexArticle(trx, after, now)
  const keys = Object.keys(changes) as (keyof Row)[]
  await audit({
    action,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  })
  return after
}

const auditOf =
  (context: WriteContext, id: string) => (e: { action: string; before: unknown; after: unknown }) =>
    context.audit({ ...e, targetType: 'article', targetId: id })

export async function updateArticle(
  context: WriteContext,
  id: string,
  input: z.output<typeof updateArticleRequest>,
): Promise<Article> {
  const before = await forChange(context, id, ['draft'])
  const after = await apply(
    context.trx,
    before,
    {
      title: input.title,
      summary: input.summary || null,
      body: sanitizeBody(input.body),
      ...kindColumns(before.kind, input),
    },
    context.now,
    auditOf(context, id),
    'article.update',
  )
  return present(after, await attachmentsOf(context.trx, id))
}

export async function submitArticle(context: WriteContext, id: string): Promise<Article> {
  const before = await forChange(context, id, ['draft'])
  const after = await apply(
    context.trx,
    before,
    { status: 'in_review', submitted_by: context.actor.userId, review_comment: null },
    context.now,
    auditOf(context, id),
    'article.submit',
  )
  return present(after, await attachmentsOf(context.trx, id))
}

function publication(now: Date): Partial<Row> {
  return { status: 'published', published: 1, published_at: now.toISOString(), publish_at: null }
}

async function scheduleUnpublish(trx: Tx, now: Date, id: string, at: string) {
  await cancelJobs(trx, `${UNPUBLISH_JOB}:${id}:`, now)
  await enqueueJob(trx, now, {
    kind: UNPUBLISH_JOB,
    payload: { id, at },
    runAt: new Date(at),
    dedupeKey: `${UNPUBLISH_JOB}:${id}:${at}`,
  })
}

export async function reviewArticle(
  context: WriteContext,
  id: string,
  input: z.output<typeof reviewRequest>,
): Promise<Article> {
  const before = await forChange(context, id, ['in_review'])
  const me = context.actor.userId
  if (me !== null && (before.author_id === me || before.submitted_by === me)) {
    throw new AppError(contentErrors.content_own_review)
  }
  const audit = auditOf(context, id)
  if (input.decision === 'return') {
    const after = await apply(
      context.trx,
      before,
      { status: 'draft', reviewed_by: me, review_comment: input.comment },
      context.now,
      audit,
      'article.return',
    )
    return present(after, await attachmentsOf(context.trx, id))
  }
  const now = context.now
  const publishAt = input.publishAt ? new Date(input.publishAt) : null
  const unpublishAt = input.unpublishAt ? new Date(input.unpublishAt) : null
  if (publishAt && publishAt.getTime() <= now.getTime())
    throw new AppError(contentErrors.content_schedule_invalid)
  if (unpublishAt && unpublishAt.getTime() <= (publishAt ?? now).getTime()) {
    throw new AppError(contentErrors.content_schedule_invalid)
  }
  const common: Partial<Row> = {
    reviewed_by: me,
    review_comment: input.comment || null,
    unpublish_at: unpublishAt?.toISOString() ?? null,
  }
  let after: Row
  if (publishAt) {
    const at = publishAt.toISOString()
    after = await apply(
      context.trx,
      before,
      { ...common, status: 'scheduled', publish_at: at },
      now,
      audit,
      'article.schedule',
    )
    await enqueueJob(context.trx, now, {
      kind: PUBLISH_JOB,
      payload: { id, at },
      runAt: publishAt,
      dedupeKey: `${PUBLISH_JOB}:${id}:${at}`,
    })
  } else {
    after = await apply(
      context.trx,
      before,
      { ...common, ...publication(now) },
      now,
      audit,
      'article.publish',
    )
  }
  if (unpublishAt) await scheduleUnpublish(context.trx, now, id, unpublishAt.toISOString())
  return present(after, await attachmentsOf(context.trx, id))
}

/** Takes an item down now (published or scheduled), or schedules the take-down of a published one. */
export async function unpublishArticle(
  context: WriteContext,
  id: string,
  at?: string | null,
): Promise<Article> {
  const now = context.now
  if (at) {
    const when = new Date(at)
    if (when.getTime() <= now.getTime()) throw new AppError(contentErrors.content_schedule_invalid)
    const before = await forChange(context, id, ['published'])
    const after = await apply(
      context.trx,
      before,
      { unpublish_at: when.toISOString() },
      now,
      auditOf(context, id),
      'article.scheduleUnpublish',
    )
    await scheduleUnpublish(context.trx, now, id, when.toISOString())
    return present(after, await attachmentsOf(context.trx, id))
  }
  const before = await forChange(context, id, ['published', 'scheduled'])
  await cancelJobs(context.trx, `${PUBLISH_JOB}:${id}:`, now)
  await cancelJobs(context.trx, `${UNPUBLISH_JOB}:${id}:`, now)
  const after = await apply(
    context.trx,
    before,
    { status: 'archived', published: 0, publish_at: null, unpublish_at: null },
    now,
    auditOf(context, id),
    'article.unpublish',
  )
  return present(after, await attachmentsOf(context.trx, id))
}

/** An archived item goes back to its author as a draft, to be changed and reviewed again. */
export async function reopenArticle(context: WriteContext, id: string): Promise<Article> {
  const before = await forChange(context, id, ['archived'])
  const after = await apply(
    context.trx,
    before,
    { status: 'draft', reviewed_by: null },
    context.now,
    auditOf(context, id),
    'article.reopen',
  )
  return present(after, await attachmentsOf(context.trx, id))
}

/** A draft's attachment, recorded after its bytes are stored. */
export async function recordAttachment(
  context: WriteContext,
  id: string,
  file: { sha256: string; size: number; mediaType: string; fileName: string },
): Promise<Attachment> {
  await forChange(context, id, ['draft'])
  const attachment = { id: newId(context.now.getTime()), ...file }
  await context.trx
    .insertInto('article_attachments')
    .values({
      id: attachment.id,
      article_id: id,
      sha256: file.sha256,
      size: file.size,
      media_type: file.mediaType,
      file_name: file.fileName,
      created_by: context.actor.userId,
      created_at: context.now.toISOString(),
    })
    .execute()
  await context.trx
    .updateTable('articles')
    .set({ updated_at: context.now.toISOString() })
    .where('id', '=', id)
    .execute()
  await context.audit({ action: 'article.attach', targetType: 'article', targetId: id, after: attachment })
  return attachment
}

export async function removeAttachment(context: WriteContext, id: string, attachmentId: string) {
  await forChange(context, id, ['draft'])
  const row = await context.trx
    .selectFrom('article_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('article_id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(contentErrors.content_not_found)
  await context.trx.deleteFrom('article_attachments').where('id', '=', attachmentId).execute()
  await context.audit({ action: 'article.detach', targetType: 'article', targetId: id, before: row })
  return { ok: true as const }
}

/** An attachment of an item the caller may see: the public only those of published items. */
export async function findAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  const article = await findVisible(db, actor, id)
  if (!article) throw new AppError(contentErrors.content_not_found)
  const row = await db
    .selectFrom('article_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('article_id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError(contentErrors.content_not_found)
  return row
}

/**
 * The scheduled steps. Each job carries the time it was scheduled for; a job whose item has since
 * been rescheduled, taken down or reopened finds it changed and does nothing.
 */
export function contentJobs(): JobHandler[] {
  const run =
    (
      from: ContentState,
      column: 'publish_at' | 'unpublish_at',
      action: string,
      changes: (now: Date) => Partial<Row>,
    ) =>
    async ({ trx, now }: { trx: Tx; now: Date }, payload: { id: string; at: string }) => {
      const before = await trx
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', payload.id)
        .where('status', '=', from)
        .where(column, '=', payload.at)
        .executeTakeFirst()
      if (!before) return
      await apply(
        trx,
        before,
        changes(now),
        now,
        (e) =>
          writeAudit(
            trx,
            { actor: schedulerActor, at: now },
            { ...e, targetType: 'article', targetId: payload.id },
          ),
        action,
      )
    }
  return [
    { kind: PUBLISH_JOB, run: run('scheduled', 'publish_at', 'article.publish', publication) },
    {
      kind: UNPUBLISH_JOB,
      run: run('published', 'unpublish_at', 'article.unpublish', () => ({
        status: 'archived',
        published: 0,
        unpublish_at: null,
      })),
    },
  ]
}
