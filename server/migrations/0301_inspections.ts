import type { Kysely } from 'kysely'

/**
 * Double-random inspections (双随机、一公开): the lists (一单两库: items, entity profiles, inspectors and
 * their declared conflicts), plans and tasks, draws (commitment, randomness, the verbatim published
 * record) and the drawn targets with their results.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspection_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('required_qualifications', 'text', (c) => c.notNull())
    .addColumn('legal_review', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // Inspection-specific attributes of a market entity, keyed by the entities module's id.
  await db.schema
    .createTable('inspection_entity_profiles')
    .addColumn('entity_id', 'text', (c) => c.primaryKey().references('entities.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('credit_level', 'text', (c) => c.notNull())
    .addColumn('key_enterprise', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('inspection_last_inspections')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('inspection_items.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_last_inspections_pk', ['entity_id', 'item_id'])
    .execute()

  await db.schema
    .createTable('inspectors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('badge', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('qualifications', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inspectors_agency').on('inspectors').column('agency_id').execute()

  await db.schema
    .createTable('inspector_conflicts')
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('inspectors.id'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_conflicts_pk', ['inspector_id', 'entity_id'])
    .execute()

  await db.schema
    .createTable('inspection_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('inspection_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('inspection_plans.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('population', 'text', (c) => c.notNull())
    .addColumn('stratify_by', 'text', (c) => c.notNull())
    .addColumn('rounding', 'text', (c) => c.notNull())
    .addColumn('strata', 'text', (c) => c.notNull())
    .addColumn('inspectors_per_target', 'integer', (c) => c.notNull())
    .addColumn('agencies', 'text', (c) => c.notNull())
    .addColumn('joint', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('inspection_tasks_plan').on('inspection_tasks').column('plan_id').execute()

  await db.schema
    .createTable('inspection_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One draw per task: a second draw would be a silent re-draw (trust.md C.3).
    .addColumn('task_id', 'text', (c) => c.notNull().unique().references('inspection_tasks.id'))
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('drand_round', 'bigint')
    .addColumn('observers', 'text', (c) => c.notNull())
    .addColumn('reveals', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .addColumn('committed_by', 'text')
    .addColumn('seed', 'text')
    .addColumn('record', 'text')
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .addColumn('drawn_at', 'text')
    .addColumn('drawn_by', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute()

  await db.schema
    .createTable('inspection_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'text', (c) => c.notNull().references('inspection_draws.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('stratum', 'text', (c) => c.notNull())
    .addColumn('district_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('notes', 'text')
    .addColumn('evidence_refs', 'text', (c) => c.notNull())
    .addColumn('result_on', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_by_name', 'text')
    .addColumn('review_required', 'integer', (c) => c.notNull())
    .addColumn('review_status', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('publish_due', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .execute()
  await db.schema
    .createIndex('inspection_targets_draw')
    .on('inspection_targets')
    .columns(['draw_id', 'position'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'inspection_targets',
    'inspection_draws',
    'inspection_tasks',
    'inspection_plans',
    'inspector_conflicts',
    'inspectors',
    'inspection_last_inspections',
    'inspection_entity_profiles',
    'inspection_items',
  ])
    await db.schema.dropTable(t).execute()
}
