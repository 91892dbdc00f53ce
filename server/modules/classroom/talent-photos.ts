import path from 'node:path'
import type { Db } from '../../database.ts'
import type { Config } from '../../kernel/config.ts'
import { LocalBlobStore } from '../../kernel/storage/blob-store.ts'

const stores = new Map<string, LocalBlobStore>()

/**
 * Talent photos have their own content-addressed store, `DATA_DIR/talent-photos`: a withdrawn
 * person's photo is deleted, which in the shared blob store could take identical bytes from an
 * evidence deposit or a case file with it.
 */
export function talentPhotoStore(config: Config): LocalBlobStore {
  const root = path.join(config.dataDir, 'talent-photos')
  let store = stores.get(root)
  if (!store) {
    store = new LocalBlobStore(root)
    stores.set(root, store)
  }
  return store
}

/** Deletes a photo's bytes once no profile refers to them (after the unlinking transaction committed). */
export async function deletePhotoIfUnused(db: Db, store: LocalBlobStore, sha256: string | null) {
  if (!sha256) return
  const used = await db
    .selectFrom('talent_profiles')
    .select('id')
    .where('photo_sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst()
  if (!used) await store.remove(sha256)
}
