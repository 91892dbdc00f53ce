import type { ExpressionBuilder } from 'kysely'
import type { z } from 'zod'
import type {
  consentInput,
  TalentProfile,
  talentInput,
  talentListQuery,
} from '../../../contracts/classroom/index.ts'
import type { Database } from '../../database.ts'
import { type Actor, can, outsideDistrictScope, scopeCondition } from '../../kernel/access.ts'
import { containsText } from '../../kernel/db/like.ts'
import { AppError, kernelErrors } from '../../kernel/errors.ts'
import type { ReadContext, WriteContext } from '../../kernel/http/context.ts'
import { newId } from '../../kernel/ids.ts'
import { classroomErrors } from './errors.ts'
import { indexTalent } from './search-document.ts'

type Row = Database['talent_profiles']

// A profile is public only while consent is recorded and not withdrawn (published = 1).
const readScope = { district: 'talent_profiles.district_id', published: 'talent_profiles.published' }
const writeScope = { district: 'talent_profiles.district_id' }

function manages(actor: Actor) {
  return can(actor, 'talent.manage')
}

function present(row: Row, actor: Actor): TalentProfile {
  const manager = manages(actor)
  // The digest in the address lets browsers cache a photo until it is replaced.
  const photoUrl =
    row.photo_sha256 && (manager || row.published === 1)
      ? `/api/talent/profiles/${row.id}/photo?v=${row.photo_sha256.slice(0, 12)}`
      : null
  const contactPublic = row.published === 1 && row.consent_scope === 'profileAndContact'
  return {
    id: row.id,
    kind: row.kind as TalentProfile['kind'],
    name: row.name,
    title: row.title,
    organization: row.organization,
    ipcSections: JSON.parse(row.ipc_sections),
    topics: JSON.parse(row.topics),
    bio: row.bio,
    phone: manager || contactPublic ? row.phone : null,
    email: manager || contactPublic ? row.email : null,
    published: row.published === 1,
    consent: manager
      ? {
          scope: row.consent_scope,
          recordedAt: row.consent_at,
          note: row.consent_note,
          withdrawnAt: row.consent_withdrawn_at,
        }
      : null,
    districtId: row.district_id,
    photoUrl,
  }
}

/** Managing staff see unpublished profiles of their district; everyone else only published ones. */
function visible(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'talent_profiles'>) =>
    manages(actor) ? scopeCondition(eb, actor, readScope) : eb('talent_profiles.published', '=', 1)
}

