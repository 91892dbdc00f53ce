import type { z } from 'zod'
import type { Article, articleListQuery, createArticleRequest } from '../../../contracts/content.ts'
import type { Database } from '../../database.ts'
import { isStaff, scopeCondition } from '../../kernel/access.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { indexArticle } from './search-document.ts'

// Articles are the portal's published notices and news; the review workflow comes with the portal issue.
const scope = { district: 'articles.district_id', published: 'articles.published' }
// Changing an article needs it in the caller's district; being published elsewhere is not enough.
const writeScope = { district: 'articles.district_id' }

function present(row: Database['articles']): Article {
  return {
    id: row.id,
    kind: row.kind as Article['kind'],
    title: row.title,
    summary: row.summary,
    body: row.body,
    districtId: row.district_id,
    status: row.status,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  }
}

export async function listArticles(context: ReadContext, query: z.output<typeof articleListQuery>) {
  let q = context.db.selectFrom('articles').where((eb) => scopeCondition(eb, context.actor, scope))
  if (query.kind) q = q.where('kind', '=', query.kind)
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('created_at', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(present), total: Number(count.n), page: query.page, pageSize: query.pageSize }
}

export async function getArticle(context: ReadContext, id: string): Promise<Article> {
  const row = await context.db
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, scope))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return present(row)
}

export async function createArticle(
  context: WriteContext,
  input: z.output<typeof createArticleRequest>,
): Promise<Article> {
  const districtId = input.districtId ?? context.actor.districtId
  if (
    isStaff(context.actor) &&
    context.actor.districtId !== null &&
    districtId !== context.actor.districtId
  ) {
    throw new AppError(kernelErrors.forbidden)
  }
  const row: Database['articles'] = {
    id: newId(context.now.getTime()),
    kind: input.kind,
    title: input.title,
    summary: input.summary ?? null,
    body: input.body,
    district_id: districtId,
    status: 'draft',
    published: 0,
    published_at: null,
    author_id: context.actor.userId,
    created_at: context.now.toISOString(),
    updated_at: context.now.toISOString(),
  }
  await context.trx.insertInto('articles').values(row).execute()
  await indexArticle(context.trx, row, context.now)
  await context.audit({ action: 'article.create', targetType: 'article', targetId: row.id, after: row })
  return present(row)
}

export async function publishArticle(
  context: WriteContext,
  id: string,
  published: boolean,
): Promise<Article> {
  const before = await context.trx
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!before) throw new AppError(kernelErrors.not_found)
  const changes = {
    status: published ? ('published' as const) : ('archived' as const),
    published: published ? 1 : 0,
    published_at: published ? context.now.toISOString() : before.published_at,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('articles').set(changes).where('id', '=', id).execute()
  await indexArticle(context.trx, { ...before, ...changes }, context.now)
  await context.audit({
    action: published ? 'article.publish' : 'article.unpublish',
    targetType: 'article',
    targetId: id,
    before: { status: before.status },
    after: { status: changes.status },
  })
  return present({ ...before, ...changes })
}