export async function listTalent(context: ReadContext, query: z.output<typeof talentListQuery>) {
  let q = context.db.selectFrom('talent_profiles').where(visible(context.actor))
  if (query.kind) q = q.where('kind', '=', query.kind)
  // Sections are stored as a JSON array of single letters, e.g. ["G","H"].
  if (query.ipcSection) q = q.where('ipc_sections', 'like', `%"${query.ipcSection}"%`)
  if (query.q) {
    const text = query.q
    q = q.where((eb) =>
      eb.or([containsText('name', text), containsText('organization', text), containsText('topics', text)]),
    )
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('kind')
      .orderBy('name')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((r) => present(r, context.actor)),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function getTalent(context: ReadContext, id: string) {
  const row = await context.db
    .selectFrom('talent_profiles')
    .selectAll()
    .where('id', '=', id)
    .where(visible(context.actor))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return present(row, context.actor)
}

async function ownForWrite(context: WriteContext, id: string) {
  const row = await context.trx
    .selectFrom('talent_profiles')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => scopeCondition(eb, context.actor, writeScope))
    .executeTakeFirst()
  if (!row) throw new AppError(kernelErrors.not_found)
  return row
}

export async function createTalent(context: WriteContext, input: z.output<typeof talentInput>) {
  const districtId = input.districtId === undefined ? context.actor.districtId : input.districtId
  if (outsideDistrictScope(context.actor, districtId)) throw new AppError(kernelErrors.forbidden)
  const now = context.now.toISOString()
  const row: Row = {
    id: newId(context.now.getTime()),
    kind: input.kind,
    name: input.name,
    title: input.title,
    organization: input.organization,
    ipc_sections: JSON.stringify([...new Set(input.ipcSections)].sort()),
    topics: JSON.stringify(input.topics),
    bio: input.bio,
    phone: input.phone,
    email: input.email,
    consent_scope: null,
    consent_at: null,
    consent_note: null,
    consent_withdrawn_at: null,
    published: 0,
    photo_sha256: null,
    photo_type: null,
    district_id: districtId,
    created_at: now,
    updated_at: now,
  }
  await context.trx.insertInto('talent_profiles').values(row).execute()
  await indexTalent(context.trx, row, context.now)
  await context.audit({
    action: 'talent.create',
    targetType: 'talentProfile',
    targetId: row.id,
    after: { name: row.name, kind: row.kind },
  })
  return present(row, context.actor)
}

export async function updateTalent(context: WriteContext, id: string, input: z.output<typeof talentInput>) {
  const before = await ownForWrite(context, id)
  const changes = {
    kind: input.kind,
    name: input.name,
    title: input.title,
    organization: input.organization,
    ipc_sections: JSON.stringify([...new Set(input.ipcSections)].sort()),
    topics: JSON.stringify(input.topics),
    bio: input.bio,
    phone: input.phone,
    email: input.email,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('talent_profiles').set(changes).where('id', '=', id).execute()
  const after = { ...before, ...changes }
  await indexTalent(context.trx, after, context.now)
  await context.audit({
    action: 'talent.update',
    targetType: 'talentProfile',
    targetId: id,
    before: { name: before.name },
    after: { name: after.name },
  })
  return present(after, context.actor)
}

/** Records the person's consent (time, scope and how it was given); the profile is published at once. */
export async function recordConsent(context: WriteContext, id: string, input: z.output<typeof consentInput>) {
  const before = await ownForWrite(context, id)
  const changes = {
    consent_scope: input.scope,
    consent_at: context.now.toISOString(),
    consent_note: input.note,
    consent_withdrawn_at: null,
    published: 1,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('talent_profiles').set(changes).where('id', '=', id).execute()
  const after = { ...before, ...changes }
  await indexTalent(context.trx, after, context.now)
  await context.audit({
    action: 'talent.consent.record',
    targetType: 'talentProfile',
    targetId: id,
    before: { consentScope: before.consent_scope, published: before.published === 1 },
    after: { consentScope: input.scope, consentAt: changes.consent_at, note: input.note, published: true },
  })
  return present(after, context.actor)
}

/**
 * Withdrawal unpublishes the profile immediately, removes it from the search index and unlinks its
 * photo; the caller deletes the photo's bytes once this commits (`removedPhoto`).
 */
export async function withdrawConsent(context: WriteContext, id: string) {
  const before = await ownForWrite(context, id)
  if (before.consent_at === null || before.consent_withdrawn_at !== null)
    throw new AppError(classroomErrors.talent_consent_required)
  const changes = {
    consent_withdrawn_at: context.now.toISOString(),
    published: 0,
    photo_sha256: null,
    photo_type: null,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('talent_profiles').set(changes).where('id', '=', id).execute()
  const after = { ...before, ...changes }
  await indexTalent(context.trx, after, context.now)
  await context.audit({
    action: 'talent.consent.withdraw',
    targetType: 'talentProfile',
    targetId: id,
    before: { published: before.published === 1, photo: before.photo_sha256 },
    after: { published: false, withdrawnAt: changes.consent_withdrawn_at, photo: null },
  })
  return { profile: present(after, context.actor), removedPhoto: before.photo_sha256 }
}

/**
 * Sets (or with null removes) the photo of a profile whose consent stands; returns the profile and
 * the digest of a photo it replaced, for the caller to delete once this commits.
 */
export async function setTalentPhoto(
  context: WriteContext,
  id: string,
  photo: { sha256: string; mediaType: string } | null,
) {
  const before = await ownForWrite(context, id)
  if (photo && before.published !== 1) throw new AppError(classroomErrors.talent_consent_required)
  const changes = {
    photo_sha256: photo?.sha256 ?? null,
    photo_type: photo?.mediaType ?? null,
    updated_at: context.now.toISOString(),
  }
  await context.trx.updateTable('talent_profiles').set(changes).where('id', '=', id).execute()
  await context.audit({
    action: photo ? 'talent.photo.set' : 'talent.photo.remove',
    targetType: 'talentProfile',
    targetId: id,
    before: { photo: before.photo_sha256 },
    after: { photo: changes.photo_sha256, mediaType: changes.photo_type },
  })
  const removedPhoto = before.photo_sha256 !== changes.photo_sha256 ? before.photo_sha256 : null
  return { profile: present({ ...before, ...changes }, context.actor), removedPhoto }
}

/** The photo of a profile the caller may see, or not found. */
export async function talentPhoto(context: ReadContext, id: string) {
  const row = await context.db
    .selectFrom('talent_profiles')
    .select(['photo_sha256', 'photo_type'])
    .where('id', '=', id)
    .where(visible(context.actor))
    .executeTakeFirst()
  if (!row?.photo_sha256 || !row.photo_type) throw new AppError(kernelErrors.not_found)
  return { sha256: row.photo_sha256, mediaType: row.photo_type }
}
